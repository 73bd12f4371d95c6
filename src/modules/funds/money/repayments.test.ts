// Repayments and lineage: cash returns to the pool and is awarded again with its history; social value is claimed,
// reviewed and credited; nothing is repaid beyond what is outstanding; repaying everything ends the agreement.
import { createTestDatabase, TestDatabase } from "../../../../tests/support/test-db";
import { rowCounts } from "../../../../tests/support/row-counts";
import { actorOf, asAdmin, codes, expectLedgerBalanced, key, makeAgreement, makeFund, ok, today } from "../../../../tests/support/fund-factories";
import { RepaymentsService } from "./repayments.service";
import { DisbursementsService } from "./disbursements.service";
import { AgreementsService } from "../agreements/agreements.service";
import { agreementBalances, fundFigures } from "../ledger/figures";
import { generationsOf, lineageOf } from "../ledger/lineage";
import type { Agreement } from "../agreements/agreement.entity";

let tdb: TestDatabase;
beforeAll(async () => { tdb = await createTestDatabase(); });
afterEach(async () => { await expectLedgerBalanced(tdb.db); });
afterAll(async () => { await tdb.drop(); });

const repayCash = (agreementId: string, amountPence: number, idempotencyKey = key()) =>
  new RepaymentsService(tdb.db).recordCashRepayment(asAdmin, agreementId, { amountPence, occurredOn: today(), idempotencyKey });
const disburse = (agreementId: string, amountPence: number) =>
  new DisbursementsService(tdb.db).disburse(asAdmin, agreementId, { amountPence, occurredOn: today(), idempotencyKey: key() });

async function claimAndAccept(agreement: Agreement, viewer: Parameters<typeof actorOf>[0], valuePence: number, acceptedPence?: number) {
  const service = new RepaymentsService(tdb.db);
  const { claim } = ok(await service.claimSocialRepayment(actorOf(viewer), agreement.id, {
    valuePence, valueReason: "Agreed at review", periodFrom: "2025-01-01", periodTo: today(), description: "Forty young people trained as bakers", idempotencyKey: key(),
  }));
  return service.reviewSocialRepayment(asAdmin, claim.id, { expectedVersion: claim.version, accept: true, acceptedPence, idempotencyKey: key() });
}

test("a repaid pound awarded again shows its lineage back to the contribution", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const first = (await makeAgreement(tdb.db, fund, { amountPence: 4_000_000, cashRepayablePence: 3_000_000, disburse: true })).agreement;
  ok(await repayCash(first.id, 3_000_000));
  // The pool now holds £60,000 of the contribution (first time out) and £30,000 repaid by the first agreement.
  const second = (await makeAgreement(tdb.db, fund, { amountPence: 8_000_000, disburse: true })).agreement;

  const [contribution] = await tdb.db.query("SELECT id FROM fund_contribution");
  expect((await lineageOf(tdb.db, [second.id])).get(second.id)).toEqual([
    { agreementId: second.id, contributionId: contribution.id, generation: 1, viaAgreementIds: [], pence: 6_000_000 },
    { agreementId: second.id, contributionId: contribution.id, generation: 2, viaAgreementIds: [first.id], pence: 2_000_000 },
  ]);
  expect((await generationsOf(tdb.db, [fund.id])).get(fund.id)).toEqual([
    { generation: 1, pence: 10_000_000 }, { generation: 2, pence: 2_000_000 },
  ]);
  expect((await fundFigures(tdb.db, [fund.id])).get(fund.id)).toMatchObject({
    contributedPence: 10_000_000, disbursedPence: 12_000_000, repaidCashPence: 3_000_000, recycledPence: 2_000_000,
    awardedPence: 12_000_000, availablePence: 1_000_000, poolPence: 1_000_000,
  });
});

test("a pound that goes round three times traces through both earlier agreements, oldest first", async () => {
  const fund = await makeFund(tdb.db, { contributions: [2_000_000] });
  const a = (await makeAgreement(tdb.db, fund, { amountPence: 2_000_000, cashRepayablePence: 2_000_000, disburse: true })).agreement;
  ok(await repayCash(a.id, 1_000_000));
  const b = (await makeAgreement(tdb.db, fund, { amountPence: 1_000_000, cashRepayablePence: 1_000_000, disburse: true })).agreement;
  ok(await repayCash(b.id, 1_000_000));
  const c = (await makeAgreement(tdb.db, fund, { amountPence: 1_000_000, disburse: true })).agreement;
  const [line] = (await lineageOf(tdb.db, [c.id])).get(c.id)!;
  expect(line).toMatchObject({ generation: 3, viaAgreementIds: [a.id, b.id], pence: 1_000_000 });
  expect((await fundFigures(tdb.db, [fund.id])).get(fund.id)!.recycledPence).toBe(2_000_000);
});

test("cash repayments never exceed what was received or the cash part, and write nothing when refused", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 4_000_000, cashRepayablePence: 2_000_000 });
  ok(await disburse(agreement.id, 1_000_000));
  const before = await rowCounts(tdb.db);
  expect(codes(await repayCash(agreement.id, 1_000_001))).toEqual(["EXCEEDS_OUTSTANDING"]);
  expect(codes(await repayCash(agreement.id, -5))).toEqual(["NEGATIVE_AMOUNT"]);
  expect(await rowCounts(tdb.db)).toEqual(before);
  ok(await disburse(agreement.id, 3_000_000));
  ok(await repayCash(agreement.id, 2_000_000));
  // Received £40,000, repaid £20,000 in cash: the cash part is done, though £20,000 is still outstanding.
  expect(codes(await repayCash(agreement.id, 1))).toEqual(["EXCEEDS_OUTSTANDING"]);
});

test("an agreement repaid in full in cash and social value becomes REPAID; a repaid agreement takes no more repayments", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement, applicant } = await makeAgreement(tdb.db, fund, { amountPence: 3_000_000, cashRepayablePence: 2_000_000, disburse: true });
  ok(await repayCash(agreement.id, 2_000_000));
  const accepted = ok(await claimAndAccept(agreement, applicant.viewer, 1_000_000));
  expect(accepted.claim.status).toBe("ACCEPTED");
  expect(accepted.agreement).toMatchObject({ status: "REPAID", endedOn: today() });
  expect((await agreementBalances(tdb.db, [agreement.id])).get(agreement.id)).toMatchObject({
    disbursedPence: 3_000_000, repaidCashPence: 2_000_000, repaidSocialPence: 1_000_000, outstandingPence: 0,
  });
  expect(codes(await repayCash(agreement.id, 1))).toEqual(["WRONG_STATUS"]);
  const figures = (await fundFigures(tdb.db, [fund.id])).get(fund.id)!;
  expect(figures).toMatchObject({ repaidSocialPence: 1_000_000, repaidCashPence: 2_000_000, availablePence: 9_000_000 });
});

test("a social repayment claim is credited only when reviewed and accepted, and never beyond the social part", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement, applicant } = await makeAgreement(tdb.db, fund, { amountPence: 3_000_000, cashRepayablePence: 2_000_000, disburse: true });
  const service = new RepaymentsService(tdb.db);
  const tooMuch = await service.claimSocialRepayment(actorOf(applicant.viewer), agreement.id, {
    valuePence: 1_000_001, valueReason: "Agreed at review", periodFrom: "2025-01-01", periodTo: today(), description: "Training", idempotencyKey: key(),
  });
  expect(codes(tooMuch)).toEqual(["EXCEEDS_OUTSTANDING"]);
  const { claim } = ok(await service.claimSocialRepayment(actorOf(applicant.viewer), agreement.id, {
    valuePence: 600_000, valueReason: "Agreed at review", periodFrom: "2025-01-01", periodTo: today(), description: "Training", idempotencyKey: key(),
  }));
  expect((await agreementBalances(tdb.db, [agreement.id])).get(agreement.id)!.repaidSocialPence).toBe(0);
  expect(codes(await service.reviewSocialRepayment(actorOf(applicant.viewer), claim.id, {
    expectedVersion: claim.version, accept: true, idempotencyKey: key(),
  }))).toEqual(["NOT_ALLOWED"]);
  expect(codes(await service.reviewSocialRepayment(asAdmin, claim.id, {
    expectedVersion: claim.version, accept: true, acceptedPence: 600_001, idempotencyKey: key(),
  }))).toEqual(["MORE_THAN_CLAIMED"]);
  const reviewed = ok(await service.reviewSocialRepayment(asAdmin, claim.id, {
    expectedVersion: claim.version, accept: true, acceptedPence: 500_000, note: "Evidence covers 500 hours", idempotencyKey: key(),
  }));
  expect(reviewed.claim).toMatchObject({ status: "ACCEPTED", reviewNote: "Evidence covers 500 hours" });
  expect((await agreementBalances(tdb.db, [agreement.id])).get(agreement.id)!.repaidSocialPence).toBe(500_000);
  expect(codes(await service.reviewSocialRepayment(asAdmin, claim.id, {
    expectedVersion: reviewed.claim.version, accept: false, note: "Again", idempotencyKey: key(),
  }))).toEqual(["WRONG_STATUS"]);
});

test("a rejected claim needs a reason and credits nothing", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement, applicant } = await makeAgreement(tdb.db, fund, { amountPence: 3_000_000, cashRepayablePence: 2_000_000, disburse: true });
  const service = new RepaymentsService(tdb.db);
  const { claim } = ok(await service.claimSocialRepayment(actorOf(applicant.viewer), agreement.id, {
    valuePence: 100_000, valueReason: "Agreed at review", periodFrom: "2025-01-01", periodTo: today(), description: "Volunteering", idempotencyKey: key(),
  }));
  expect(codes(await service.reviewSocialRepayment(asAdmin, claim.id, { expectedVersion: claim.version, accept: false, idempotencyKey: key() }))).toEqual(["REQUIRED"]);
  const rejected = ok(await service.reviewSocialRepayment(asAdmin, claim.id, { expectedVersion: claim.version, accept: false, note: "No evidence of hours", idempotencyKey: key() }));
  expect(rejected.claim.status).toBe("REJECTED");
  expect((await agreementBalances(tdb.db, [agreement.id])).get(agreement.id)!.repaidSocialPence).toBe(0);
});

test("writing off an agreement moves what is outstanding to write-offs and releases what was never drawn", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 4_000_000 });
  const { agreement: active } = ok(await disburse(agreement.id, 1_000_000));
  ok(await repayCash(agreement.id, 200_000));
  const service = new AgreementsService(tdb.db);
  const current = (await tdb.db.query("SELECT version FROM agreement WHERE id = $1", [agreement.id]))[0].version;
  expect(codes(await service.writeOff(asAdmin, agreement.id, { expectedVersion: active.version, reason: "Ceased trading", idempotencyKey: key() }))).toEqual(["STALE_VERSION"]);
  const written = ok(await service.writeOff(asAdmin, agreement.id, { expectedVersion: current, reason: "Ceased trading", idempotencyKey: key() }));
  expect(written.agreement).toMatchObject({ status: "WRITTEN_OFF", endedOn: today() });
  expect((await agreementBalances(tdb.db, [agreement.id])).get(agreement.id)).toMatchObject({ writtenOffPence: 800_000, outstandingPence: 0 });
  expect((await fundFigures(tdb.db, [fund.id])).get(fund.id)).toMatchObject({
    awardedPence: 1_000_000, writtenOffPence: 800_000, availablePence: 9_200_000, poolPence: 9_200_000,
  });
  expect(codes(await repayCash(agreement.id, 100))).toEqual(["WRONG_STATUS"]);
});

test("an offer not taken up is closed and its money is available again; an agreement with money outstanding cannot be closed", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const service = new AgreementsService(tdb.db);
  const { agreement: offered } = await makeAgreement(tdb.db, fund, { amountPence: 4_000_000, accept: false });
  expect((await fundFigures(tdb.db, [fund.id])).get(fund.id)!.availablePence).toBe(6_000_000);
  const closed = ok(await service.close(asAdmin, offered.id, { expectedVersion: offered.version, reason: "Offer not taken up" }));
  expect(closed.agreement.status).toBe("CLOSED");
  expect(codes(await disburse(offered.id, 100_000))).toEqual(["WRONG_STATUS"]);
  expect(codes(await repayCash(offered.id, 100_000))).toEqual(["WRONG_STATUS"]);
  expect((await fundFigures(tdb.db, [fund.id])).get(fund.id)!.availablePence).toBe(10_000_000);
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 2_000_000, disburse: true });
  expect(codes(await service.close(asAdmin, agreement.id, { expectedVersion: agreement.version, reason: "Done" }))).toEqual(["OUTSTANDING_BALANCE"]);
});
