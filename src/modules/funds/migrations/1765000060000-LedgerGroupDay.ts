// fundingSummary and Fund.figuresBetween read the ledger by the day money moved, across every fund: an index on it.
import { MigrationInterface, QueryRunner } from "typeorm";

export class LedgerGroupDay1765000060000 implements MigrationInterface {
  name = "LedgerGroupDay1765000060000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ledger_group_day_idx ON ledger_group (occurred_on, fund_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ledger_group_day_idx`);
  }
}
