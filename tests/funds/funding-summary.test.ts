// fundingSummary against sums computed independently from the raw ledger rows and agreements, for every grouping;
// period boundaries, child places, the fund filter, bad input, who may ask, and one statement whatever the groups.
import type { DataSource } from "typeorm";
import { startTestApp, TestApp } from "../support/test-app";
import { viewerWith } from "../support/organisation-factories";
import { insertPlaces } from "../support/places";
import { actorOf, asAdmin, key, makeFund, makeReviewedApplication, ok } from "../support/fund-factories";
import { Role, ApiScope, OrganisationRole } from "../../src/auth/roles";
import type { Viewer } from "../../src/auth/viewer";
import { toGlobalId } from "../../src/graphql/ids";
import { FundsService } from "../../src/modules/funds/rounds/funds.service";
import { PanelService } from "../../src/modules/funds/applications/panel.service";
import { AgreementsService } from "../../src/modules/funds/agreements/agreements.service";
import { DisbursementsService } from "../../src/modules/funds/money/disbursements.service";
import { RepaymentsService } from "../../src/modules/funds/money/repayments.service";
import { DecisionOutcome } from "../../src/modules/funds/funds.enums";
import type { Fund } from "../../src/modules/funds/rounds/fund.entity";
import type { Agreement } from "../../src/modules/funds/agreements/agreement.entity";

let app: TestApp;
const ADMIN = viewerWith({ roles: [Role.ADMIN] });
const ANALYST = viewerWith({ roles: [Role.ANALYST] });
const LIVERPOOL = "E08000012";
const SEFTON = "E08000014";
const WIRRAL = "E08000015";
const clock = (day: string) => () => day;

let fundA: Fund;
let fundB: Fund;
let ward: string;
/** The borough each agreement's organisation is registered in (or inside), by agreement id. */
const boroughOf = new Map<string, string>();
const organisationOf = new Map<string, string>();

/** Places' raw ids by GSS code. */
async function placeIdOf(code: string): Promise<string> {
  const [row] = await app.db.query("SELECT id FROM place WHERE code = $1", [code]);
  return row.id;
}

/** An agreement awarded, accepted and disbursed on the days given, with an organisation registered in `placeId`. */
async function award(db: DataSource, fund: Fund, o: { placeId: string; borough: string; awardedOn: string; pence: number; cash: number; disbursedOn: string }) {
  const { application, applicant } = await makeReviewedApplication(db, fund, { requestedPence: o.pence });
  await db.query("UPDATE organisation SET registered_place_id = $1 WHERE id = $2", [o.placeId, applicant.organisationId]);
  let agreement = ok(await new PanelService(db, clock(o.awardedOn)).decide(asAdmin, application.id, {
    expectedVersion: application.version, outcome: DecisionOutcome.OFFER, reasons: "The panel supports it together.",
    offer: { amountPence: o.pence, cashRepayablePence: o.cash, termMonths: 24, holidayMonths: 0, startsOn: o.awardedOn }, idempotencyKey: key(),
  })).agreement as Agreement;
  agreement = ok(await new AgreementsService(db, clock(o.awardedOn)).acceptOffer(actorOf(applicant.viewer), agreement.id, { expectedVersion: agreement.version })).agreement;
  ok(await new DisbursementsService(db, clock(o.disbursedOn)).disburse(asAdmin, agreement.id, { amountPence: o.pence, occurredOn: o.disbursedOn, idempotencyKey: key() }));
  boroughOf.set(agreement.id, o.borough);
  organisationOf.set(agreement.id, applicant.organisationId);
  return { agreement, owner: applicant.viewer };
}

const repay = (agreementId: string, pence: number, day: string) =>
  new RepaymentsService(app.db, clock(day)).recordCashRepayment(asAdmin, agreementId, { amountPence: pence, occurredOn: day, idempotencyKey: key() }).then(ok);

async function repaySocial(agreementId: string, owner: Viewer, pence: number, day: string) {
  const repayments = new RepaymentsService(app.db, clock(day));
  const { claim } = ok(await repayments.claimSocialRepayment(actorOf(owner), agreementId, {
    valuePence: pence, valueReason: "Agreed with the panel.", periodFrom: "2024-01-01", periodTo: "2024-12-31",
    description: "Trainee places delivered.", idempotencyKey: key(),
  }));
  ok(await repayments.reviewSocialRepayment(asAdmin, claim.id, { expectedVersion: claim.version, accept: true, idempotencyKey: key() }));
}

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db;
  [ward] = await insertPlaces(db, LIVERPOOL, ["Funding Summary Ward"]);
  fundA = await makeFund(db, { minAwardPence: 100_000 });
  fundB = await makeFund(db, { minAwardPence: 100_000 });
  const contribute = (fund: Fund, pence: number, day: string) => new FundsService(db, clock(day)).addContribution(asAdmin, fund.id, {
    contributor: "Liverpool City Region Combined Authority", amountPence: pence, receivedOn: day, idempotencyKey: key(),
  }).then(ok);
  await contribute(fundA, 8_000_000, "2024-01-05");
  await contribute(fundB, 10_000_000, "2024-01-05");
  // Liverpool (one organisation in a ward inside it), Sefton and Wirral; every kind of movement; quarters and years apart.
  const a1 = await award(db, fundA, { placeId: ward, borough: LIVERPOOL, awardedOn: "2024-02-10", pence: 5_000_000, cash: 4_000_000, disbursedOn: "2024-03-31" });
  await repay(a1.agreement.id, 1_000_000, "2024-06-30");
  await repay(a1.agreement.id, 500_000, "2025-01-01");
  const a2 = await award(db, fundA, { placeId: await placeIdOf(LIVERPOOL), borough: LIVERPOOL, awardedOn: "2024-12-31", pence: 3_000_000, cash: 2_000_000, disbursedOn: "2025-01-15" });
  await repaySocial(a2.agreement.id, a2.owner, 400_000, "2025-04-01");
  const a2now = await app.db.query("SELECT version FROM agreement WHERE id = $1", [a2.agreement.id]);
  ok(await new AgreementsService(db, clock("2025-09-30")).writeOff(asAdmin, a2.agreement.id, { expectedVersion: a2now[0].version, reason: "The café closed.", idempotencyKey: key() }));
  const a3 = await award(db, fundB, { placeId: await placeIdOf(SEFTON), borough: SEFTON, awardedOn: "2025-03-01", pence: 4_000_000, cash: 4_000_000, disbursedOn: "2025-03-02" });
  await repay(a3.agreement.id, 2_000_000, "2025-05-05");
  // Fund A's contributions are all out: this award is paid from pounds repaid by the first, so they are recycled.
  await award(db, fundA, { placeId: await placeIdOf(WIRRAL), borough: WIRRAL, awardedOn: "2025-06-01", pence: 1_000_000, cash: 1_000_000, disbursedOn: "2025-06-02" });
}, 180_000);
afterAll(() => app.close());

type Figure = "awarded" | "disbursed" | "repaidCash" | "repaidSocial" | "writtenOff" | "recycled";
const FIGURES: Figure[] = ["awarded", "disbursed", "repaidCash", "repaidSocial", "writtenOff", "recycled"];
interface RawFlow { agreementId: string; fundId: string; day: string; figure: Figure; pence: number }

/**
 * Every flow from the raw rows, derived without the flows SQL: a movement's amount is the sum of its debits, its figure
 * its kind; awards are agreements' whole amounts; recycled pounds are allocations from lots of generation 2 or later.
 */
async function rawFlows(): Promise<RawFlow[]> {
  const kinds: Record<string, Figure> = { DISBURSEMENT: "disbursed", CASH_REPAYMENT: "repaidCash", SOCIAL_REPAYMENT: "repaidSocial", WRITE_OFF: "writtenOff" };
  const movements: { agreement_id: string; fund_id: string; kind: string; occurred_on: string; pence: string }[] = await app.db.query(
    `SELECT g.agreement_id, g.fund_id, g.kind, g.occurred_on::text, sum(p.pence) AS pence FROM ledger_group g JOIN ledger_posting p ON p.group_id = g.id
      WHERE p.direction = 'DEBIT' AND g.agreement_id IS NOT NULL GROUP BY g.id`);
  const awards: { id: string; fund_id: string; awarded_on: string; amount_pence: string }[] =
    await app.db.query("SELECT id, fund_id, awarded_on::text, amount_pence FROM agreement");
  const recycled: { agreement_id: string; fund_id: string; occurred_on: string; pence: string }[] = await app.db.query(
    `SELECT al.agreement_id, al.fund_id, g.occurred_on::text, al.pence FROM fund_allocation al
       JOIN fund_lot l ON l.id = al.lot_id JOIN ledger_group g ON g.id = al.ledger_group_id WHERE l.generation >= 2`);
  return [
    ...movements.map((m) => ({ agreementId: m.agreement_id, fundId: m.fund_id, day: m.occurred_on, figure: kinds[m.kind], pence: Number(m.pence) })),
    ...awards.map((a) => ({ agreementId: a.id, fundId: a.fund_id, day: a.awarded_on, figure: "awarded" as const, pence: Number(a.amount_pence) })),
    ...recycled.map((r) => ({ agreementId: r.agreement_id, fundId: r.fund_id, day: r.occurred_on, figure: "recycled" as const, pence: Number(r.pence) })),
  ];
}

const QUERY = `query($filter: FundingFilter!, $groupBy: [FundingGroupBy!]) { fundingSummary(filter: $filter, groupBy: $groupBy) {
  from to total { organisationsFunded awarded { pence } disbursed { pence } repaidCash { pence } repaidSocial { pence } writtenOff { pence } recycled { pence } }
  groups { place { code } year quarter organisationsFunded awarded { pence } disbursed { pence } repaidCash { pence } repaidSocial { pence } writtenOff { pence } recycled { pence } } } }`;

type Figures = Record<Figure, { pence: number }> & { organisationsFunded: number };
type Group = Figures & { place: { code: string } | null; year: number | null; quarter: number | null };

async function summary(filter: Record<string, unknown>, groupBy: string[] = [], viewer: Viewer = ANALYST): Promise<{ total: Figures; groups: Group[]; from: string; to: string }> {
  return (await app.ok(QUERY, { filter, groupBy }, viewer)).fundingSummary;
}

/** Expected figures of flows: each figure summed, and organisations with an award counted. */
function expected(flows: RawFlow[]) {
  const out = Object.fromEntries(FIGURES.map((f) => [f, flows.filter((x) => x.figure === f).reduce((s, x) => s + x.pence, 0)])) as Record<Figure, number>;
  return { ...out, organisationsFunded: new Set(flows.filter((x) => x.figure === "awarded").map((x) => organisationOf.get(x.agreementId))).size };
}
const shown = (f: Figures) => ({ ...Object.fromEntries(FIGURES.map((k) => [k, f[k].pence])), organisationsFunded: f.organisationsFunded });
const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

test("totals and groups by PLACE, YEAR, QUARTER, PLACE+YEAR and none equal sums of the raw ledger rows and agreements", async () => {
  const flows = (await rawFlows()).filter((x) => x.day >= "2024-01-01" && x.day <= "2025-12-31");
  // Every kind of figure is in the data, so none passes by being zero.
  for (const f of FIGURES) expect(expected(flows)[f]).toBeGreaterThan(0);
  const keyOf: Record<string, (x: RawFlow) => string> = {
    PLACE: (x) => boroughOf.get(x.agreementId)!, YEAR: (x) => x.day.slice(0, 4), QUARTER: (x) => quarterOf(x.day),
  };
  const groupKey = (dims: string[], g: Group) => dims.map((d) => (d === "PLACE" ? g.place!.code : d === "YEAR" ? String(g.year) : `${g.year}-Q${g.quarter}`)).join("|");
  // Under the city region, PLACE groups are its boroughs.
  const lcr = toGlobalId("Place", await placeIdOf("E47000004"));
  for (const dims of [[], ["PLACE"], ["YEAR"], ["QUARTER"], ["PLACE", "YEAR"], ["PLACE", "QUARTER"]]) {
    const d = await summary({ placeIds: [lcr], from: "2024-01-01", to: "2025-12-31" }, dims);
    expect(shown(d.total)).toEqual(expected(flows));
    const byKey = new Map<string, RawFlow[]>();
    if (dims.length) for (const x of flows) byKey.set(dims.map((k) => keyOf[k](x)).join("|"), [...(byKey.get(dims.map((k) => keyOf[k](x)).join("|")) ?? []), x]);
    expect(d.groups.map((g) => groupKey(dims, g)).sort()).toEqual([...byKey.keys()].sort());
    for (const g of d.groups) expect({ dims, key: groupKey(dims, g), ...shown(g) }).toEqual({ dims, key: groupKey(dims, g), ...expected(byKey.get(groupKey(dims, g))!) });
    // Groups add up to the total: each pound is in one place and one period.
    if (dims.length) for (const f of FIGURES) expect(d.groups.reduce((s, g) => s + g[f].pence, 0)).toBe(d.total[f].pence);
    else expect(d.groups).toEqual([]);
  }
});

test("the period counts both days given: a posting on the last day counts, the day after does not", async () => {
  // The first disbursement was on 31 March 2024, the last day of a quarter; £10,000 was repaid on 30 June 2024.
  const q1 = await summary({ from: "2024-01-01", to: "2024-03-31" });
  expect(q1.total.disbursed.pence).toBe(5_000_000);
  const dayBefore = await summary({ from: "2024-01-01", to: "2024-03-30" });
  expect(dayBefore.total.disbursed.pence).toBe(0);
  const fromDayAfter = await summary({ from: "2024-04-01", to: "2024-06-30" });
  expect(fromDayAfter.total).toMatchObject({ disbursed: { pence: 0 }, repaidCash: { pence: 1_000_000 } });
  const oneDay = await summary({ from: "2024-06-30", to: "2024-06-30" });
  expect(oneDay.total.repaidCash.pence).toBe(1_000_000);
  expect(oneDay).toMatchObject({ from: "2024-06-30", to: "2024-06-30" });
  // An award on 31 December counts in that year, not the next.
  const years = await summary({ from: "2024-01-01", to: "2025-12-31" }, ["YEAR"]);
  expect(years.groups.map((g) => [g.year, g.awarded.pence])).toEqual([[2024, 8_000_000], [2025, 5_000_000]]);
});

test("a place matches itself and the places inside it, by the organisation's registered place", async () => {
  const liverpool = toGlobalId("Place", await placeIdOf(LIVERPOOL));
  const d = await summary({ placeIds: [liverpool], from: "2024-01-01", to: "2025-12-31" }, ["PLACE"]);
  const flows = (await rawFlows()).filter((x) => boroughOf.get(x.agreementId) === LIVERPOOL);
  // The ward's organisation (the first award) counts in Liverpool.
  expect(shown(d.total)).toEqual(expected(flows));
  expect(d.total.awarded.pence).toBe(8_000_000);
  // Grouped by PLACE under Liverpool: the places just inside it, the ward among them.
  expect(d.groups.map((g) => [g.place?.code ?? null, g.awarded.pence]).sort()).toEqual(
    [[LIVERPOOL, 3_000_000], [(await app.db.query("SELECT code FROM place WHERE id = $1", [ward]))[0].code, 5_000_000]].sort());
  const both = await summary({ placeIds: [liverpool, toGlobalId("Place", await placeIdOf(SEFTON))], from: "2024-01-01", to: "2025-12-31" });
  expect(both.total.awarded.pence).toBe(12_000_000);
});

test("the fund filter keeps only its funds' money", async () => {
  const flows = (await rawFlows()).filter((x) => x.fundId === fundB.id);
  const d = await summary({ fundIds: [toGlobalId("Fund", fundB.id)], from: "2024-01-01", to: "2025-12-31" }, ["PLACE"]);
  expect(shown(d.total)).toEqual(expected(flows));
  expect(d.groups.map((g) => g.place!.code)).toEqual([expect.any(String)]);
  const a = await summary({ fundIds: [toGlobalId("Fund", fundA.id)], from: "2024-01-01", to: "2025-12-31" });
  expect(a.total.recycled.pence).toBe(1_000_000);
  expect(a.total.awarded.pence + d.total.awarded.pence).toBe(13_000_000);
});

test("the summary agrees with each fund's figuresBetween (one definition of each figure)", async () => {
  const d = await app.ok(`query($a: ID!, $b: ID!) { a: node(id: $a) { ...F } b: node(id: $b) { ...F } }
    fragment F on Fund { figuresBetween(from: "2024-01-01", to: "2025-12-31") { awarded { pence } disbursed { pence } repaidCash { pence } repaidSocial { pence } writtenOff { pence } recycled { pence } } }`,
  { a: toGlobalId("Fund", fundA.id), b: toGlobalId("Fund", fundB.id) }, ADMIN);
  const s = await summary({ from: "2024-01-01", to: "2025-12-31" });
  for (const f of FIGURES) expect(s.total[f].pence).toBe(d.a.figuresBetween[f].pence + d.b.figuresBetween[f].pence);
});

test("bad input is BAD_USER_INPUT without echoing it: a period ending before it starts, unknown places or funds, malformed ids", async () => {
  const bad = async (filter: Record<string, unknown>) => {
    const r = await app.run(QUERY, { filter }, ANALYST);
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    return r.errors![0].message;
  };
  expect(await bad({ from: "2025-01-02", to: "2025-01-01" })).toBe("The period must end on or after the day it starts.");
  expect(await bad({ from: "2000-01-01", to: "2025-01-01" })).toBe("Ask for at most ten years at once.");
  const ghost = "00000000-0000-4000-8000-000000000001";
  expect(await bad({ placeIds: [toGlobalId("Place", ghost)], from: "2024-01-01", to: "2025-01-01" })).toBe("A place asked for is not in the register.");
  expect(await bad({ fundIds: [toGlobalId("Fund", fundA.id), toGlobalId("Fund", ghost)], from: "2024-01-01", to: "2025-01-01" })).toBe("A fund asked for does not exist.");
  expect(await bad({ placeIds: ["not-an-id"], from: "2024-01-01", to: "2025-01-01" })).not.toContain("not-an-id");
});

test("who may ask: those who read every agreement (ADMIN, ANALYST, PANEL_MEMBER, read:funds keys); others are refused", async () => {
  const filter = { from: "2024-01-01", to: "2025-12-31" };
  const admin = await summary(filter, [], ADMIN);
  for (const v of [viewerWith({ roles: [Role.PANEL_MEMBER] }), viewerWith({ scopes: [ApiScope.READ_FUNDS] })]) {
    expect((await summary(filter, [], v)).total).toEqual(admin.total);
  }
  const member = viewerWith({ memberships: [[organisationOf.keys().next().value!, OrganisationRole.OWNER]] });
  for (const v of [viewerWith(), member, viewerWith({ scopes: [ApiScope.READ_IMPACT] })]) {
    const r = await app.run(QUERY, { filter }, v);
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual([expect.stringMatching(/^(FORBIDDEN|UNAUTHENTICATED)$/)]);
  }
});

test("one statement for the figures whatever the grouping, and one more for the places of any number of groups", async () => {
  const figuresOnly = `query($g: [FundingGroupBy!]) { fundingSummary(filter: { from: "2024-01-01", to: "2025-12-31" }, groupBy: $g) { total { awarded { pence } } groups { year awarded { pence } } } }`;
  for (const g of [[], ["YEAR"], ["PLACE", "QUARTER"]]) {
    const r = await app.run(figuresOnly, { g }, ANALYST);
    expect(r.errors).toBeUndefined();
    expect(r.sql).toBe(1);
  }
  const withPlaces = `query($g: [FundingGroupBy!]) { fundingSummary(filter: { from: "2024-01-01", to: "2025-12-31" }, groupBy: $g) { groups { place { name } awarded { pence } } } }`;
  const few = await app.run(withPlaces, { g: ["PLACE"] }, ANALYST);
  const many = await app.run(withPlaces, { g: ["PLACE", "QUARTER"] }, ANALYST);
  expect((many.data as { fundingSummary: { groups: unknown[] } }).fundingSummary.groups.length)
    .toBeGreaterThan((few.data as { fundingSummary: { groups: unknown[] } }).fundingSummary.groups.length);
  expect(many.sql).toBe(2);
  expect(few.sql).toBe(2);
});
