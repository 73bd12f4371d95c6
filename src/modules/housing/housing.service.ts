// Community-led housing schemes: start one, change it, move it stage by stage, plan its homes by tenure and route,
// record homes completed (never more than planned), and agree the partnership with a housing association.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../audit/audit";
import type { Actor } from "../../auth/viewer";
import { inTransaction } from "../../db/transaction";
import { InputChecks } from "../../kit/input-checks";
import { lockForEdit, saveChange } from "../../kit/records";
import { notAllowed, refuse, refuseAll, Result } from "../../kit/refusals";
import { WRONG_STATUS } from "../../kit/lifecycle";
import { londonDate } from "../../kit/calendar";
import { organisationsApi } from "../organisations/organisations.api";
import { placesApi } from "../places/places.api";
import { assetsApi } from "../assets/assets.api";
import { housingAccess } from "./access";
import { BUILT_STAGES, HomeTenure, HomesRoute, HousingSchemeStage } from "./housing.enums";
import { housingEvents } from "./housing.events";
import { HousingScheme } from "./scheme.entity";
import { HomesCompletion, SchemeHomes } from "./homes.entity";
import { SchemeStageChange } from "./scheme-stage.entity";
import { moveScheme, recordSchemeStage, schemeMoveProblem } from "./scheme.transitions";

export type SchemeResult = Result<{ scheme: HousingScheme }>;

export interface SchemeDetails {
  name?: string | null;
  description?: string | null;
  placeId?: string | null;
  siteAssetId?: string | null;
  umbrellaCostsRecoupedPence?: number | null;
}

export interface NewScheme extends SchemeDetails {
  name: string;
  leadOrganisationId: string;
  startedOn?: string | null;
}

export interface Partnership {
  expectedVersion: number;
  /** Null ends the partnership (its terms go with it). */
  partnerOrganisationId: string | null;
  leaseTermYears?: number | null;
  groundRentPence?: number | null;
  buyBackOption?: boolean | null;
  freeholdHeldByClt?: boolean | null;
}

export interface HomesLine {
  tenure: HomeTenure;
  route: HomesRoute;
}

const LIMITS = { name: 200, description: 5000, note: 2000, homes: 10_000 };
/** Far beyond any scheme's costs or rent, still a safe integer of pence (£100m). */
const MAX_PENCE = 10_000_000_000;

const cannotAct = notAllowed("Only ADMIN and those acting for the scheme's lead or partner organisation act on it.");
const lineKey = (l: HomesLine) => `${l.tenure}/${l.route}`;

const snapshot = (s: HousingScheme) => ({
  name: s.name, description: s.description, placeId: s.placeId, siteAssetId: s.siteAssetId, umbrellaCostsRecoupedPence: s.umbrellaCostsRecoupedPence,
  partnerOrganisationId: s.partnerOrganisationId, leaseTermYears: s.leaseTermYears, groundRentPence: s.groundRentPence,
  buyBackOption: s.buyBackOption, freeholdHeldByClt: s.freeholdHeldByClt,
});

async function checkDetails(c: InputChecks, m: EntityManager, input: SchemeDetails, creating: boolean): Promise<Partial<HousingScheme>> {
  const out: Partial<HousingScheme> = {};
  if (creating || input.name !== undefined) out.name = c.text("name", input.name, { max: LIMITS.name, required: true }) ?? "";
  if (input.description !== undefined) out.description = c.text("description", input.description, { max: LIMITS.description }) ?? null;
  if (input.umbrellaCostsRecoupedPence !== undefined) {
    c.pence("umbrellaCostsRecoupedPence", input.umbrellaCostsRecoupedPence ?? 0, { min: 0, max: MAX_PENCE, label: "costs recouped" });
    out.umbrellaCostsRecoupedPence = input.umbrellaCostsRecoupedPence ?? 0;
  }
  if (input.siteAssetId !== undefined) {
    const site = input.siteAssetId ? (await assetsApi.byIds(m, [input.siteAssetId])).get(input.siteAssetId) : null;
    if (input.siteAssetId && !site) c.add("siteAssetId", "NOT_FOUND", "No asset has that ID.");
    out.siteAssetId = input.siteAssetId;
    // Without a place of its own, a scheme is where its site is.
    if (site && !input.placeId && creating) out.placeId = site.placeId;
  }
  if (input.placeId) {
    if (!(await placesApi.existing(m, [input.placeId])).has(input.placeId)) c.add("placeId", "UNKNOWN_PLACE", "No place has that ID.");
    out.placeId = input.placeId;
  } else if (creating && !out.placeId) c.add("placeId", "REQUIRED", "Say where the scheme is: a place, or a site (an asset) that has one.");
  else if (!creating && input.placeId === null) c.add("placeId", "REQUIRED", "A scheme is always somewhere; give another place instead.");
  return out;
}

export class HousingService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  async start(actor: Actor, input: NewScheme): Promise<SchemeResult> {
    if (!housingAccess.start(actor.viewer, input.leadOrganisationId)) {
      return { errors: [notAllowed("Start a scheme for a community land trust you own or edit (ADMIN for any).")] };
    }
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const details = await checkDetails(c, m, input, true);
      const startedOn = input.startedOn ?? this.today();
      c.pastDay("startedOn", startedOn, this.today());
      const lead = (await organisationsApi.byIds(m, [input.leadOrganisationId])).get(input.leadOrganisationId);
      if (!lead) c.add("leadOrganisationId", "NOT_FOUND", "No organisation has that ID.");
      else if (lead.archivedAt) c.add("leadOrganisationId", "ARCHIVED", "That organisation is archived.");
      if (!c.ok) refuseAll(c.errors);
      const scheme = await m.save(m.create(HousingScheme, { ...details, leadOrganisationId: input.leadOrganisationId, startedOn }));
      await audit.record(m, actor, { action: "scheme.start", entityType: "HousingScheme", entityId: scheme.id, after: { ...snapshot(scheme), leadOrganisationId: scheme.leadOrganisationId, startedOn } });
      await recordSchemeStage(m, actor, scheme, null, startedOn, null);
      return { scheme };
    });
  }

  async update(actor: Actor, schemeId: string, input: SchemeDetails & { expectedVersion: number }): Promise<SchemeResult> {
    return this.onScheme(actor, schemeId, input.expectedVersion, housingAccess.work, async (m, scheme) => {
      const c = new InputChecks();
      const changes = await checkDetails(c, m, input, false);
      if (!c.ok) refuseAll(c.errors);
      const before = snapshot(scheme);
      await saveChange(m, actor, Object.assign(scheme, changes), { action: "scheme.update", before, after: snapshot(scheme) });
      return scheme;
    });
  }

  /** One stage on. A site comes before SITE_IDENTIFIED, planned homes before ON_SITE, and COMPLETED means every one is done. */
  async move(actor: Actor, schemeId: string, input: { expectedVersion: number; stage: HousingSchemeStage; on?: string | null; note?: string | null }): Promise<SchemeResult> {
    return this.onScheme(actor, schemeId, input.expectedVersion, housingAccess.work, async (m, scheme) => {
      const problem = schemeMoveProblem(scheme, input.stage);
      if (problem) refuseAll([{ ...problem, field: ["stage"] }]);
      const c = new InputChecks();
      const on = input.on ?? this.today();
      const last = await this.lastStage(m, scheme.id);
      c.pastDay("on", on, this.today(), { day: last.movedOn, what: `the scheme reached ${last.stage}` });
      const note = c.text("note", input.note, { max: LIMITS.note }) ?? null;
      const homes = await m.find(SchemeHomes, { where: { schemeId } });
      const planned = homes.reduce((s, h) => s + h.planned, 0);
      const completed = homes.reduce((s, h) => s + h.completed, 0);
      if (input.stage === HousingSchemeStage.SITE_IDENTIFIED && !scheme.siteAssetId) c.add("stage", "SITE_REQUIRED", "Name the site (an asset in the register) first.");
      if (input.stage === HousingSchemeStage.ON_SITE && planned === 0) c.add("stage", "HOMES_REQUIRED", "Plan the homes by tenure before going on site.");
      if (input.stage === HousingSchemeStage.COMPLETED && completed < planned) {
        c.add("stage", "HOMES_NOT_COMPLETED", `${completed} of ${planned} planned homes are complete: record the rest, or plan fewer, first.`);
      }
      if (!c.ok) refuseAll(c.errors);
      return moveScheme(m, actor, scheme, input.stage, on, note, input.stage === HousingSchemeStage.COMPLETED ? { completedOn: on } : {});
    });
  }

  /** Replaces the plan: each tenure and route given, and none of any other (homes already completed stay planned). */
  async planHomes(actor: Actor, schemeId: string, input: { expectedVersion: number; homes: (HomesLine & { planned: number })[] }): Promise<SchemeResult> {
    return this.onScheme(actor, schemeId, input.expectedVersion, housingAccess.work, async (m, scheme) => {
      if (BUILT_STAGES.includes(scheme.stage)) refuse(null, WRONG_STATUS, `The homes of a scheme that is ${scheme.stage} are built: the plan no longer changes.`);
      const c = new InputChecks();
      const current = new Map((await m.find(SchemeHomes, { where: { schemeId } })).map((h) => [lineKey(h), h]));
      const given = new Map<string, HomesLine & { planned: number }>();
      input.homes.forEach((line, i) => {
        if (given.has(lineKey(line))) c.add(`homes.${i}`, "DUPLICATE", "Give each tenure and route once.");
        c.int(`homes.${i}.planned`, line.planned, 0, LIMITS.homes);
        given.set(lineKey(line), line);
      });
      for (const [key, h] of current) {
        const planned = given.get(key)?.planned ?? 0;
        if (h.completed > planned) c.add("homes", "HOMES_COMPLETED_ABOVE_PLANNED", `${h.completed} ${h.tenure} homes (${h.route}) are already complete: plan at least that many.`);
      }
      if (!c.ok) refuseAll(c.errors);
      const before = [...current.values()].map((h) => ({ tenure: h.tenure, route: h.route, planned: h.planned }));
      for (const [key, h] of current) if (!given.has(key)) given.set(key, { tenure: h.tenure, route: h.route, planned: 0 });
      for (const line of given.values()) {
        await m.query(
          `INSERT INTO housing_scheme_homes (scheme_id, tenure, route, planned) VALUES ($1, $2, $3, $4)
           ON CONFLICT (scheme_id, tenure, route) DO UPDATE SET planned = EXCLUDED.planned`,
          [schemeId, line.tenure, line.route, line.planned],
        );
      }
      await m.query("DELETE FROM housing_scheme_homes WHERE scheme_id = $1 AND planned = 0 AND completed = 0", [schemeId]);
      return saveChange(m, actor, scheme, { action: "scheme.planHomes", before: { homes: before }, after: { homes: input.homes } });
    });
  }

  /** Homes completed on a day, while the scheme is on site: never more of a tenure and route than planned. */
  async recordCompletions(actor: Actor, schemeId: string, input: { expectedVersion: number; completedOn?: string | null; homes: (HomesLine & { homes: number })[] }): Promise<SchemeResult> {
    return this.onScheme(actor, schemeId, input.expectedVersion, housingAccess.work, async (m, scheme) => {
      if (scheme.stage !== HousingSchemeStage.ON_SITE) refuse(null, WRONG_STATUS, `Homes are completed while a scheme is ON_SITE; this one is ${scheme.stage}.`);
      const c = new InputChecks();
      const completedOn = input.completedOn ?? this.today();
      const last = await this.lastStage(m, scheme.id);
      c.pastDay("completedOn", completedOn, this.today(), { day: last.movedOn, what: "the scheme went on site" });
      if (!input.homes.length) c.add("homes", "REQUIRED", "Say which homes were completed.");
      const current = new Map((await m.find(SchemeHomes, { where: { schemeId } })).map((h) => [lineKey(h), h]));
      const adding = new Map<string, number>();
      input.homes.forEach((line, i) => {
        c.int(`homes.${i}.homes`, line.homes, 1, LIMITS.homes);
        adding.set(lineKey(line), (adding.get(lineKey(line)) ?? 0) + line.homes);
      });
      for (const [key, count] of adding) {
        const h = current.get(key);
        const [tenure, route] = key.split("/");
        if (!h || h.completed + count > h.planned) {
          c.add("homes", "HOMES_ABOVE_PLANNED",
            `That would make ${(h?.completed ?? 0) + count} ${tenure} homes (${route}) complete, but ${h?.planned ?? 0} are planned: plan more first.`);
        }
      }
      if (!c.ok) refuseAll(c.errors);
      for (const line of input.homes) {
        await m.save(m.create(HomesCompletion, { schemeId, tenure: line.tenure, route: line.route, homes: line.homes, completedOn, recordedBy: actor.viewer.userId }));
        await m.query("UPDATE housing_scheme_homes SET completed = completed + $4 WHERE scheme_id = $1 AND tenure = $2 AND route = $3",
          [schemeId, line.tenure, line.route, line.homes]);
      }
      const saved = await saveChange(m, actor, scheme, { action: "scheme.homesCompleted", after: { completedOn, homes: input.homes } });
      await housingEvents.homesCompleted(m, actor, { schemeId, placeId: scheme.placeId, completedOn, homes: input.homes.map(({ tenure, route, homes }) => ({ tenure, route, homes })) });
      return saved;
    });
  }

  /** The housing association partner and its terms (lease term, ground rent, buy-back, who holds the freehold). */
  async setPartnership(actor: Actor, schemeId: string, input: Partnership): Promise<SchemeResult> {
    return this.onScheme(actor, schemeId, input.expectedVersion, housingAccess.partner, async (m, scheme) => {
      const c = new InputChecks();
      const partner = input.partnerOrganisationId;
      if (partner) {
        const found = (await organisationsApi.byIds(m, [partner])).get(partner);
        if (!found) c.add("partnerOrganisationId", "NOT_FOUND", "No organisation has that ID.");
        else if (found.archivedAt) c.add("partnerOrganisationId", "ARCHIVED", "That organisation is archived.");
        else if (partner === scheme.leadOrganisationId) c.add("partnerOrganisationId", "SAME_AS_LEAD", "The partner is another organisation than the lead.");
        const years = input.leaseTermYears;
        if (years !== undefined && years !== null && (!Number.isInteger(years) || years < assetsApi.LEASE_YEARS.min || years > assetsApi.LEASE_YEARS.max)) {
          c.add("leaseTermYears", "LEASE_TERM_OUT_OF_RANGE", `A lease runs for ${assetsApi.LEASE_YEARS.min} to ${assetsApi.LEASE_YEARS.max} years (125 is typical).`);
        }
        c.pence("groundRentPence", input.groundRentPence, { min: 0, max: MAX_PENCE, label: "ground rent" });
      } else if ([input.leaseTermYears, input.groundRentPence, input.buyBackOption, input.freeholdHeldByClt].some((v) => v !== undefined && v !== null)) {
        c.add("partnerOrganisationId", "REQUIRED", "Partnership terms need a partner.");
      }
      if (!c.ok) refuseAll(c.errors);
      const before = snapshot(scheme);
      Object.assign(scheme, {
        partnerOrganisationId: partner, leaseTermYears: partner ? input.leaseTermYears ?? null : null, groundRentPence: partner ? input.groundRentPence ?? null : null,
        buyBackOption: partner ? input.buyBackOption ?? null : null, freeholdHeldByClt: partner ? input.freeholdHeldByClt ?? null : null,
      });
      return saveChange(m, actor, scheme, { action: "scheme.partnership", before, after: snapshot(scheme) });
    });
  }

  private async lastStage(m: EntityManager, schemeId: string): Promise<SchemeStageChange> {
    const [last] = await m.find(SchemeStageChange, { where: { schemeId }, order: { recordedAt: "DESC" }, take: 1 });
    return last;
  }

  /**
   * Runs `work` on the scheme locked for an edit by someone `may` lets act, asked before anything is locked (kit/records
   * `allowedFirst`); who can act on no scheme is refused before anything is read.
   */
  private onScheme(actor: Actor, schemeId: string, expectedVersion: number,
    may: (v: Actor["viewer"], s: HousingScheme) => boolean, work: (m: EntityManager, scheme: HousingScheme) => Promise<HousingScheme>): Promise<SchemeResult> {
    if (!housingAccess.mayActAtAll(actor.viewer)) return Promise.resolve({ errors: [cannotAct] });
    return inTransaction(this.db, async (m) => {
      const scheme = await lockForEdit(m, HousingScheme, schemeId, expectedVersion, {
        noun: "housing scheme", field: "schemeId", actor, rule: { allows: (_m, a, s) => may(a.viewer, s), refusal: cannotAct.message },
      });
      return { scheme: await work(m, scheme) };
    });
  }
}
