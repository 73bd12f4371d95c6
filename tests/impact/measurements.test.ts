// Recording, correcting and verifying measurements through the API: bad input is refused with nothing written, a
// correction keeps the old figures as a revision, only ADMIN verifies, and only an organisation's editors report.
import { startTestApp, TestApp } from "../support/test-app";
import { makeOrganisation, viewerWith } from "../support/organisation-factories";
import { makeUser } from "../support/factories";
import { OrganisationRole, Role } from "../../src/auth/roles";
import { toGlobalId } from "../../src/graphql/ids";
import { catalogue } from "./support";

let app: TestApp;
const ADMIN = viewerWith({ roles: [Role.ADMIN] });
const RECORD = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) {
  measurement { id version quantity source periodEnd metric { code } } userErrors { field code } } }`;

beforeAll(async () => {
  app = await startTestApp();
  await catalogue(app.db);
});
afterAll(() => app.close());

const count = async () => (await app.db.query("SELECT count(*)::int AS n FROM impact_measurement"))[0].n;

test("unknown measures, periods ending before they start, negative counts and archived organisations are refused, nothing written", async () => {
  const org = await makeOrganisation(app.db);
  const editor = viewerWith({ userId: null, memberships: [[org.id, OrganisationRole.EDITOR]] });
  const id = toGlobalId("Organisation", org.id);
  const base = { organisationId: id, metricCode: "VOLUNTEER_HOURS", periodStart: "2024-01-01", periodEnd: "2024-03-31", quantity: 120 };
  const before = await count();
  const cases: [Record<string, unknown>, string][] = [
    [{ metricCode: "NOT_A_MEASURE" }, "UNKNOWN_METRIC"],
    [{ periodStart: "2024-04-01", periodEnd: "2024-03-31" }, "PERIOD_ENDS_BEFORE_START"],
    [{ quantity: -5 }, "NEGATIVE_QUANTITY"],
    [{ quantity: 1.234 }, "TOO_PRECISE"],
    [{ periodEnd: "2099-12-31" }, "PERIOD_NOT_OVER"],
  ];
  for (const [change, code] of cases) {
    const d = await app.ok(RECORD, { input: { ...base, ...change } }, editor);
    expect(d.recordMeasurement.userErrors.map((e: { code: string }) => e.code)).toContain(code);
  }
  // A fall in emissions saved may be negative.
  const carbon = await app.ok(RECORD, { input: { ...base, metricCode: "CARBON_SAVED", quantity: -2.5 } }, editor);
  expect(carbon.recordMeasurement.userErrors).toEqual([]);
  await app.db.query("UPDATE organisation SET archived_at = now() WHERE id = $1", [org.id]);
  const archived = await app.ok(RECORD, { input: base }, editor);
  expect(archived.recordMeasurement.userErrors.map((e: { code: string }) => e.code)).toEqual(["ARCHIVED"]);
  expect(await count()).toBe(before + 1);
});

test("only the organisation's owners and editors record; a viewer of it is refused", async () => {
  const org = await makeOrganisation(app.db);
  const input = { organisationId: toGlobalId("Organisation", org.id), metricCode: "MEALS_PROVIDED", periodStart: "2024-01-01", periodEnd: "2024-12-31", quantity: 900 };
  const viewer = viewerWith({ memberships: [[org.id, OrganisationRole.VIEWER]] });
  expect((await app.ok(RECORD, { input }, viewer)).recordMeasurement.userErrors[0].code).toBe("NOT_ALLOWED");
  expect((await app.ok(RECORD, { input }, viewerWith({ roles: [Role.ANALYST] }))).recordMeasurement.userErrors[0].code).toBe("NOT_ALLOWED");
});

test("a correction keeps the figures it replaces as a revision and is unverified again; only ADMIN verifies", async () => {
  const org = await makeOrganisation(app.db);
  // Signed in: a correction asks who is asking first (kit/records `allowedFirst`), and nobody signed in acts on a record.
  const owner = viewerWith({ userId: (await makeUser(app.db)).id, memberships: [[org.id, OrganisationRole.OWNER]] });
  const input = { organisationId: toGlobalId("Organisation", org.id), metricCode: "APPRENTICESHIPS", periodStart: "2024-01-01", periodEnd: "2024-12-31", quantity: 3 };
  const { measurement } = (await app.ok(RECORD, { input }, owner)).recordMeasurement;
  const VERIFY = `mutation($input: VerifyMeasurementInput!) { verifyMeasurement(input: $input) { measurement { version source } userErrors { code } } }`;
  expect((await app.ok(VERIFY, { input: { measurementId: measurement.id, expectedVersion: 1 } }, owner)).verifyMeasurement.userErrors[0].code).toBe("NOT_ALLOWED");
  expect((await app.ok(VERIFY, { input: { measurementId: measurement.id, expectedVersion: 1 } }, ADMIN)).verifyMeasurement)
    .toEqual({ measurement: { version: 2, source: "VERIFIED" }, userErrors: [] });
  const CORRECT = `mutation($input: CorrectMeasurementInput!) { correctMeasurement(input: $input) { measurement { version quantity source } userErrors { code } } }`;
  expect((await app.ok(CORRECT, { input: { measurementId: measurement.id, expectedVersion: 1, quantity: 4, reason: "Late starter" } }, owner))
    .correctMeasurement.userErrors[0].code).toBe("STALE_VERSION");
  expect((await app.ok(CORRECT, { input: { measurementId: measurement.id, expectedVersion: 2, quantity: 4, reason: "Late starter" } }, owner)).correctMeasurement)
    .toEqual({ measurement: { version: 3, quantity: 4, source: "SELF_REPORTED" }, userErrors: [] });
  const revisions = await app.db.query("SELECT version, quantity::float AS quantity, source, reason FROM impact_measurement_revision WHERE measurement_id = (SELECT id FROM impact_measurement WHERE organisation_id = $1)", [org.id]);
  expect(revisions).toEqual([{ version: 2, quantity: 3, source: "VERIFIED", reason: "Late starter" }]);
  const audited = await app.db.query("SELECT action FROM audit_event WHERE entity_type = 'ImpactMeasurement' ORDER BY id");
  expect(audited.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(["measurement.record", "measurement.verify", "measurement.correct"]));
});
