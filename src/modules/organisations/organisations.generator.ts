// Reproducible fictional organisations for the demo data and the scale generator, inserted in bulk.
import type { EntityManager } from "typeorm";
import { Cause, LegalForm, LifecycleStage, StoStatus, SurplusDestination } from "./organisation.enums";
import { outcomeOf } from "./eligibility.service";
import { assetLocked, evidenceFor, STO_TESTS } from "./eligibility-evidence";
import { thresholdsInForce } from "./eligibility-thresholds.service";

/** mulberry32: a tiny seeded PRNG, so the same seed always gives the same register. */
export const AREAS: Record<string, string[]> = {
  E06000006: ["Runcorn", "Widnes", "Halebank", "Hale Village", "Castlefields"],
  E08000011: ["Kirkby", "Huyton", "Prescot", "Halewood", "Stockbridge Village"],
  E08000012: ["Toxteth", "Everton", "Anfield", "Garston", "Speke", "Kensington", "Granby", "Dingle", "Walton"],
  E08000013: ["St Helens", "Newton-le-Willows", "Earlestown", "Rainhill", "Haydock", "Parr"],
  E08000014: ["Bootle", "Southport", "Crosby", "Formby", "Maghull", "Litherland", "Netherton"],
  E08000015: ["Birkenhead", "Wallasey", "Seacombe", "Hoylake", "West Kirby", "Rock Ferry", "Bebington"],
};

export const ACTIVITIES: { name: string; causes: Cause[]; does: string }[] = [
  { name: "Community Bakery", causes: [Cause.FOOD, Cause.EMPLOYMENT_AND_SKILLS], does: "bakes bread and trains local people as bakers" },
  { name: "Food Co-op", causes: [Cause.FOOD], does: "sells affordable fresh food owned by its members" },
  { name: "Bike Kitchen", causes: [Cause.TRANSPORT, Cause.ENVIRONMENT], does: "repairs and sells refurbished bikes" },
  { name: "Community Land Trust", causes: [Cause.HOUSING], does: "brings empty homes back into use as genuinely affordable homes" },
  { name: "Repair Café", causes: [Cause.ENVIRONMENT], does: "fixes household goods and teaches repair skills" },
  { name: "Youth Theatre", causes: [Cause.YOUTH, Cause.ARTS_AND_CULTURE], does: "runs paid performances and free youth workshops" },
  { name: "Community Pub", causes: [Cause.COMMUNITY_SPACE], does: "keeps the last pub on the high street open as a community hub" },
  { name: "Energy Co-operative", causes: [Cause.ENERGY, Cause.ENVIRONMENT], does: "installs community-owned solar on local roofs" },
  { name: "Credit Union", causes: [Cause.FINANCIAL_INCLUSION], does: "offers savings and fair lending to local people" },
  { name: "Digital Skills Hub", causes: [Cause.DIGITAL_INCLUSION, Cause.EMPLOYMENT_AND_SKILLS], does: "sells refurbished laptops and teaches digital skills" },
  { name: "Boxing Club", causes: [Cause.SPORT_AND_LEISURE, Cause.YOUTH], does: "runs a gym with paid memberships and free youth sessions" },
  { name: "Heritage Trust", causes: [Cause.HERITAGE, Cause.COMMUNITY_SPACE], does: "restores and lets a listed building for community use" },
  { name: "Wellbeing Garden", causes: [Cause.HEALTH_AND_WELLBEING, Cause.ENVIRONMENT], does: "grows and sells produce on social prescriptions" },
  { name: "Community Café", causes: [Cause.FOOD, Cause.COMMUNITY_SPACE], does: "serves pay-as-you-feel meals and hosts local groups" },
  { name: "Arts Studio", causes: [Cause.ARTS_AND_CULTURE], does: "rents studio space and sells local artists' work" },
  { name: "Men's Shed", causes: [Cause.OLDER_PEOPLE, Cause.HEALTH_AND_WELLBEING], does: "makes and sells furniture while tackling isolation" },
  { name: "Training Kitchen", causes: [Cause.EMPLOYMENT_AND_SKILLS, Cause.FOOD], does: "caters events and trains young people for kitchen jobs" },
  { name: "Community Hub", causes: [Cause.COMMUNITY_SPACE, Cause.OLDER_PEOPLE], does: "hires out rooms and runs a community shop" },
];

const SUFFIX: Record<LegalForm, string> = {
  CIC_LIMITED_BY_GUARANTEE: " CIC", CIC_LIMITED_BY_SHARES: " CIC", COMMUNITY_BENEFIT_SOCIETY: " Community Benefit Society",
  CO_OPERATIVE_SOCIETY: " Co-operative", CIO: "", CHARITABLE_COMPANY: " Trust", COMPANY_LIMITED_BY_GUARANTEE: " Ltd",
  COMPANY_LIMITED_BY_SHARES: " Ltd", PARTNERSHIP: " Partners", SOLE_TRADER: "", UNINCORPORATED_ASSOCIATION: " Group",
};

const NOT_ELIGIBLE_REASONS: { fail: keyof Answers; reason: string }[] = [
  { fail: "notGrantOnlyCharity", reason: "Relies entirely on grants: no trading income in the last two years." },
  { fail: "doesNotExportProfit", reason: "Profits are paid to the owners of a parent company elsewhere in the region: they leave the locality it serves." },
  { fail: "communityLed", reason: "The board is appointed by the parent company; no accountability to the community served." },
  { fail: "keepsSurplusInRegion", reason: "Surplus is transferred to a national head office rather than kept in the region." },
];

type Answers = {
  tradesForSocialPurpose: boolean; communityLed: boolean; keepsSurplusInRegion: boolean;
  notGrantOnlyCharity: boolean; doesNotExportProfit: boolean;
};

export interface GeneratedOrganisation {
  name: string;
  description: string;
  legalForm: LegalForm;
  foundedOn: string;
  website: string;
  boroughCode: string;
  servedBoroughCodes: string[];
  causes: Cause[];
  assetLockDeclared: boolean;
  boardSize: number;
  communityBoardMembers: number;
  membershipSize: number;
  tradingIncomePercent: number;
  lifecycleStage: LifecycleStage;
  identifier: string | null;
  surplusDestination: SurplusDestination | null;
  assessment: (Answers & { reasons: string; overrideReason?: string | null }) | null;
}

/**
 * The figures generated records are shaped to (the first thresholds version's). Only shaping: what an assessment is
 * checked against is the thresholds in force in the database, when it is inserted (insertGenerated).
 */
const SHAPE = { minTradingIncomePercent: 30, minCommunityBoardPercent: 25 };

/**
 * Makes the record tell the same story as the assessment: where surplus goes, no trading income for a grant-only
 * charity, no community board members where the parent company appoints the board, and the facts an eligible
 * organisation needs (forms that cannot hold an asset lock, sole traders and partnerships, are not eligible).
 */
export function fitRecord(o: GeneratedOrganisation, n: number): GeneratedOrganisation {
  const a = o.assessment;
  if (!a) {
    o.surplusDestination = n % 3 === 0 ? null : SurplusDestination.REINVESTED;
    return o;
  }
  o.surplusDestination = !a.keepsSurplusInRegion ? SurplusDestination.OUTSIDE_REGION
    : !a.doesNotExportProfit ? SurplusDestination.ELSEWHERE_IN_REGION
      : n % 2 ? SurplusDestination.REINVESTED : SurplusDestination.PLACES_SERVED;
  if (!a.keepsSurplusInRegion) a.doesNotExportProfit = false;
  if (!a.notGrantOnlyCharity) o.tradingIncomePercent = 0;
  if (!a.communityLed) o.communityBoardMembers = 0;
  if (outcomeOf(a) !== StoStatus.ELIGIBLE) return o;
  if (o.tradingIncomePercent < SHAPE.minTradingIncomePercent) o.tradingIncomePercent += 40;
  if (o.communityBoardMembers * 100 < SHAPE.minCommunityBoardPercent * o.boardSize) o.communityBoardMembers = Math.ceil(o.boardSize / 3);
  if (!assetLocked(o)) {
    if (o.legalForm === LegalForm.SOLE_TRADER || o.legalForm === LegalForm.PARTNERSHIP) {
      a.keepsSurplusInRegion = false;
      a.reasons = "Trades locally, but has no asset lock: its surplus belongs to its owners, so nothing keeps it in the region.";
    } else {
      o.assetLockDeclared = true;
    }
  }
  return o;
}

const LEGAL_FORMS = Object.values(LegalForm);
const STAGES = Object.values(LifecycleStage);
const BOROUGHS = Object.keys(AREAS);

/** Organisation number `n` (0-based across the register) from `rnd`; `n` also makes identifiers unique. */
export function generateOrganisation(n: number, rnd: () => number, forced: Partial<{ boroughCode: string; activity: number; legalForm: LegalForm }> = {}): GeneratedOrganisation {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const boroughCode = forced.boroughCode ?? BOROUGHS[n % BOROUGHS.length];
  const activity = ACTIVITIES[forced.activity ?? Math.floor(rnd() * ACTIVITIES.length)];
  const legalForm = forced.legalForm ?? LEGAL_FORMS[n % LEGAL_FORMS.length];
  const area = pick(AREAS[boroughCode]);
  const name = `${area} ${activity.name}${SUFFIX[legalForm]}`;
  const boardSize = 3 + Math.floor(rnd() * 9);
  const identifier = legalForm.startsWith("CIC") || legalForm.startsWith("COMPANY") || legalForm === LegalForm.CHARITABLE_COMPANY
    ? `GB-COH-${String(10000000 + n)}`
    : legalForm === LegalForm.CIO ? `GB-CHC-${1100000 + n}`
      : legalForm === LegalForm.COMMUNITY_BENEFIT_SOCIETY || legalForm === LegalForm.CO_OPERATIVE_SOCIETY ? `GB-MPR-${30000 + n}R`
        : null;
  const roll = rnd();
  let assessment: GeneratedOrganisation["assessment"] = null;
  if (roll < 0.7) {
    assessment = { tradesForSocialPurpose: true, communityLed: true, keepsSurplusInRegion: true, notGrantOnlyCharity: true, doesNotExportProfit: true,
      reasons: `Trades for a social purpose: ${activity.does}; community members sit on the board and surplus stays in the region.` };
  } else if (roll < 0.85) {
    const why = pick(NOT_ELIGIBLE_REASONS);
    assessment = { tradesForSocialPurpose: true, communityLed: true, keepsSurplusInRegion: true, notGrantOnlyCharity: true, doesNotExportProfit: true, reasons: why.reason };
    assessment[why.fail] = false;
  }
  const served = new Set([boroughCode]);
  if (rnd() < 0.3) served.add(pick(BOROUGHS));
  return fitRecord({
    name,
    description: `${name} ${activity.does} in ${area}.`,
    legalForm,
    foundedOn: `${2005 + Math.floor(rnd() * 19)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`,
    website: `https://${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.example.org`,
    boroughCode,
    servedBoroughCodes: [...served],
    causes: activity.causes,
    assetLockDeclared: legalForm === LegalForm.COMMUNITY_BENEFIT_SOCIETY && rnd() < 0.6,
    boardSize,
    communityBoardMembers: Math.floor(rnd() * (boardSize + 1)),
    membershipSize: Math.floor(rnd() * 800),
    tradingIncomePercent: 20 + Math.floor(rnd() * 81),
    lifecycleStage: pick(STAGES),
    identifier,
    surplusDestination: null,
    assessment,
  }, n);
}

const BATCH = 2000;

/** Inserts generated organisations with their identifiers, places served and assessments; returns their ids in order. */
export async function insertGenerated(m: EntityManager, orgs: GeneratedOrganisation[], assessorId: string | null): Promise<string[]> {
  const places: { id: string; code: string }[] = await m.query("SELECT id, code FROM place WHERE code = ANY($1)", [BOROUGHS]);
  const placeId = new Map(places.map((p) => [p.code, p.id]));
  const thresholds = await thresholdsInForce(m);
  // The safety net of the rule the service applies: an ELIGIBLE answer the record contradicts, without an override,
  // becomes a NOT_ELIGIBLE one that says why (thresholds may have changed since the records were shaped).
  const evidence = new Map(orgs.filter((o) => o.assessment).map((o) => {
    const a = o.assessment!;
    const found = evidenceFor(o, thresholds, a);
    const contradicted = STO_TESTS.filter((t) => found.contradicted[t.test]);
    if (outcomeOf(a) === StoStatus.ELIGIBLE && contradicted.length && !a.overrideReason) {
      for (const t of contradicted) a[t.answer] = false;
      a.reasons = `${a.reasons} ${contradicted.map((t) => found.contradicted[t.test]).join(" ")}`;
    }
    if (outcomeOf(a) !== StoStatus.ELIGIBLE || !contradicted.length) a.overrideReason = null;
    return [o, evidenceFor(o, thresholds, a)] as const;
  }));
  const ids: string[] = [];
  for (let start = 0; start < orgs.length; start += BATCH) {
    const batch = orgs.slice(start, start + BATCH);
    const col = <K extends keyof GeneratedOrganisation>(k: K) => batch.map((o) => o[k]);
    const rows: { id: string }[] = await m.query(
      `INSERT INTO organisation (name, description, legal_form, founded_on, website, registered_place_id, causes,
         asset_lock_declared, board_size, community_board_members, membership_size, trading_income_percent,
         lifecycle_stage, sto_status, surplus_destination)
       SELECT u.name, u.description, u.legal_form, u.founded_on, u.website, u.place, string_to_array(u.causes, ','),
         u.lock, u.board, u.community, u.members, u.trading, u.stage, u.status, u.surplus
       FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::uuid[], $7::text[], $8::boolean[],
         $9::int[], $10::int[], $11::int[], $12::int[], $13::text[], $14::text[], $15::text[])
         WITH ORDINALITY AS u(name, description, legal_form, founded_on, website, place, causes, lock, board, community,
           members, trading, stage, status, surplus, ord)
       ORDER BY u.ord
       RETURNING id`,
      [col("name"), col("description"), col("legalForm"), col("foundedOn"), col("website"),
        batch.map((o) => placeId.get(o.boroughCode)), batch.map((o) => o.causes.join(",")), col("assetLockDeclared"),
        col("boardSize"), col("communityBoardMembers"), col("membershipSize"), col("tradingIncomePercent"), col("lifecycleStage"),
        batch.map((o) => (o.assessment ? outcomeOf(o.assessment) : StoStatus.UNASSESSED)), col("surplusDestination")],
    );
    const batchIds = rows.map((r) => r.id);
    ids.push(...batchIds);
    const withId = batch.map((o, i) => ({ o, id: batchIds[i] }));
    const identified = withId.filter((x) => x.o.identifier);
    await m.query(
      `INSERT INTO organisation_identifier (organisation_id, scheme, value)
       SELECT org, left(value, 6), value FROM unnest($1::uuid[], $2::text[]) AS u(org, value)`,
      [identified.map((x) => x.id), identified.map((x) => x.o.identifier)],
    );
    const served = withId.flatMap((x) => x.o.servedBoroughCodes.map((code) => [x.id, placeId.get(code)!] as const));
    await m.query(
      `INSERT INTO organisation_place_served (organisation_id, place_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [served.map((s) => s[0]), served.map((s) => s[1])],
    );
    const assessed = withId.filter((x) => x.o.assessment);
    const a = <K extends keyof Answers | "reasons">(k: K) => assessed.map((x) => x.o.assessment![k]);
    await m.query(
      `INSERT INTO sto_assessment (organisation_id, trades_for_social_purpose, community_led, keeps_surplus_in_region,
         not_grant_only_charity, does_not_export_profit, outcome, reasons, assessed_by, assessed_at, override_reason,
         evidence, thresholds_id)
       SELECT org, t, c, k, g, e, o, r, $9, now() - interval '30 days', ov, ev, $12
       FROM unnest($1::uuid[], $2::boolean[], $3::boolean[], $4::boolean[], $5::boolean[], $6::boolean[], $7::text[], $8::text[],
         $10::text[], $11::jsonb[])
         AS u(org, t, c, k, g, e, o, r, ov, ev)`,
      [assessed.map((x) => x.id), a("tradesForSocialPurpose"), a("communityLed"), a("keepsSurplusInRegion"),
        a("notGrantOnlyCharity"), a("doesNotExportProfit"), assessed.map((x) => outcomeOf(x.o.assessment!)), a("reasons"), assessorId,
        assessed.map((x) => x.o.assessment!.overrideReason ?? null), assessed.map((x) => JSON.stringify(evidence.get(x.o))), thresholds.id],
    );
  }
  return ids;
}
