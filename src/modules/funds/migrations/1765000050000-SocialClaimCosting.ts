// Social repayment claims costed from the impact catalogue: the verified measurements a claim cites, each with the
// proxy version and value it was costed at when claimed; and a claim's value is either that costing or an agreed value
// with a recorded reason (claims made before costing existed are given that reason, so the rule holds for every row).
import { MigrationInterface, QueryRunner } from "typeorm";

export class SocialClaimCosting1765000050000 implements MigrationInterface {
  name = "SocialClaimCosting1765000050000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE social_repayment_claim
      ADD COLUMN costed_pence bigint,
      ADD COLUMN value_reason text CHECK (length(btrim(value_reason)) BETWEEN 1 AND 2000)`);
    await q.query(`UPDATE social_repayment_claim SET value_reason = 'Agreed before claims were costed from the impact catalogue.'`);
    await q.query(`ALTER TABLE social_repayment_claim ADD CONSTRAINT social_repayment_claim_costed_or_reasoned_check
      CHECK (value_reason IS NOT NULL OR costed_pence = value_pence)`);
    await q.query(`
      CREATE TABLE social_claim_measurement (
        claim_id uuid NOT NULL REFERENCES social_repayment_claim(id),
        measurement_id uuid NOT NULL,
        metric_code text NOT NULL,
        period_end date NOT NULL,
        quantity numeric(14,2) NOT NULL,
        proxy_version int NOT NULL CHECK (proxy_version >= 1),
        value_per_unit_pence bigint NOT NULL CHECK (value_per_unit_pence >= 0),
        value_pence bigint NOT NULL,
        PRIMARY KEY (claim_id, measurement_id)
      )`);
    await q.query(`CREATE INDEX social_claim_measurement_measurement_idx ON social_claim_measurement (measurement_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE social_claim_measurement`);
    await q.query(`ALTER TABLE social_repayment_claim DROP CONSTRAINT social_repayment_claim_costed_or_reasoned_check`);
    await q.query(`ALTER TABLE social_repayment_claim DROP COLUMN value_reason, DROP COLUMN costed_pence`);
  }
}
