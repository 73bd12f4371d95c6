// Domain events of funding: a decision, a first disbursement, a repayment and an ending each leave exactly one event of
// their type about the right subject, in the change's transaction; a refused mutation leaves none.
import { createTestDatabase, TestDatabase } from "../../../tests/support/test-db";
import { actorOf, asAdmin, codes, expectLedgerBalanced, key, makeAgreement, makeFund, makeReviewedApplication, offer, ok, today } from "../../../tests/support/fund-factories";
import { DisbursementsService } from "./money/disbursements.service";
import { RepaymentsService } from "./money/repayments.service";
import { AgreementsService } from "./agreements/agreements.service";
import { PanelService } from "./applications/panel.service";
import { DecisionOutcome, PanelStance } from "./funds.enums";
import type { Agreement } from "./agreements/agreement.entity";

let tdb: TestDatabase;
beforeAll(async () => { tdb = await createTestDatabase(); });
afterEach(async () => { await expectLedgerBalanced(tdb.db); });
afterAll(async () => { await tdb.drop(); });

interface Event {
  type: string;
  subject_type: string;
  subject_id: string;
  data: Record<string, unknown>;
}

const FUND_EVENTS = ["application.decided", "agreement.activated", "repayment.recorded", "agreement.ended"];

/** The fund's events recorded after event `since`, oldest first. */
async function eventsSince(since: number): Promise<Event[]> {
  return tdb.db.query("SELECT type, subject_type, subject_id, data FROM domain_event WHERE id > $1 AND type = ANY($2) ORDER BY id", [since, FUND_EVENTS]);
}

async function lastEventId(): Promise<number> {
  const [{ id }] = await tdb.db.query("SELECT coalesce(max(id), 0)::int AS id FROM domain_event");
  return id;
}

const disburse = (agreementId: string, amountPence: number) =>
  new DisbursementsService(tdb.db).disburse(asAdmin, agreementId, { amountPence, occurredOn: today(), idempotencyKey: key() });
const repayCash = (agreementId: string, amountPence: number) =>
  new RepaymentsService(tdb.db).recordCashRepayment(asAdmin, agreementId, { amountPence, occurredOn: today(), idempotencyKey: key() });

const about = (a: Agreement) => ({ agreementId: a.id, fundId: a.fundId, organisationId: a.organisationId, amountPence: a.amountPence });

test("a decision leaves one application.decided about the application, with the outcome and the agreement it made", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const offered = await makeReviewedApplication(tdb.db, fund);
  let since = await lastEventId();
  const { application, agreement } = ok(await offer(tdb.db, offered.application));
  expect(await eventsSince(since)).toEqual([{
    type: "application.decided", subject_type: "FundingApplication", subject_id: application.id,
    data: {
      applicationId: application.id, fundId: fund.id, roundId: application.roundId, organisationId: application.organisationId,
      partnerOrganisationIds: [], outcome: "OFFER", agreementId: agreement!.id, override: false,
    },
  }]);

  const declined = await makeReviewedApplication(tdb.db, fund, { stance: PanelStance.DO_NOT_SUPPORT });
  since = await lastEventId();
  ok(await new PanelService(tdb.db).decide(asAdmin, declined.application.id, {
    expectedVersion: declined.application.version, outcome: DecisionOutcome.DECLINE, reasons: "Not this round.", idempotencyKey: key(),
  }));
  expect(await eventsSince(since)).toEqual([expect.objectContaining({
    type: "application.decided", subject_id: declined.application.id, data: expect.objectContaining({ outcome: "DECLINE", agreementId: null }),
  })]);
});

test("the first disbursement leaves one agreement.activated about the agreement; later ones leave none", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 3_000_000 });
  const since = await lastEventId();
  const { movement } = ok(await disburse(agreement.id, 1_000_000));
  ok(await disburse(agreement.id, 2_000_000));
  expect(await eventsSince(since)).toEqual([{
    type: "agreement.activated", subject_type: "Agreement", subject_id: agreement.id,
    data: { ...about(agreement), firstDisbursement: { movementId: movement.id, pence: 1_000_000, occurredOn: today() } },
  }]);
});

test("a cash repayment and an accepted social repayment each leave one repayment.recorded about the movement", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement, applicant } = await makeAgreement(tdb.db, fund, { amountPence: 3_000_000, cashRepayablePence: 2_000_000, disburse: true });
  let since = await lastEventId();
  const cash = ok(await repayCash(agreement.id, 500_000)).movement;
  expect(await eventsSince(since)).toEqual([{
    type: "repayment.recorded", subject_type: "FundMovement", subject_id: cash.id,
    data: { kind: "CASH_REPAYMENT", pence: 500_000, occurredOn: today(), agreementId: agreement.id, fundId: fund.id },
  }]);

  const service = new RepaymentsService(tdb.db);
  const { claim } = ok(await service.claimSocialRepayment(actorOf(applicant.viewer), agreement.id, {
    valuePence: 400_000, periodFrom: "2025-01-01", periodTo: today(), description: "Twelve apprentices trained", idempotencyKey: key(),
  }));
  since = await lastEventId();
  const accepted = ok(await service.reviewSocialRepayment(asAdmin, claim.id, { expectedVersion: claim.version, accept: true, acceptedPence: 300_000, idempotencyKey: key() }));
  expect(await eventsSince(since)).toEqual([{
    type: "repayment.recorded", subject_type: "FundMovement", subject_id: accepted.claim.ledgerGroupId,
    data: { kind: "SOCIAL_REPAYMENT", pence: 300_000, occurredOn: today(), agreementId: agreement.id, fundId: fund.id, claimId: claim.id },
  }]);
});

test("an agreement repaid, closed or written off leaves one agreement.ended with its status", async () => {
  const fund = await makeFund(tdb.db, { contributions: [20_000_000] });
  const repaid = (await makeAgreement(tdb.db, fund, { amountPence: 1_000_000, cashRepayablePence: 1_000_000, disburse: true })).agreement;
  const closed = (await makeAgreement(tdb.db, fund, { amountPence: 1_000_000 })).agreement;
  const writtenOff = (await makeAgreement(tdb.db, fund, { amountPence: 1_000_000, disburse: true })).agreement;
  const since = await lastEventId();
  const repayment = ok(await repayCash(repaid.id, 1_000_000)).movement;
  const agreements = new AgreementsService(tdb.db);
  ok(await agreements.close(asAdmin, closed.id, { expectedVersion: closed.version, reason: "Not taken up." }));
  ok(await agreements.writeOff(asAdmin, writtenOff.id, { expectedVersion: writtenOff.version, reason: "Ceased trading.", idempotencyKey: key() }));
  const ended = (a: Agreement, status: string) => ({
    type: "agreement.ended", subject_type: "Agreement", subject_id: a.id, data: { ...about(a), status, endedOn: today() },
  });
  expect(await eventsSince(since)).toEqual([
    expect.objectContaining({ type: "repayment.recorded", subject_id: repayment.id }),
    ended(repaid, "REPAID"), ended(closed, "CLOSED"), ended(writtenOff, "WRITTEN_OFF"),
  ]);
});

test("a refused decision, disbursement or repayment leaves no event", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const reviewed = await makeReviewedApplication(tdb.db, fund);
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 2_000_000 });
  const since = await lastEventId();
  expect(codes(await offer(tdb.db, { ...reviewed.application, version: reviewed.application.version - 1 }))).toEqual(["STALE_VERSION"]);
  expect(codes(await offer(tdb.db, reviewed.application, { amountPence: 20_000_000 }))).toEqual(["AMOUNT_OUT_OF_RANGE"]);
  expect(codes(await disburse(agreement.id, 2_000_001))).toEqual(["EXCEEDS_AGREEMENT"]);
  expect(codes(await new DisbursementsService(tdb.db).disburse(actorOf(reviewed.applicant.viewer), agreement.id, {
    amountPence: 1_000, occurredOn: today(), idempotencyKey: key(),
  }))).toEqual(["NOT_ALLOWED"]);
  expect(codes(await repayCash(agreement.id, 1))).toEqual(["WRONG_STATUS"]);
  expect(await lastEventId()).toBe(since);
});
