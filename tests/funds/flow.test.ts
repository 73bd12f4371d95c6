// The whole pay-it-forward flow over real HTTP with signed-in people: apply, review, decide, accept, disburse, repay in
// cash and social value, reschedule; bad money input is refused before anything is written.
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { rowCounts } from "../support/row-counts";
import { expectLedgerBalanced, makeApplicant, makeFund, makePanel, makeRound } from "../support/fund-factories";
import { Role } from "../../src/auth/roles";
import { toGlobalId } from "../../src/graphql/ids";
import { londonDate } from "../../src/kit/calendar";

const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) {
  application { id status version requested { pence } } userErrors { field code message } } }`;

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterEach(async () => { await expectLedgerBalanced(app.db); });
afterAll(async () => { await app.close(); });

async function call(token: string, query: string, variables: Record<string, unknown>) {
  const res = await app.post(query, variables, token);
  expect(res.json.errors).toBeUndefined();
  return res.json.data;
}

test("an application goes from submission to a repaid-in-part agreement, every step through the API", async () => {
  const fund = await makeFund(app.db, { contributions: [10_000_000] });
  const applicant = await makeApplicant(app.db, "Speke Training Kitchen CIC");
  const { panelId, seats } = await makePanel(app.db);
  // A round whose rule lets one counted view decide, so the flow needs one panel member (quorum is tested in panel.test.ts).
  await makeRound(app.db, fund.id, panelId, { quorum: 1 });
  const adminUser = await makeUser(app.db, { roles: [Role.ADMIN] });
  const [owner, panel, admin] = await Promise.all([applicant.owner, seats[0].user, adminUser].map((u) => app.signIn(u.email, TEST_PASSWORD)));
  const today = londonDate();

  const submitted = (await call(owner, SUBMIT, { input: {
    organisationId: toGlobalId("Organisation", applicant.organisationId), fundId: toGlobalId("Fund", fund.id),
    requestedPence: 3_000_000, purpose: "A training kitchen", idempotencyKey: "flow-submit",
  } })).submitApplication;
  expect(submitted.userErrors).toEqual([]);
  const applicationId = submitted.application.id;

  const viewed = (await call(panel, `mutation($input: RecordPanelViewInput!) { recordPanelView(input: $input) {
    view { counted } application { status version } userErrors { code } } }`,
  { input: { applicationId, stance: "SUPPORT", comment: "Apprenticeships with a route to work." } })).recordPanelView;
  expect(viewed).toMatchObject({ view: { counted: true }, application: { status: "IN_REVIEW" } });

  const decided = (await call(panel, `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) {
    application { status } agreement { id status version cashRepayable { pence } socialRepayable { pence } schedule { instalments { dueOn } } }
    userErrors { code message } } }`, { input: {
    applicationId, expectedVersion: viewed.application.version, outcome: "OFFER", reasons: "Backed together.",
    offer: { amountPence: 3_000_000, cashRepayablePence: 2_000_000, termMonths: 12, holidayMonths: 2, startsOn: today },
    idempotencyKey: "flow-decide",
  } })).decideApplication;
  expect(decided.userErrors).toEqual([]);
  expect(decided.agreement).toMatchObject({ status: "OFFERED", cashRepayable: { pence: 2_000_000 }, socialRepayable: { pence: 1_000_000 } });
  expect(decided.agreement.schedule.instalments).toHaveLength(10);
  const agreementId = decided.agreement.id;

  const accepted = (await call(owner, `mutation($input: AcceptOfferInput!) { acceptOffer(input: $input) { agreement { version acceptedAt } userErrors { code } } }`,
    { input: { agreementId, expectedVersion: decided.agreement.version } })).acceptOffer;
  expect(accepted.agreement.acceptedAt).toEqual(expect.any(String));

  const MONEY = (op: string) => `mutation($input: AgreementMoneyInput!) { ${op}(input: $input) {
    movement { kind amount { pence formatted } } agreement { status outstanding { pence } } userErrors { code } } }`;
  const disbursed = (await call(admin, MONEY("disburse"), { input: { agreementId, amountPence: 3_000_000, occurredOn: today, idempotencyKey: "flow-out" } })).disburse;
  expect(disbursed).toMatchObject({ movement: { kind: "DISBURSEMENT", amount: { formatted: "£30,000.00" } }, agreement: { status: "ACTIVE", outstanding: { pence: 3_000_000 } } });
  const repaid = (await call(admin, MONEY("recordCashRepayment"), { input: { agreementId, amountPence: 500_000, occurredOn: today, idempotencyKey: "flow-in" } })).recordCashRepayment;
  expect(repaid.agreement.outstanding).toEqual({ pence: 2_500_000 });

  const claimed = (await call(owner, `mutation($input: ClaimSocialRepaymentInput!) { claimSocialRepayment(input: $input) { claim { id version status } userErrors { code } } }`,
    { input: { agreementId, valuePence: 250_000, valueReason: "Agreed at the panel", periodFrom: today, periodTo: today, description: "Three apprentices started", idempotencyKey: "flow-claim" } })).claimSocialRepayment;
  expect(claimed.claim.status).toBe("CLAIMED");
  const reviewed = (await call(admin, `mutation($input: ReviewSocialRepaymentInput!) { reviewSocialRepayment(input: $input) {
    claim { status accepted { pence } } agreement { repaidSocial { pence } version } userErrors { code } } }`,
  { input: { claimId: claimed.claim.id, expectedVersion: claimed.claim.version, accept: true, idempotencyKey: "flow-review" } })).reviewSocialRepayment;
  expect(reviewed).toMatchObject({ claim: { status: "ACCEPTED", accepted: { pence: 250_000 } }, agreement: { repaidSocial: { pence: 250_000 } } });

  const rescheduled = (await call(admin, `mutation($input: RescheduleAgreementInput!) { rescheduleAgreement(input: $input) {
    schedule { version covers { pence } paidBefore { pence } } agreement { schedules { version } } userErrors { code } } }`,
  { input: { agreementId, expectedVersion: reviewed.agreement.version, startsOn: today, termMonths: 6, holidayMonths: 0, reason: "Kitchen closed for repairs" } })).rescheduleAgreement;
  expect(rescheduled).toMatchObject({ schedule: { version: 2, covers: { pence: 1_500_000 }, paidBefore: { pence: 500_000 } }, agreement: { schedules: [{ version: 1 }, { version: 2 }] } });

  const events = await app.db.query(`SELECT action FROM audit_event WHERE request_id <> 'fund-factory' AND request_id <> 'factory' ORDER BY id`);
  expect(events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining([
    "application.draft", "application.move", "panelView.record", "agreement.offer", "application.decide", "agreement.accept",
    "agreement.disburse", "agreement.repayCash", "socialRepaymentClaim.create", "socialRepaymentClaim.move", "agreement.reschedule",
  ]));
});

test("fractional pence never reach the fund: the Money input refuses them and nothing is written", async () => {
  const fund = await makeFund(app.db, { contributions: [1_000_000] });
  const applicant = await makeApplicant(app.db);
  const owner = await app.signIn(applicant.owner.email, TEST_PASSWORD);
  const before = await rowCounts(app.db);
  const res = await app.post(SUBMIT, { input: {
    organisationId: toGlobalId("Organisation", applicant.organisationId), fundId: toGlobalId("Fund", fund.id),
    requestedPence: 250_000.5, purpose: "Half a penny", idempotencyKey: "fraction",
  } }, owner);
  expect(res.json.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  expect(res.json.errors[0].message).not.toContain("250000.5");
  const negative = await app.post(SUBMIT, { input: {
    organisationId: toGlobalId("Organisation", applicant.organisationId), fundId: toGlobalId("Fund", fund.id),
    requestedPence: -250_000, purpose: "Less than nothing", idempotencyKey: "negative",
  } }, owner);
  expect(negative.json.data.submitApplication.userErrors).toEqual([{ field: ["requestedPence"], code: "NEGATIVE_AMOUNT", message: expect.stringContaining("£1,000.00") }]);
  expect(await rowCounts(app.db)).toEqual(before);
});
