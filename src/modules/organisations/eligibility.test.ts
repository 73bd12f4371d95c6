// STO eligibility: who may assess, the outcome rule, stoStatus following the latest assessment, history kept, and
// assessments checked against the register's facts (refused when contradicted, unless overridden with a reason).
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { makeUser } from "../../../tests/support/factories";
import { makeOrganisation, rowCount, viewerWith } from "../../../tests/support/organisation-factories";
import { toGlobalId } from "../../graphql/ids";
import { OrganisationRole, Role } from "../../auth/roles";
import { outcomeOf } from "./eligibility.service";
import { LegalForm, SurplusDestination } from "./organisation.enums";

const ASSESS = `mutation($input: RecordStoAssessmentInput!) { recordStoAssessment(input: $input) {
  assessment { outcome reasons assessedBy { email } organisation { stoStatus } } userErrors { field code message } } }`;
const ALL_MET = { tradesForSocialPurpose: true, communityLed: true, keepsSurplusInRegion: true, notGrantOnlyCharity: true, doesNotExportProfit: true };

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

test("an organisation is eligible only when it meets every one of the five tests", () => {
  expect(outcomeOf(ALL_MET)).toBe("ELIGIBLE");
  for (const key of Object.keys(ALL_MET)) expect(outcomeOf({ ...ALL_MET, [key]: false })).toBe("NOT_ELIGIBLE");
});

test("stoStatus follows the latest assessment and the history stays, newest first", async () => {
  const org = await makeOrganisation(app.db, { name: "Huyton Credit Union" });
  const panel = await makeUser(app.db, { roles: [Role.PANEL_MEMBER], email: "panel@example.test" });
  const as = viewerWith({ userId: panel.id, roles: [Role.PANEL_MEMBER] });
  const organisationId = toGlobalId("Organisation", org.id);
  const first = await app.ok(ASSESS, { input: { organisationId, ...ALL_MET, reasons: "Trades and reinvests locally" } }, as);
  expect(first.recordStoAssessment.assessment).toMatchObject({ outcome: "ELIGIBLE", organisation: { stoStatus: "ELIGIBLE" } });
  const second = await app.ok(ASSESS, { input: { organisationId, ...ALL_MET, notGrantOnlyCharity: false, reasons: "No trading income this year" } }, as);
  expect(second.recordStoAssessment.assessment).toMatchObject({ outcome: "NOT_ELIGIBLE", reasons: "No trading income this year", organisation: { stoStatus: "NOT_ELIGIBLE" } });
  const profile = await app.ok(`query($id: ID!) { node(id: $id) { ... on Organisation { stoStatus version latestAssessment { outcome } assessments { outcome notGrantOnlyCharity } } } }`,
    { id: organisationId }, as);
  expect(profile.node).toEqual({
    stoStatus: "NOT_ELIGIBLE", version: 3, latestAssessment: { outcome: "NOT_ELIGIBLE" },
    assessments: [{ outcome: "NOT_ELIGIBLE", notGrantOnlyCharity: false }, { outcome: "ELIGIBLE", notGrantOnlyCharity: true }],
  });
  const events = await app.db.query("SELECT changes FROM audit_event WHERE action = 'organisation.assessEligibility' AND entity_id = $1 ORDER BY id", [org.id]);
  expect(events.map((e: { changes: { stoStatus: { before: string; after: string } } }) => [e.changes.stoStatus.before, e.changes.stoStatus.after]))
    .toEqual([["UNASSESSED", "ELIGIBLE"], ["ELIGIBLE", "NOT_ELIGIBLE"]]);
});

test("only ADMIN and panel members assess; owners, analysts and partners cannot, and nothing is written", async () => {
  const org = await makeOrganisation(app.db, { name: "Parr Boxing Club" });
  const organisationId = toGlobalId("Organisation", org.id);
  const before = await rowCount(app.db, "sto_assessment");
  for (const viewer of [
    viewerWith({ userId: "00000000-0000-4000-8000-0000000000c1", memberships: [[org.id, OrganisationRole.OWNER]] }),
    viewerWith({ userId: "00000000-0000-4000-8000-0000000000c2", roles: [Role.ANALYST] }),
    viewerWith(),
  ]) {
    const r = await app.ok(ASSESS, { input: { organisationId, ...ALL_MET, reasons: "Looks fine to me" } }, viewer);
    expect(r.recordStoAssessment.userErrors[0].code).toBe("NOT_ALLOWED");
  }
  // Assessing is never open to partner keys: refused before anything runs.
  const key = viewerWith({ apiKeyId: "00000000-0000-4000-8000-0000000000c3", roles: [Role.PARTNER], scopes: ["write:organisations" as never] });
  expect((await app.run(ASSESS, { input: { organisationId, ...ALL_MET, reasons: "Looks fine to me" } }, key)).errors![0].extensions).toMatchObject({ code: "FORBIDDEN" });
  expect(await rowCount(app.db, "sto_assessment")).toBe(before);
  const admin = await app.ok(ASSESS, { input: { organisationId, ...ALL_MET, reasons: "Checked accounts" } }, viewerWith({ roles: [Role.ADMIN] }));
  expect(admin.recordStoAssessment.userErrors).toEqual([]);
});

test("an assessment needs reasons", async () => {
  const org = await makeOrganisation(app.db, { name: "Netherton Wellbeing Garden" });
  const r = await app.ok(ASSESS, { input: { organisationId: toGlobalId("Organisation", org.id), ...ALL_MET, reasons: "  " } }, viewerWith({ roles: [Role.ADMIN] }));
  expect(r.recordStoAssessment.userErrors).toEqual([{ field: ["reasons"], code: "REQUIRED", message: expect.any(String) }]);
});

const ADMIN = viewerWith({ roles: [Role.ADMIN] });
const HISTORY = `query($id: ID!) { node(id: $id) { ... on Organisation { stoStatus assessments {
  outcome reasons overrideReason thresholds { version minTradingIncomePercent } tests { test met restsOn contradictedBy } } } } }`;

test("an ELIGIBLE assessment the register contradicts is refused, naming each fact but not its value, and nothing is written", async () => {
  const org = await makeOrganisation(app.db, {
    name: "Garston Sole Trader Café", legalForm: LegalForm.SOLE_TRADER, tradingIncomePercent: 17,
    governance: { boardSize: 5, communityBoardMembers: 0 }, surplusDestination: SurplusDestination.ELSEWHERE_IN_REGION,
  });
  const organisationId = toGlobalId("Organisation", org.id);
  const before = [await rowCount(app.db, "sto_assessment"), await rowCount(app.db, "audit_event")];
  const r = await app.ok(ASSESS, { input: { organisationId, ...ALL_MET, reasons: "Popular with locals" } }, ADMIN);
  const errors = r.recordStoAssessment.userErrors as { field: string[]; code: string; message: string }[];
  expect(r.recordStoAssessment.assessment).toBeNull();
  expect(errors.map((e) => [e.field, e.code])).toEqual([
    [["tradesForSocialPurpose"], "CONTRADICTS_RECORD"], [["communityLed"], "CONTRADICTS_RECORD"],
    [["keepsSurplusInRegion"], "CONTRADICTS_RECORD"], [["doesNotExportProfit"], "CONTRADICTS_RECORD"],
  ]);
  expect(errors.map((e) => e.message.split(".")[0])).toEqual([
    "The register records a trading share of income below the network's minimum",
    "The register records no community members on the board",
    "The register records no asset lock, by law or in the organisation's rules",
    "The register records that surplus leaves the places the organisation serves",
  ]);
  for (const e of errors) expect(e.message).not.toMatch(/17|30|%/);
  expect([await rowCount(app.db, "sto_assessment"), await rowCount(app.db, "audit_event")]).toEqual(before);
  // Assessing it NOT_ELIGIBLE needs no override: the record bears that out.
  const no = await app.ok(ASSESS, { input: { organisationId, ...ALL_MET, keepsSurplusInRegion: false, doesNotExportProfit: false, reasons: "No asset lock; profit leaves Garston" } }, ADMIN);
  expect(no.recordStoAssessment).toMatchObject({ userErrors: [], assessment: { outcome: "NOT_ELIGIBLE", organisation: { stoStatus: "NOT_ELIGIBLE" } } });
});

test("with an override reason the contradicted assessment stands, and the history shows the override and the facts it overrode", async () => {
  const org = await makeOrganisation(app.db, {
    name: "Speke Family Bakery Ltd", legalForm: LegalForm.COMPANY_LIMITED_BY_SHARES, tradingIncomePercent: 90,
    governance: { boardSize: 4, communityBoardMembers: 2 }, surplusDestination: SurplusDestination.PLACES_SERVED,
  });
  const organisationId = toGlobalId("Organisation", org.id);
  const overrideReason = "Family firm owned by Speke residents; pays no dividends outside Speke.";
  const r = await app.ok(ASSESS, { input: { organisationId, ...ALL_MET, reasons: "Trades for local benefit", overrideReason } }, ADMIN);
  expect(r.recordStoAssessment).toMatchObject({ userErrors: [], assessment: { outcome: "ELIGIBLE", organisation: { stoStatus: "ELIGIBLE" } } });
  const history = await app.ok(HISTORY, { id: organisationId }, ADMIN);
  const [latest] = history.node.assessments;
  expect(latest).toMatchObject({ outcome: "ELIGIBLE", overrideReason, thresholds: { version: 1, minTradingIncomePercent: 30 } });
  expect(latest.tests.map((t: { test: string; met: boolean; contradictedBy: string | null }) => [t.test, t.met, t.contradictedBy])).toEqual([
    ["TRADES_FOR_SOCIAL_PURPOSE", true, null],
    ["COMMUNITY_LED", true, null],
    ["KEEPS_SURPLUS_IN_REGION", true, "The register records no asset lock, by law or in the organisation's rules."],
    ["NOT_GRANT_ONLY_CHARITY", true, null],
    ["DOES_NOT_EXPORT_PROFIT", true, null],
  ]);
  expect(latest.tests[0].restsOn).toMatch(/trading share of income/i);
  const [event] = await app.db.query("SELECT changes FROM audit_event WHERE action = 'organisation.assessEligibility' AND entity_id = $1", [org.id]);
  expect(event.changes.overrideReason).toEqual({ before: null, after: overrideReason });
  // Members of the organisation see the override in their history too, but not the network's thresholds.
  const owner = viewerWith({ userId: "00000000-0000-4000-8000-0000000000d1", memberships: [[org.id, OrganisationRole.OWNER]] });
  const own = await app.ok(HISTORY, { id: organisationId }, owner);
  expect(own.node.assessments[0]).toMatchObject({ overrideReason, thresholds: null });
});

test("an override reason where the register contradicts nothing is refused", async () => {
  const org = await makeOrganisation(app.db, { name: "Halewood Energy Co-operative", legalForm: LegalForm.CO_OPERATIVE_SOCIETY, assetLockDeclared: true, tradingIncomePercent: 60 });
  const organisationId = toGlobalId("Organisation", org.id);
  const r = await app.ok(ASSESS, { input: { organisationId, ...ALL_MET, reasons: "Sells power locally", overrideReason: "Just in case" } }, ADMIN);
  expect(r.recordStoAssessment.userErrors).toEqual([{ field: ["overrideReason"], code: "OVERRIDE_NOT_NEEDED", message: expect.any(String) }]);
  const no = await app.ok(ASSESS, { input: { organisationId, ...ALL_MET, communityLed: false, reasons: "Board appointed", overrideReason: "Not needed" } }, ADMIN);
  expect(no.recordStoAssessment.userErrors[0].code).toBe("OVERRIDE_NOT_NEEDED");
  expect(await rowCount(app.db, `sto_assessment WHERE organisation_id = '${org.id}'`)).toBe(0);
});

test("'does not export profit' is about the locality served: surplus paid elsewhere in the region fails it, not 'keeps surplus in the region'", async () => {
  const elsewhere = await makeOrganisation(app.db, { name: "Kirkby Bike Kitchen CIC", tradingIncomePercent: 70, surplusDestination: SurplusDestination.ELSEWHERE_IN_REGION });
  const r = await app.ok(ASSESS, { input: { organisationId: toGlobalId("Organisation", elsewhere.id), ...ALL_MET, reasons: "Trades in Kirkby" } }, ADMIN);
  expect(r.recordStoAssessment.userErrors.map((e: { field: string[] }) => e.field)).toEqual([["doesNotExportProfit"]]);
  const outside = await makeOrganisation(app.db, { name: "Prescot Pub CIC", tradingIncomePercent: 70, surplusDestination: SurplusDestination.OUTSIDE_REGION });
  const o = await app.ok(ASSESS, { input: { organisationId: toGlobalId("Organisation", outside.id), ...ALL_MET, reasons: "Trades in Prescot" } }, ADMIN);
  expect(o.recordStoAssessment.userErrors.map((e: { field: string[] }) => e.field)).toEqual([["keepsSurplusInRegion"], ["doesNotExportProfit"]]);
  for (const where of [SurplusDestination.PLACES_SERVED, SurplusDestination.REINVESTED]) {
    const local = await makeOrganisation(app.db, { name: `Huyton Hub CIC ${where}`, tradingIncomePercent: 70, surplusDestination: where });
    const ok = await app.ok(ASSESS, { input: { organisationId: toGlobalId("Organisation", local.id), ...ALL_MET, reasons: "Trades in Huyton" } }, ADMIN);
    expect(ok.recordStoAssessment.userErrors).toEqual([]);
  }
});

test("facts the register does not hold contradict nothing; a grant-only record contradicts 'not a grant-only charity'", async () => {
  const unknown = await makeOrganisation(app.db, { name: "Walton Youth Theatre CIC" });
  expect((await app.ok(ASSESS, { input: { organisationId: toGlobalId("Organisation", unknown.id), ...ALL_MET, reasons: "Ticket sales" } }, ADMIN))
    .recordStoAssessment.userErrors).toEqual([]);
  const grants = await makeOrganisation(app.db, { name: "Dingle Heritage Trust", legalForm: LegalForm.CIO, tradingIncomePercent: 0 });
  const r = await app.ok(ASSESS, { input: { organisationId: toGlobalId("Organisation", grants.id), ...ALL_MET, reasons: "Restores a building" } }, ADMIN);
  expect(r.recordStoAssessment.userErrors.map((e: { field: string[]; message: string }) => [e.field[0], e.message.split(".")[0]])).toEqual([
    ["tradesForSocialPurpose", "The register records a trading share of income below the network's minimum"],
    ["notGrantOnlyCharity", "The register records no income from trading"],
  ]);
});
