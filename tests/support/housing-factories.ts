// Factories for housing tests: schemes made through the housing service and moved to a stage, and the tables a
// refusal must not touch.
import type { DataSource } from "typeorm";
import { HousingService } from "../../src/modules/housing/housing.service";
import { HomeTenure, HomesRoute, HousingSchemeStage } from "../../src/modules/housing/housing.enums";
import type { HousingScheme } from "../../src/modules/housing/scheme.entity";
import { addDays } from "../../src/kit/calendar";
import { asAdmin, makeAsset, ok, on } from "./asset-factories";
import { makeOrganisation, placeId } from "./organisation-factories";

const PATH = [HousingSchemeStage.SITE_IDENTIFIED, HousingSchemeStage.OPTION_AGREED, HousingSchemeStage.PLANNING, HousingSchemeStage.ON_SITE,
  HousingSchemeStage.COMPLETED, HousingSchemeStage.LET];

export interface SchemeSpec {
  leadOrganisationId?: string;
  placeCode?: string;
  placeId?: string;
  stage?: HousingSchemeStage;
  startedOn?: string;
  /** Planned homes (default 4 affordable rent, empty homes); all of them are completed on reaching COMPLETED. */
  homes?: { tenure: HomeTenure; route: HomesRoute; planned: number }[];
}

/**
 * A scheme with a site, moved by ADMIN one stage a week from `startedOn`; reaching COMPLETED completes every planned
 * home the day before.
 */
export async function makeScheme(db: DataSource, o: SchemeSpec = {}): Promise<HousingScheme> {
  const housing = new HousingService(db, on("2026-12-01"));
  const place = o.placeId ?? await placeId(db, o.placeCode ?? "E08000012");
  const site = await makeAsset(db, { placeId: place });
  const startedOn = o.startedOn ?? "2024-01-01";
  let { scheme } = ok(await housing.start(asAdmin, {
    name: `Test Scheme ${Math.random().toString(36).slice(2, 8)}`, leadOrganisationId: o.leadOrganisationId ?? (await makeOrganisation(db)).id,
    placeId: place, siteAssetId: site.id, startedOn,
  }));
  const homes = o.homes ?? [{ tenure: HomeTenure.AFFORDABLE_RENT, route: HomesRoute.EMPTY_HOMES, planned: 4 }];
  scheme = ok(await housing.planHomes(asAdmin, scheme.id, { expectedVersion: scheme.version, homes })).scheme;
  const stage = o.stage ?? HousingSchemeStage.GROUP_FORMING;
  for (const [i, next] of PATH.slice(0, PATH.indexOf(stage) + 1).entries()) {
    const day = addDays(startedOn, 7 * (i + 1));
    if (next === HousingSchemeStage.COMPLETED) {
      scheme = ok(await housing.recordCompletions(asAdmin, scheme.id, {
        expectedVersion: scheme.version, completedOn: addDays(day, -1), homes: homes.filter((h) => h.planned).map(({ tenure, route, planned }) => ({ tenure, route, homes: planned })),
      })).scheme;
    }
    scheme = ok(await housing.move(asAdmin, scheme.id, { expectedVersion: scheme.version, stage: next, on: day })).scheme;
  }
  return scheme;
}

export async function housingRowCounts(db: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of ["housing_scheme", "housing_scheme_homes", "housing_completion", "housing_scheme_stage", "audit_event", "domain_event"]) {
    counts[t] = (await db.query(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
  }
  const [homes] = await db.query("SELECT coalesce(sum(planned), 0)::int AS planned, coalesce(sum(completed), 0)::int AS completed FROM housing_scheme_homes");
  counts.homesPlanned = homes.planned;
  counts.homesCompleted = homes.completed;
  return counts;
}
