// Community-led housing: schemes led by community land trusts with their partnership terms, the homes planned by
// tenure and route, completions (insert-only, dated: homes delivered per place and year) and the stage history.
import { MigrationInterface, QueryRunner } from "typeorm";

const INSERT_ONLY = ["housing_completion", "housing_scheme_stage"];
const STAGES = `('GROUP_FORMING','SITE_IDENTIFIED','OPTION_AGREED','PLANNING','ON_SITE','COMPLETED','LET')`;
const TENURES = `('SOCIAL_RENT','AFFORDABLE_RENT','SHARED_OWNERSHIP','DISCOUNTED_SALE','OTHER')`;
const ROUTES = `('EMPTY_HOMES','NEW_BUILD')`;

export class Housing1764100000600 implements MigrationInterface {
  name = "Housing1764100000600";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE housing_scheme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 5000),
        lead_organisation_id uuid NOT NULL REFERENCES organisation(id),
        partner_organisation_id uuid REFERENCES organisation(id),
        site_asset_id uuid REFERENCES asset(id),
        place_id uuid NOT NULL REFERENCES place(id),
        stage text NOT NULL DEFAULT 'GROUP_FORMING' CHECK (stage IN ${STAGES}),
        lease_term_years int CHECK (lease_term_years BETWEEN 1 AND 999),
        ground_rent_pence bigint CHECK (ground_rent_pence >= 0),
        buy_back_option boolean,
        freehold_held_by_clt boolean,
        umbrella_costs_recouped_pence bigint NOT NULL DEFAULT 0 CHECK (umbrella_costs_recouped_pence >= 0),
        started_on date NOT NULL,
        completed_on date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT housing_scheme_partner_check CHECK (partner_organisation_id <> lead_organisation_id),
        CONSTRAINT housing_scheme_terms_check CHECK (partner_organisation_id IS NOT NULL
          OR (lease_term_years IS NULL AND ground_rent_pence IS NULL AND buy_back_option IS NULL AND freehold_held_by_clt IS NULL)),
        CONSTRAINT housing_scheme_completed_check CHECK ((stage IN ('COMPLETED','LET')) = (completed_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX housing_scheme_name_idx ON housing_scheme (lower(name), id)`);
    await q.query(`CREATE INDEX housing_scheme_updated_idx ON housing_scheme (updated_at, id)`);
    await q.query(`CREATE INDEX housing_scheme_place_idx ON housing_scheme (place_id)`);
    await q.query(`CREATE INDEX housing_scheme_stage_idx ON housing_scheme (stage)`);
    await q.query(`CREATE INDEX housing_scheme_lead_idx ON housing_scheme (lead_organisation_id)`);
    await q.query(`CREATE INDEX housing_scheme_partner_idx ON housing_scheme (partner_organisation_id)`);
    await q.query(`CREATE INDEX housing_scheme_site_idx ON housing_scheme (site_asset_id)`);

    await q.query(`
      CREATE TABLE housing_scheme_homes (
        scheme_id uuid NOT NULL REFERENCES housing_scheme(id),
        tenure text NOT NULL CHECK (tenure IN ${TENURES}),
        route text NOT NULL CHECK (route IN ${ROUTES}),
        planned int NOT NULL CHECK (planned BETWEEN 0 AND 10000),
        completed int NOT NULL DEFAULT 0,
        PRIMARY KEY (scheme_id, tenure, route),
        CONSTRAINT housing_scheme_homes_completed_check CHECK (completed BETWEEN 0 AND planned)
      )`);

    await q.query(`
      CREATE TABLE housing_completion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL REFERENCES housing_scheme(id),
        tenure text NOT NULL CHECK (tenure IN ${TENURES}),
        route text NOT NULL CHECK (route IN ${ROUTES}),
        homes int NOT NULL CHECK (homes BETWEEN 1 AND 10000),
        completed_on date NOT NULL,
        recorded_by uuid REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX housing_completion_scheme_idx ON housing_completion (scheme_id, completed_on)`);
    await q.query(`CREATE INDEX housing_completion_completed_idx ON housing_completion (completed_on)`);

    await q.query(`
      CREATE TABLE housing_scheme_stage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL REFERENCES housing_scheme(id),
        stage text NOT NULL CHECK (stage IN ${STAGES}),
        moved_on date NOT NULL,
        moved_by uuid REFERENCES app_user(id),
        note text CHECK (length(note) <= 2000),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX housing_scheme_stage_scheme_idx ON housing_scheme_stage (scheme_id, recorded_at)`);

    await q.query(`
      CREATE FUNCTION housing_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% records cannot be changed or deleted; record a new one instead', TG_TABLE_NAME; END $$`);
    for (const table of INSERT_ONLY) {
      await q.query(`CREATE TRIGGER ${table}_insert_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION housing_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION housing_refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["housing_scheme_stage", "housing_completion", "housing_scheme_homes", "housing_scheme"]) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP FUNCTION housing_refuse_change`);
  }
}
