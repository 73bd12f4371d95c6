// Impact: the metric catalogue and its versioned £ proxy values, measurements with their revisions (insert-only), and
// organisations' yearly facts. The covering index on a measurement's period end serves every summary with an index-only
// scan: a dashboard reads (period_end, organisation, metric, quantity) and nothing else of a row.
import { MigrationInterface, QueryRunner } from "typeorm";

const UNITS = `('PEOPLE','FTE','HOURS','POUNDS','TONNES','TONNES_CO2E','COUNT')`;
const THEMES = `('JOBS_AND_SKILLS','LOCAL_GROWTH','HEALTHIER_COMMUNITIES','ENVIRONMENT','SOCIAL_INNOVATION')`;
const SOURCES = `('SELF_REPORTED','VERIFIED')`;

export class Impact1764200000700 implements MigrationInterface {
  name = "Impact1764200000700";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE impact_metric (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{1,59}$'),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        definition text NOT NULL CHECK (length(btrim(definition)) BETWEEN 1 AND 2000),
        unit text NOT NULL CHECK (unit IN ${UNITS}),
        theme text NOT NULL CHECK (theme IN ${THEMES}),
        aggregation text NOT NULL CHECK (aggregation IN ('SUM','AVERAGE','LATEST')),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX impact_metric_code_key ON impact_metric (code)`);
    await q.query(`CREATE INDEX impact_metric_theme_idx ON impact_metric (theme)`);

    await q.query(`
      CREATE TABLE impact_proxy_value (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        metric_id uuid NOT NULL REFERENCES impact_metric(id),
        version int NOT NULL CHECK (version >= 1),
        value_per_unit_pence bigint NOT NULL CHECK (value_per_unit_pence BETWEEN 0 AND 100000000000),
        valid_from date NOT NULL,
        source text NOT NULL CHECK (length(btrim(source)) BETWEEN 1 AND 500),
        demo boolean NOT NULL DEFAULT false,
        recorded_by uuid REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX impact_proxy_value_key ON impact_proxy_value (metric_id, valid_from)`);
    await q.query(`CREATE UNIQUE INDEX impact_proxy_value_version_key ON impact_proxy_value (metric_id, version)`);

    await q.query(`
      CREATE TABLE impact_measurement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        metric_id uuid NOT NULL REFERENCES impact_metric(id),
        period_start date NOT NULL,
        period_end date NOT NULL,
        quantity numeric(14,2) NOT NULL CHECK (abs(quantity) < 1000000000000),
        evidence text CHECK (length(evidence) <= 2000),
        source text NOT NULL DEFAULT 'SELF_REPORTED' CHECK (source IN ${SOURCES}),
        verified_by uuid REFERENCES app_user(id),
        verified_at timestamptz,
        recorded_by uuid REFERENCES app_user(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT impact_measurement_period_check CHECK (period_end >= period_start AND period_end - period_start < 1096),
        CONSTRAINT impact_measurement_verified_check CHECK ((source = 'VERIFIED') = (verified_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX impact_measurement_organisation_idx ON impact_measurement (organisation_id, period_end, id)`);
    await q.query(`CREATE INDEX impact_measurement_metric_idx ON impact_measurement (metric_id)`);
    await q.query(`CREATE INDEX impact_measurement_period_idx ON impact_measurement (period_end) INCLUDE (organisation_id, metric_id, quantity)`);

    await q.query(`
      CREATE TABLE impact_measurement_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        measurement_id uuid NOT NULL REFERENCES impact_measurement(id),
        version int NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        quantity numeric(14,2) NOT NULL,
        evidence text,
        source text NOT NULL CHECK (source IN ${SOURCES}),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
        replaced_by uuid REFERENCES app_user(id),
        replaced_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX impact_measurement_revision_key ON impact_measurement_revision (measurement_id, version)`);

    await q.query(`
      CREATE TABLE impact_organisation_year (
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        year int NOT NULL CHECK (year BETWEEN 1900 AND 2200),
        turnover_pence bigint CHECK (turnover_pence >= 0),
        employees_fte numeric(10,2) CHECK (employees_fte >= 0),
        volunteers int CHECK (volunteers >= 0),
        external_funding_pence bigint CHECK (external_funding_pence >= 0),
        version int NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, year)
      )`);

    await q.query(`
      CREATE FUNCTION impact_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% records cannot be changed or deleted; record a new one instead', TG_TABLE_NAME; END $$`);
    for (const table of ["impact_measurement_revision", "impact_proxy_value"]) {
      await q.query(`CREATE TRIGGER ${table}_insert_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION impact_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION impact_refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["impact_organisation_year", "impact_measurement_revision", "impact_measurement", "impact_proxy_value", "impact_metric"]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION impact_refuse_change`);
  }
}
