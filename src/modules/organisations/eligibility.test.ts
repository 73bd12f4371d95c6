// STO eligibility: who may assess, the outcome rule, stoStatus following the latest assessment, history kept.
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { makeUser } from "../../../tests/support/factories";
import { makeOrganisation, rowCount, viewerWith } from "../../../tests/support/organisation-factories";
import { toGlobalId } from "../../graphql/ids";
import { OrganisationRole, Role } from "../../auth/roles";
import { outcomeOf } from "./eligibility.service";

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
