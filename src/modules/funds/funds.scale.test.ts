// The scale generator makes real agreements through the services: balanced ledger, lineage, one per 50 organisations.
import { createTestDatabase, TestDatabase } from "../../../tests/support/test-db";
import { expectLedgerBalanced } from "../../../tests/support/fund-factories";
import { generateScaleOrganisations } from "../organisations/organisations.scale";
import { generateScaleClusters } from "../clusters/clusters.scale";
import { generateScaleFunds } from "./funds.scale";
import { fundFigures } from "./ledger/figures";

let tdb: TestDatabase;
beforeAll(async () => { tdb = await createTestDatabase(); });
afterAll(async () => { await tdb.drop(); });

test("generated agreements go through offer, acceptance, disbursement and repayment, and the ledger balances", async () => {
  const made = await tdb.db.transaction(async (m) => {
    await generateScaleOrganisations(m, 250, 7);
    await generateScaleClusters(m, 250, 7);
    return generateScaleFunds(m, 250, 7);
  });
  expect(made).toBe(5);
  await expectLedgerBalanced(tdb.db);
  const [{ n, disbursed }] = await tdb.db.query(`SELECT count(*)::int AS n, sum(amount_pence)::bigint AS disbursed FROM agreement WHERE status = 'ACTIVE'`);
  expect(n).toBe(5);
  const [fund] = await tdb.db.query("SELECT id FROM fund");
  expect((await fundFigures(tdb.db, [fund.id])).get(fund.id)).toMatchObject({ contributedPence: 50_000_000, disbursedPence: disbursed });
  expect(await tdb.db.transaction((m) => generateScaleFunds(m, 100, 8))).toBe(2);
});
