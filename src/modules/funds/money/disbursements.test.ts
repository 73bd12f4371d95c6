// Disbursements: only accepted awards, never beyond the agreement or the fund, once per idempotency key even when
// twenty identical requests race, and never overdrawn when twenty different ones race.
import { createTestDatabase, TestDatabase } from "../../../../tests/support/test-db";
import { rowCounts } from "../../../../tests/support/row-counts";
import { asAdmin, codes, expectLedgerBalanced, key, makeAgreement, makeFund, ok, today } from "../../../../tests/support/fund-factories";
import { DisbursementsService } from "./disbursements.service";
import { FundsService } from "../rounds/funds.service";
import { fundFigures, agreementBalances } from "../ledger/figures";
import type { Agreement } from "../agreements/agreement.entity";
import { raceTest } from "../../../../tests/support/races";

let tdb: TestDatabase;
beforeAll(async () => { tdb = await createTestDatabase(); });
afterEach(async () => { await expectLedgerBalanced(tdb.db); });
afterAll(async () => { await tdb.drop(); });

const disburse = (agreementId: string, amountPence: number, idempotencyKey = key(), occurredOn = today()) =>
  new DisbursementsService(tdb.db).disburse(asAdmin, agreementId, { amountPence, occurredOn, idempotencyKey });

test("the first disbursement of an accepted offer makes the agreement ACTIVE and moves money from the pool to its receivable", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 4_000_000 });
  const r = ok(await disburse(agreement.id, 1_500_000));
  expect(r.agreement.status).toBe("ACTIVE");
  expect(r.movement).toMatchObject({ kind: "DISBURSEMENT", pence: 1_500_000, occurredOn: today(), agreementId: agreement.id });
  expect((await agreementBalances(tdb.db, [agreement.id])).get(agreement.id)).toMatchObject({ disbursedPence: 1_500_000, outstandingPence: 1_500_000 });
  expect((await fundFigures(tdb.db, [fund.id])).get(fund.id)).toMatchObject({
    contributedPence: 10_000_000, awardedPence: 4_000_000, disbursedPence: 1_500_000, poolPence: 8_500_000, availablePence: 6_000_000,
  });
  const [event] = await tdb.db.query("SELECT changes FROM audit_event WHERE action = 'agreement.disburse' AND entity_id = $1", [agreement.id]);
  expect(event.changes.amountPence.after).toBe(1_500_000);
});

test("a disbursement never exceeds what the agreement has still to disburse", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 4_000_000 });
  ok(await disburse(agreement.id, 3_000_000));
  const before = await rowCounts(tdb.db);
  const r = await disburse(agreement.id, 1_000_001);
  expect(codes(r)).toEqual(["EXCEEDS_AGREEMENT"]);
  expect((r as { errors: { message: string }[] }).errors[0].message).toContain("£10,000.00");
  expect(await rowCounts(tdb.db)).toEqual(before);
});

test("money moves only after the organisation accepts the offer", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 2_000_000, accept: false });
  expect(codes(await disburse(agreement.id, 1_000_000))).toEqual(["OFFER_NOT_ACCEPTED"]);
});

test("negative, zero, future-dated and pre-award disbursements are refused with user errors and write nothing", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 2_000_000 });
  const before = await rowCounts(tdb.db);
  expect(codes(await disburse(agreement.id, -100))).toEqual(["NEGATIVE_AMOUNT"]);
  expect(codes(await disburse(agreement.id, 0))).toEqual(["AMOUNT_TOO_SMALL"]);
  expect(codes(await disburse(agreement.id, 100.5))).toEqual(["NOT_WHOLE_PENCE"]);
  expect(codes(await disburse(agreement.id, 100, key(), "2999-01-01"))).toEqual(["IN_FUTURE"]);
  expect(codes(await disburse(agreement.id, 100, key(), "2000-01-01"))).toEqual(["TOO_EARLY"]);
  expect(codes(await disburse(agreement.id, 100, ""))).toEqual(["REQUIRED"]);
  expect(await rowCounts(tdb.db)).toEqual(before);
});

test("only ADMIN disburses", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement, applicant } = await makeAgreement(tdb.db, fund, { amountPence: 2_000_000 });
  const r = await new DisbursementsService(tdb.db).disburse({ viewer: applicant.viewer, requestId: "t" }, agreement.id, {
    amountPence: 100, occurredOn: today(), idempotencyKey: key(),
  });
  expect(codes(r)).toEqual(["NOT_ALLOWED"]);
});

test("replaying an idempotency key returns the first disbursement; the same key with other input is refused", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 4_000_000 });
  const k = key();
  const first = ok(await disburse(agreement.id, 1_000_000, k));
  const again = ok(await disburse(agreement.id, 1_000_000, k));
  expect(again.movement.id).toBe(first.movement.id);
  const before = await rowCounts(tdb.db);
  const other = await disburse(agreement.id, 1_000_001, k);
  expect(codes(other)).toEqual(["IDEMPOTENCY_KEY_REUSED"]);
  expect(await rowCounts(tdb.db)).toEqual(before);
  expect((await agreementBalances(tdb.db, [agreement.id])).get(agreement.id)!.disbursedPence).toBe(1_000_000);
});

raceTest("20 concurrent identical disbursement requests with one key move the money once", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 4_000_000 });
  const k = key();
  const results = await Promise.all(Array.from({ length: 20 }, () => disburse(agreement.id, 500_000, k)));
  const ids = new Set(results.map((r) => ok(r).movement.id));
  expect(ids.size).toBe(1);
  const [{ n }] = await tdb.db.query("SELECT count(*)::int AS n FROM ledger_group WHERE agreement_id = $1 AND kind = 'DISBURSEMENT'", [agreement.id]);
  expect(n).toBe(1);
  expect((await agreementBalances(tdb.db, [agreement.id])).get(agreement.id)!.disbursedPence).toBe(500_000);
});

raceTest("20 concurrent different disbursements never draw more than the agreements hold or the fund has", async () => {
  const fund = await makeFund(tdb.db, { contributions: [5_000_000] });
  const a = (await makeAgreement(tdb.db, fund, { amountPence: 2_500_000 })).agreement;
  const b = (await makeAgreement(tdb.db, fund, { amountPence: 2_500_000 })).agreement;
  // Each agreement can take three £7,000 disbursements (£21,000 of £25,000); a fourth would overdraw it.
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => disburse(i % 2 ? a.id : b.id, 700_000)));
  const succeeded = results.filter((r) => !("errors" in r));
  expect(succeeded).toHaveLength(6);
  expect(results.filter((r) => "errors" in r).every((r) => codes(r)[0] === "EXCEEDS_AGREEMENT")).toBe(true);
  const balances = await agreementBalances(tdb.db, [a.id, b.id]);
  expect(balances.get(a.id)!.disbursedPence).toBe(2_100_000);
  expect(balances.get(b.id)!.disbursedPence).toBe(2_100_000);
  expect((await fundFigures(tdb.db, [fund.id])).get(fund.id)!.poolPence).toBe(800_000);
});

raceTest("20 concurrent disbursements across agreements drain the pool to exactly zero and no further", async () => {
  const fund = await makeFund(tdb.db, { contributions: [2_000_000] });
  const agreements: Agreement[] = [];
  for (let i = 0; i < 4; i++) agreements.push((await makeAgreement(tdb.db, fund, { amountPence: 500_000 })).agreement);
  // 24 requests of £1,000 for £20,000 of awards: 20 fit, 4 do not, whatever order they run in.
  const results = await Promise.all(Array.from({ length: 24 }, (_, i) => disburse(agreements[i % 4].id, 100_000)));
  expect(results.filter((r) => !("errors" in r))).toHaveLength(20);
  expect(results.filter((r) => "errors" in r).map((r) => codes(r)[0])).toEqual(["EXCEEDS_AGREEMENT", "EXCEEDS_AGREEMENT", "EXCEEDS_AGREEMENT", "EXCEEDS_AGREEMENT"]);
  expect((await fundFigures(tdb.db, [fund.id])).get(fund.id)).toMatchObject({ disbursedPence: 2_000_000, poolPence: 0, availablePence: 0 });
});

test("the database refuses a posting that would take a pool below zero, even if the service were bypassed", async () => {
  const fund = await makeFund(tdb.db, { contributions: [300_000] });
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 200_000 });
  await expect(tdb.db.transaction(async (m) => {
    const [g] = await m.query(`INSERT INTO ledger_group (fund_id, kind, agreement_id, occurred_on) VALUES ($1, 'DISBURSEMENT', $2, current_date) RETURNING id`, [fund.id, agreement.id]);
    const [pool] = await m.query("SELECT id FROM ledger_account WHERE fund_id = $1 AND kind = 'POOL'", [fund.id]);
    const [receivable] = await m.query("INSERT INTO ledger_account (fund_id, kind, agreement_id) VALUES ($1, 'RECEIVABLE', $2) RETURNING id", [fund.id, agreement.id]);
    await m.query("INSERT INTO ledger_posting (group_id, account_id, direction, pence) VALUES ($1, $2, 'DEBIT', 400000), ($1, $3, 'CREDIT', 400000)", [g.id, receivable.id, pool.id]);
  })).rejects.toThrow(/below zero/);
});

test("the database refuses an unbalanced group, and edits or deletes of postings", async () => {
  const fund = await makeFund(tdb.db, { contributions: [100_000] });
  await expect(tdb.db.transaction(async (m) => {
    const [g] = await m.query(`INSERT INTO ledger_group (fund_id, kind, occurred_on) VALUES ($1, 'CONTRIBUTION', current_date) RETURNING id`, [fund.id]);
    const [pool] = await m.query("SELECT id FROM ledger_account WHERE fund_id = $1 AND kind = 'POOL'", [fund.id]);
    await m.query("INSERT INTO ledger_posting (group_id, account_id, direction, pence) VALUES ($1, $2, 'DEBIT', 100)", [g.id, pool.id]);
  })).rejects.toThrow(/does not balance|debit and a credit/);
  await expect(tdb.db.query("UPDATE ledger_posting SET pence = pence + 1")).rejects.toThrow(/cannot be changed/);
  await expect(tdb.db.query("DELETE FROM ledger_group")).rejects.toThrow(/cannot be changed/);
  await expect(tdb.db.query("DELETE FROM fund_contribution")).rejects.toThrow(/cannot be changed/);
  await expect(tdb.db.query("TRUNCATE fund_allocation CASCADE")).rejects.toThrow(/cannot be changed/);
});

test("a contribution debits the pool and credits its contributor, once per key", async () => {
  const fund = await makeFund(tdb.db);
  const service = new FundsService(tdb.db);
  const input = { contributor: "National Community Funder", amountPence: 100_000_000, receivedOn: today(), idempotencyKey: key() };
  const first = ok(await service.addContribution(asAdmin, fund.id, input));
  const again = ok(await service.addContribution(asAdmin, fund.id, input));
  expect(again.contribution.id).toBe(first.contribution.id);
  const postings = await tdb.db.query(
    `SELECT a.kind, a.contributor, p.direction, p.pence FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
     WHERE p.group_id = $1 ORDER BY p.direction`, [first.contribution.id]);
  expect(postings).toEqual([
    { kind: "CONTRIBUTOR", contributor: "National Community Funder", direction: "CREDIT", pence: 100_000_000 },
    { kind: "POOL", contributor: null, direction: "DEBIT", pence: 100_000_000 },
  ]);
  expect((await fundFigures(tdb.db, [fund.id])).get(fund.id)!.contributedPence).toBe(100_000_000);
});
