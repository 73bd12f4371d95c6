// Eligibility from the record: thresholds as versioned network settings, where surplus goes on the register, and
// assessments that keep the thresholds they used, the record's evidence and any override reason.
import { MigrationInterface, QueryRunner } from "typeorm";

export class EligibilityFromRecord1765000020000 implements MigrationInterface {
  name = "EligibilityFromRecord1765000020000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation ADD COLUMN surplus_destination text
      CHECK (surplus_destination IN ('REINVESTED','PLACES_SERVED','ELSEWHERE_IN_REGION','OUTSIDE_REGION'))`);
    await q.query(`
      CREATE TABLE eligibility_thresholds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL CHECK (version >= 1),
        min_trading_income_percent int NOT NULL CHECK (min_trading_income_percent BETWEEN 0 AND 100),
        min_community_board_percent int NOT NULL CHECK (min_community_board_percent BETWEEN 0 AND 100),
        asset_lock_required boolean NOT NULL,
        valid_from timestamptz NOT NULL,
        set_by uuid REFERENCES app_user(id),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX eligibility_thresholds_version_key ON eligibility_thresholds (version)`);
    await q.query(`CREATE INDEX eligibility_thresholds_valid_from_idx ON eligibility_thresholds (valid_from)`);
    // A version is history: it is never changed or removed, only followed by another.
    await q.query(`CREATE FUNCTION eligibility_thresholds_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'eligibility thresholds are kept as set; set a new version instead'; END $$`);
    await q.query(`CREATE TRIGGER eligibility_thresholds_keep BEFORE UPDATE OR DELETE ON eligibility_thresholds
      FOR EACH ROW EXECUTE FUNCTION eligibility_thresholds_keep()`);
    await q.query(`INSERT INTO eligibility_thresholds
      (version, min_trading_income_percent, min_community_board_percent, asset_lock_required, valid_from, reason)
      VALUES (1, 30, 25, true, '2020-01-01T00:00:00Z',
        'The network''s first thresholds: at least 30% of income from trading, a quarter of the board from the community served, and an asset lock.')`);

    await q.query(`ALTER TABLE sto_assessment
      ADD COLUMN thresholds_id uuid REFERENCES eligibility_thresholds(id),
      ADD COLUMN evidence jsonb,
      ADD COLUMN override_reason text CHECK (length(override_reason) <= 5000),
      ADD CONSTRAINT sto_assessment_override_check CHECK (override_reason IS NULL OR outcome = 'ELIGIBLE')`);
    await q.query(`CREATE INDEX sto_assessment_thresholds_idx ON sto_assessment (thresholds_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sto_assessment DROP CONSTRAINT sto_assessment_override_check,
      DROP COLUMN override_reason, DROP COLUMN evidence, DROP COLUMN thresholds_id`);
    await q.query(`DROP TABLE eligibility_thresholds`);
    await q.query(`DROP FUNCTION eligibility_thresholds_keep()`);
    await q.query(`ALTER TABLE organisation DROP COLUMN surplus_destination`);
  }
}
