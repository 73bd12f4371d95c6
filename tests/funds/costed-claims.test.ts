// Social repayment claims costed from the impact catalogue: a claim citing verified measurements is worth quantity × the
// proxy value in force at each period's end, shown with the proxy's version; a free agreed value needs a recorded
// reason; measurements not verified, not the organisation's, outside the period or already claimed are refused.
import { startTestApp, TestApp } from "../support/test-app";
import { actorOf, asAdmin, codes, key, makeAgreement, makeFund, ok } from "../support/fund-factories";
import { catalogue } from "../impact/support";
import { MeasurementsService } from "../../src/modules/impact/measurements.service";
import { RepaymentsService } from "../../src/modules/funds/money/repayments.service";
import { makeOrganisation, viewerWith } from "../support/organisation-factories";
import { OrganisationRole } from "../../src/auth/roles";
import { toGlobalId } from "../../src/graphql/ids";
import type { Viewer } from "../../src/auth/viewer";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await catalogue(app.db);
});
afterAll(() => app.close());

async function measured(viewer: Viewer, organisationId: string, metricCode: string, periodStart: string, periodEnd: string, quantity: number, verify = true) {
  const service = new MeasurementsService(app.db);
  const { measurement } = ok(await service.record(actorOf(viewer), { organisationId, metricCode, periodStart, periodEnd, quantity }));
  return verify ? ok(await service.verify(asAdmin, measurement.id, measurement.version)).measurement.id : measurement.id;
}

async function setUp() {
  const fund = await makeFund(app.db, { contributions: [20_000_000] });
  const { agreement, applicant } = await makeAgreement(app.db, fund, { amountPence: 4_000_000, cashRepayablePence: 2_000_000, disburse: true });
  return { agreement, applicant, claim: (input: Record<string, unknown>) => new RepaymentsService(app.db).claimSocialRepayment(actorOf(applicant.viewer), agreement.id, {
    periodFrom: "2024-01-01", periodTo: "2024-06-30", description: "Volunteering at the community pantry", idempotencyKey: key(), ...input,
  }) };
}

test("a claim citing verified measurements is worth quantity × the proxy in force at each period's end, shown with the proxy version", async () => {
  const { agreement, applicant, claim } = await setUp();
  const org = agreement.organisationId;
  // VOLUNTEER_HOURS is £14.47 an hour to 31 March 2024 (version 1), £15.20 from 1 April 2024 (version 2).
  const q1 = await measured(applicant.viewer, org, "VOLUNTEER_HOURS", "2024-01-01", "2024-03-31", 100);
  const q2 = await measured(applicant.viewer, org, "VOLUNTEER_HOURS", "2024-04-01", "2024-06-30", 50.5);
  const made = ok(await claim({ measurementIds: [q1, q2] })).claim;
  expect(made).toMatchObject({ valuePence: 144_700 + 76_760, costedPence: 221_460, valueReason: null });

  const read = await app.ok(`query($id: ID!) { node(id: $id) { ... on SocialRepaymentClaim { claimed { pence } costed { pence } valueReason
    costing { measurementId metricCode periodEnd quantity proxyVersion valuePerUnit { pence } value { pence formatted } } } } }`,
  { id: toGlobalId("SocialRepaymentClaim", made.id) }, applicant.viewer);
  expect(read.node).toEqual({
    claimed: { pence: 221_460 }, costed: { pence: 221_460 }, valueReason: null,
    costing: [
      { measurementId: toGlobalId("ImpactMeasurement", q1), metricCode: "VOLUNTEER_HOURS", periodEnd: "2024-03-31", quantity: 100, proxyVersion: 1, valuePerUnit: { pence: 1447 }, value: { pence: 144_700, formatted: "£1,447.00" } },
      { measurementId: toGlobalId("ImpactMeasurement", q2), metricCode: "VOLUNTEER_HOURS", periodEnd: "2024-06-30", quantity: 50.5, proxyVersion: 2, valuePerUnit: { pence: 1520 }, value: { pence: 76_760, formatted: "£767.60" } },
    ],
  });
  // The same delivery repays once: a second claim citing it is refused while the first stands.
  expect(codes(await claim({ measurementIds: [q1] }))).toEqual(["ALREADY_CLAIMED"]);
});

test("an agreed value needs a recorded reason; a claim needs measurements or an agreed value", async () => {
  const { agreement, applicant, claim } = await setUp();
  expect(codes(await claim({ valuePence: 50_000 }))).toEqual(["REQUIRED"]);
  expect(codes(await claim({}))).toEqual(["REQUIRED"]);
  expect(codes(await claim({ valueReason: "No value to go with it" }))).toEqual(["REQUIRED", "NOT_WITHOUT_VALUE"]);
  const agreed = ok(await claim({ valuePence: 50_000, valueReason: "Costed by the panel from the organisation's own survey" })).claim;
  expect(agreed).toMatchObject({ valuePence: 50_000, costedPence: null, valueReason: "Costed by the panel from the organisation's own survey" });
  // Measurements and an agreed value together: the costing is kept beside the value agreed, and the reason with it.
  const hours = await measured(applicant.viewer, agreement.organisationId, "VOLUNTEER_HOURS", "2024-01-01", "2024-03-31", 10);
  const both = ok(await claim({ measurementIds: [hours], valuePence: 10_000, valueReason: "Hours from a partial rota: the panel agreed a lower value" })).claim;
  expect(both).toMatchObject({ valuePence: 10_000, costedPence: 14_470 });
  const stored = await app.db.query("SELECT count(*)::int AS n FROM social_repayment_claim WHERE agreement_id = $1 AND value_reason IS NULL AND costed_pence IS DISTINCT FROM value_pence", [agreement.id]);
  expect(stored[0].n).toBe(0);
});

test("measurements not verified, of another organisation, ending outside the period, or unknown are refused, nothing written", async () => {
  const { agreement, applicant, claim } = await setUp();
  const org = agreement.organisationId;
  const other = await makeOrganisation(app.db);
  const otherEditor = viewerWith({ memberships: [[other.id, OrganisationRole.EDITOR]] });
  const unverified = await measured(applicant.viewer, org, "MEALS_PROVIDED", "2024-01-01", "2024-03-31", 400, false);
  const theirs = await measured(otherEditor, other.id, "MEALS_PROVIDED", "2024-01-01", "2024-03-31", 400);
  const late = await measured(applicant.viewer, org, "MEALS_PROVIDED", "2024-07-01", "2024-09-30", 400);
  const before = (await app.db.query("SELECT count(*)::int AS n FROM social_repayment_claim"))[0].n;
  const r = await claim({ measurementIds: [unverified, theirs, late, "00000000-0000-4000-8000-0000000000aa"] });
  expect("errors" in r && r.errors.map((e) => [e.field?.join("."), e.code])).toEqual([
    ["measurementIds.0", "NOT_VERIFIED"], ["measurementIds.1", "NOT_FOUND"], ["measurementIds.2", "OUTSIDE_PERIOD"], ["measurementIds.3", "NOT_FOUND"],
  ]);
  expect((await app.db.query("SELECT count(*)::int AS n FROM social_repayment_claim"))[0].n).toBe(before);
});

test("over the API: measurement IDs are global IDs, and the costed claim is accepted for its costed value", async () => {
  const { agreement, applicant } = await setUp();
  const hours = await measured(applicant.viewer, agreement.organisationId, "VOLUNTEER_HOURS", "2024-01-01", "2024-03-31", 20);
  const r = await app.ok(`mutation($input: ClaimSocialRepaymentInput!) { claimSocialRepayment(input: $input) { claim { id version claimed { pence } costing { proxyVersion } } userErrors { field code } } }`,
    { input: { agreementId: toGlobalId("Agreement", agreement.id), measurementIds: [toGlobalId("ImpactMeasurement", hours)], periodFrom: "2024-01-01", periodTo: "2024-03-31",
      description: "Rota hours", idempotencyKey: key() } }, applicant.viewer);
  expect(r.claimSocialRepayment).toMatchObject({ claim: { claimed: { pence: 28_940 }, costing: [{ proxyVersion: 1 }] }, userErrors: [] });
  const [{ id }] = await app.db.query("SELECT id FROM social_repayment_claim WHERE agreement_id = $1", [agreement.id]);
  const review = await new RepaymentsService(app.db).reviewSocialRepayment(asAdmin, id, { expectedVersion: r.claimSocialRepayment.claim.version, accept: true, idempotencyKey: key() });
  expect(ok(review).claim.status).toBe("ACCEPTED");
  const [credited] = await app.db.query("SELECT pence FROM ledger_posting p JOIN social_repayment_claim c ON c.ledger_group_id = p.group_id WHERE c.id = $1 LIMIT 1", [id]);
  expect(Number(credited.pence)).toBe(28_940);
});
