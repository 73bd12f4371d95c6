// The eligibility thresholds as network settings: versions with who, when and why; a new version changes the outcome
// of new assessments only; only ADMIN sets them, staff and panel members read them.
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { makeUser } from "../../../tests/support/factories";
import { makeOrganisation, rowCount, viewerWith } from "../../../tests/support/organisation-factories";
import { raceTest } from "../../../tests/support/races";
import { toGlobalId } from "../../graphql/ids";
import { ApiScope, OrganisationRole, Role } from "../../auth/roles";

const ASSESS = `mutation($input: RecordStoAssessmentInput!) { recordStoAssessment(input: $input) {
  assessment { outcome thresholds { version } } userErrors { field code message } } }`;
const SET = `mutation($input: SetEligibilityThresholdsInput!) { setEligibilityThresholds(input: $input) {
  thresholds { id version minTradingIncomePercent minCommunityBoardPercent assetLockRequired validFrom reason setBy { email } }
  userErrors { field code message } } }`;
const READ = `{ eligibilityThresholds { version minTradingIncomePercent }
  eligibilityThresholdHistory(first: 100) { totalCount nodes { version minTradingIncomePercent reason setBy { email } } } }`;
const ALL_MET = { tradesForSocialPurpose: true, communityLed: true, keepsSurplusInRegion: true, notGrantOnlyCharity: true, doesNotExportProfit: true };
const v1 = { minCommunityBoardPercent: 25, assetLockRequired: true };

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

async function adminUser() {
  const admin = await makeUser(app.db, { roles: [Role.ADMIN] });
  return { admin, as: viewerWith({ userId: admin.id, roles: [Role.ADMIN] }) };
}

test("a new thresholds version changes the outcome of new assessments only; earlier ones keep the version they used", async () => {
  const { admin, as } = await adminUser();
  const start = (await app.ok(READ, {}, as)).eligibilityThresholds;
  const org = await makeOrganisation(app.db, { name: "Rainhill Community Café CIC", tradingIncomePercent: 35 });
  const organisationId = toGlobalId("Organisation", org.id);
  const first = await app.ok(ASSESS, { input: { organisationId, ...ALL_MET, reasons: "Café sales" } }, as);
  expect(first.recordStoAssessment).toMatchObject({ userErrors: [], assessment: { outcome: "ELIGIBLE", thresholds: { version: start.version } } });

  const set = await app.ok(SET, { input: { ...v1, minTradingIncomePercent: 40, reason: "The members' meeting raised the trading share." } }, as);
  expect(set.setEligibilityThresholds).toMatchObject({
    userErrors: [], thresholds: { version: start.version + 1, minTradingIncomePercent: 40, setBy: { email: admin.email }, reason: "The members' meeting raised the trading share." },
  });
  const again = await app.ok(ASSESS, { input: { organisationId, ...ALL_MET, reasons: "Café sales" } }, as);
  expect(again.recordStoAssessment.userErrors).toEqual([{ field: ["tradesForSocialPurpose"], code: "CONTRADICTS_RECORD", message: expect.any(String) }]);
  const history = await app.ok(`query($id: ID!) { node(id: $id) { ... on Organisation { stoStatus assessments { outcome thresholds { version } } } } }`, { id: organisationId }, as);
  expect(history.node).toEqual({ stoStatus: "ELIGIBLE", assessments: [{ outcome: "ELIGIBLE", thresholds: { version: start.version } }] });

  const read = await app.ok(READ, {}, as);
  expect(read.eligibilityThresholds).toEqual({ version: start.version + 1, minTradingIncomePercent: 40 });
  expect(read.eligibilityThresholdHistory.nodes.slice(0, 2).map((n: { version: number }) => n.version)).toEqual([start.version + 1, start.version]);
  const [event] = await app.db.query("SELECT changes FROM audit_event WHERE action = 'eligibilityThresholds.set' AND entity_id = $1",
    [(await app.db.query("SELECT id FROM eligibility_thresholds WHERE version = $1", [start.version + 1]))[0].id]);
  expect(event.changes.minTradingIncomePercent).toEqual({ before: null, after: 40 });
  // Versions are history: the database refuses to change one.
  await expect(app.db.query("UPDATE eligibility_thresholds SET min_trading_income_percent = 10")).rejects.toThrow(/kept as set/);

  // Lowering it again lets the same record through for a new assessment.
  await app.ok(SET, { input: { ...v1, minTradingIncomePercent: 30, reason: "Back to the founding figure." } }, as);
  expect((await app.ok(ASSESS, { input: { organisationId, ...ALL_MET, reasons: "Café sales" } }, as)).recordStoAssessment)
    .toMatchObject({ userErrors: [], assessment: { thresholds: { version: start.version + 2 } } });
});

test("a version set to start later is in the history but not in force until then; one starting in the past is refused", async () => {
  const { as } = await adminUser();
  const before = (await app.ok(READ, {}, as)).eligibilityThresholds;
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
  const later = await app.ok(SET, { input: { ...v1, minTradingIncomePercent: 55, validFrom: tomorrow, reason: "From next year's round." } }, as);
  expect(later.setEligibilityThresholds.userErrors).toEqual([]);
  const read = await app.ok(READ, {}, as);
  expect(read.eligibilityThresholds).toEqual(before);
  expect(read.eligibilityThresholdHistory.nodes[0]).toMatchObject({ minTradingIncomePercent: 55 });
  const past = await app.ok(SET, { input: { ...v1, minTradingIncomePercent: 10, validFrom: "2020-06-01T00:00:00Z", reason: "Backdated" } }, as);
  expect(past.setEligibilityThresholds.userErrors).toEqual([{ field: ["validFrom"], code: "IN_PAST", message: expect.any(String) }]);
});

test("thresholds must be whole percentages with a reason; a bad input changes nothing", async () => {
  const { as } = await adminUser();
  const count = await rowCount(app.db, "eligibility_thresholds");
  const r = await app.ok(SET, { input: { minTradingIncomePercent: 101, minCommunityBoardPercent: -1, assetLockRequired: true, reason: " " } }, as);
  expect(r.setEligibilityThresholds.userErrors.map((e: { field: string[] }) => e.field[0]).sort()).toEqual(["minCommunityBoardPercent", "minTradingIncomePercent", "reason"]);
  expect(await rowCount(app.db, "eligibility_thresholds")).toBe(count);
});

test("only ADMIN sets thresholds; panel members read them; owners, analysts and partner keys do neither", async () => {
  const panel = viewerWith({ userId: "00000000-0000-4000-8000-0000000000e1", roles: [Role.PANEL_MEMBER] });
  expect((await app.ok(READ, {}, panel)).eligibilityThresholds.version).toBeGreaterThanOrEqual(1);
  const count = await rowCount(app.db, "eligibility_thresholds");
  const input = { ...v1, minTradingIncomePercent: 5, reason: "Easier" };
  expect((await app.ok(SET, { input }, panel)).setEligibilityThresholds.userErrors[0].code).toBe("NOT_ALLOWED");
  const org = await makeOrganisation(app.db);
  for (const viewer of [
    viewerWith({ userId: "00000000-0000-4000-8000-0000000000e2", memberships: [[org.id, OrganisationRole.OWNER]] }),
    viewerWith({ userId: "00000000-0000-4000-8000-0000000000e3", roles: [Role.ANALYST] }),
  ]) {
    expect((await app.run(`{ eligibilityThresholds { version } }`, {}, viewer)).errors![0].extensions).toMatchObject({ code: "FORBIDDEN" });
    expect((await app.ok(SET, { input }, viewer)).setEligibilityThresholds.userErrors[0].code).toBe("NOT_ALLOWED");
  }
  const key = viewerWith({ apiKeyId: "00000000-0000-4000-8000-0000000000e4", roles: [Role.PARTNER], scopes: [ApiScope.READ_ORGANISATIONS, ApiScope.WRITE_ORGANISATIONS] });
  expect((await app.run(`{ eligibilityThresholdHistory { totalCount } }`, {}, key)).errors![0].extensions).toMatchObject({ code: "FORBIDDEN" });
  expect((await app.run(SET, { input }, key)).errors![0].extensions).toMatchObject({ code: "FORBIDDEN" });
  expect(await rowCount(app.db, "eligibility_thresholds")).toBe(count);
});

raceTest("ADMINs setting thresholds at once get distinct, consecutive versions", async () => {
  const { as } = await adminUser();
  const [{ last }] = await app.db.query("SELECT max(version)::int AS last FROM eligibility_thresholds");
  const results = await Promise.all(Array.from({ length: 50 }, (_, i) =>
    app.ok(SET, { input: { ...v1, minTradingIncomePercent: 30 + (i % 5), reason: `Race ${i}` } }, as)));
  expect(results.every((r) => r.setEligibilityThresholds.userErrors.length === 0)).toBe(true);
  const versions = results.map((r) => r.setEligibilityThresholds.thresholds.version).sort((a, b) => a - b);
  expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => last + 1 + i));
});
