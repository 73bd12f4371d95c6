// The STO register: organisations, identifiers, places served, eligibility assessments, contacts; membership FK.
import { MigrationInterface, QueryRunner } from "typeorm";

export class Organisations1763900000200 implements MigrationInterface {
  name = "Organisations1763900000200";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 5000),
        legal_form text NOT NULL CHECK (legal_form IN ('CIC_LIMITED_BY_GUARANTEE','CIC_LIMITED_BY_SHARES',
          'COMMUNITY_BENEFIT_SOCIETY','CO_OPERATIVE_SOCIETY','CIO','CHARITABLE_COMPANY','COMPANY_LIMITED_BY_GUARANTEE',
          'COMPANY_LIMITED_BY_SHARES','PARTNERSHIP','SOLE_TRADER','UNINCORPORATED_ASSOCIATION')),
        founded_on date,
        website text CHECK (length(website) <= 500),
        registered_place_id uuid REFERENCES place(id),
        causes text[] NOT NULL DEFAULT '{}',
        asset_lock_declared boolean NOT NULL DEFAULT false,
        board_size int CHECK (board_size >= 0),
        community_board_members int CHECK (community_board_members >= 0 AND community_board_members <= board_size),
        membership_size int CHECK (membership_size >= 0),
        trading_income_percent int CHECK (trading_income_percent BETWEEN 0 AND 100),
        lifecycle_stage text NOT NULL CHECK (lifecycle_stage IN ('IDEA','STARTING','GROWING','ESTABLISHED')),
        sto_status text NOT NULL DEFAULT 'UNASSESSED' CHECK (sto_status IN ('ELIGIBLE','NOT_ELIGIBLE','UNASSESSED')),
        archived_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Keyset orderings (sort key + id) and the directory's filters.
    await q.query(`CREATE INDEX organisation_name_idx ON organisation (lower(name), id)`);
    await q.query(`CREATE INDEX organisation_created_idx ON organisation (created_at, id)`);
    await q.query(`CREATE INDEX organisation_updated_idx ON organisation (updated_at, id)`);
    await q.query(`CREATE INDEX organisation_legal_form_idx ON organisation (legal_form)`);
    await q.query(`CREATE INDEX organisation_lifecycle_idx ON organisation (lifecycle_stage)`);
    await q.query(`CREATE INDEX organisation_sto_status_idx ON organisation (sto_status)`);
    await q.query(`CREATE INDEX organisation_registered_place_idx ON organisation (registered_place_id)`);
    await q.query(`CREATE INDEX organisation_causes_idx ON organisation USING gin (causes)`);
    // Search: English full text over name and description, plus trigrams on the name for typos.
    await q.query(`CREATE INDEX organisation_search_idx ON organisation
      USING gin (to_tsvector('english'::regconfig, name || ' ' || coalesce(description, '')))`);
    await q.query(`CREATE INDEX organisation_name_trgm_idx ON organisation USING gin (name gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE organisation_identifier (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        scheme text NOT NULL CHECK (scheme IN ('GB-COH','GB-CHC','GB-MPR')),
        value text NOT NULL CHECK (value ~ '^GB-(COH-([0-9]{8}|[A-Z]{2}[0-9]{6})|CHC-[0-9]{6,7}|MPR-[A-Z]{0,2}[0-9]{1,6}R?)$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (starts_with(value, scheme || '-'))
      )`);
    await q.query(`CREATE UNIQUE INDEX organisation_identifier_value_key ON organisation_identifier (value)`);
    await q.query(`CREATE INDEX organisation_identifier_org_idx ON organisation_identifier (organisation_id)`);

    await q.query(`
      CREATE TABLE organisation_place_served (
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        place_id uuid NOT NULL REFERENCES place(id),
        PRIMARY KEY (organisation_id, place_id)
      )`);
    await q.query(`CREATE INDEX organisation_place_served_place_idx ON organisation_place_served (place_id)`);

    await q.query(`
      CREATE TABLE sto_assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        trades_for_social_purpose boolean NOT NULL,
        community_led boolean NOT NULL,
        keeps_surplus_in_region boolean NOT NULL,
        not_grant_only_charity boolean NOT NULL,
        does_not_export_profit boolean NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('ELIGIBLE','NOT_ELIGIBLE')),
        reasons text NOT NULL CHECK (length(reasons) <= 5000),
        assessed_by uuid REFERENCES app_user(id),
        assessed_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((outcome = 'ELIGIBLE') = (trades_for_social_purpose AND community_led AND keeps_surplus_in_region
                                         AND not_grant_only_charity AND does_not_export_profit))
      )`);
    await q.query(`CREATE INDEX sto_assessment_org_idx ON sto_assessment (organisation_id, assessed_at)`);

    await q.query(`
      CREATE TABLE organisation_contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        role text CHECK (length(role) <= 200),
        email text CHECK (length(email) <= 320),
        phone text CHECK (length(phone) <= 40),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organisation_contact_org_idx ON organisation_contact (organisation_id)`);

    await q.query(`ALTER TABLE organisation_membership ADD CONSTRAINT organisation_membership_organisation_id_fkey
      FOREIGN KEY (organisation_id) REFERENCES organisation(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation_membership DROP CONSTRAINT organisation_membership_organisation_id_fkey`);
    await q.query(`DROP TABLE organisation_contact`);
    await q.query(`DROP TABLE sto_assessment`);
    await q.query(`DROP TABLE organisation_place_served`);
    await q.query(`DROP TABLE organisation_identifier`);
    await q.query(`DROP TABLE organisation`);
  }
}
