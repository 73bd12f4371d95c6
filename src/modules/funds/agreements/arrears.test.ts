// Arrears are reported only while money is owed on the schedule: never before the money is paid out, never once the
// agreement has ended (repaid, closed or written off).
import { createTestDatabase, TestDatabase } from "../../../../tests/support/test-db";
import { asAdmin, expectLedgerBalanced, key, makeAgreement, makeFund, ok } from "../../../../tests/support/fund-factories";
import { AgreementsService } from "./agreements.service";
import { arrearsOn } from "./arrears";
import { addMonths } from "./schedule";
import { londonDate } from "../../../kit/calendar";

let tdb: TestDatabase;
beforeAll(async () => { tdb = await createTestDatabase(); });
afterEach(async () => { await expectLedgerBalanced(tdb.db); });
afterAll(async () => { await tdb.drop(); });

const later = addMonths(londonDate(), 30);
const arrears = async (agreementId: string, asOf: string) => (await arrearsOn(tdb.db, [agreementId], asOf)).get(agreementId)!;

test("an agreement never paid out has no arrears, even long after its schedule began; nor once it is closed", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 1_500_000 });
  expect(await arrears(agreement.id, later)).toMatchObject({ amount: { pence: 0 }, due: { pence: 0 }, daysOverdue: 0, oldestUnpaidDueOn: null });
  const closed = ok(await new AgreementsService(tdb.db).close(asAdmin, agreement.id, { expectedVersion: agreement.version, reason: "Not taken up." })).agreement;
  expect(closed.status).toBe("CLOSED");
  expect(await arrears(agreement.id, later)).toMatchObject({ amount: { pence: 0 }, daysOverdue: 0, oldestUnpaidDueOn: null });
});

test("a disbursed agreement is in arrears while it runs, and not from the day it is written off", async () => {
  const fund = await makeFund(tdb.db, { contributions: [10_000_000] });
  const { agreement } = await makeAgreement(tdb.db, fund, { amountPence: 2_000_000, cashRepayablePence: 1_200_000, termMonths: 12, holidayMonths: 0, disburse: true });
  const running = await arrears(agreement.id, later);
  expect(running.amount.pence).toBe(1_200_000);
  expect(running.daysOverdue).toBeGreaterThan(0);
  ok(await new AgreementsService(tdb.db).writeOff(asAdmin, agreement.id, { expectedVersion: agreement.version, reason: "Ceased trading.", idempotencyKey: key() }));
  expect(await arrears(agreement.id, later)).toMatchObject({ amount: { pence: 0 }, daysOverdue: 0, oldestUnpaidDueOn: null, due: { pence: 1_200_000 } });
});
