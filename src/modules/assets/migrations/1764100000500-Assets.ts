// Community assets: the register with its valuations, community asset transfer cases with their stage history, and
// Assets of Community Value (nominations, listings, owners' notices, intents to bid, disposals). History is insert-only.
import { MigrationInterface, QueryRunner } from "typeorm";

/** Facts of record: corrections are new rows, never edits. */
const INSERT_ONLY = ["asset_valuation", "asset_transfer_stage", "acv_intent_to_bid", "acv_disposal"];

const TENURE_CHECK = `tenure IN ('LICENCE','LEASE','FREEHOLD')`;
/** A lease has a term of 1 to 999 years; a licence or freehold has none. */
const LEASE_TERM_CHECK = `(tenure = 'LEASE') = (lease_term_years IS NOT NULL) AND (lease_term_years IS NULL OR lease_term_years BETWEEN 1 AND 999)`;

export class Assets1764100000500 implements MigrationInterface {
  name = "Assets1764100000500";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE asset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('LAND','BUILDING','HOUSING','OTHER')),
        address text CHECK (length(address) <= 500),
        postcode text CHECK (postcode ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$'),
        place_id uuid NOT NULL REFERENCES place(id),
        uprn text CHECK (uprn ~ '^[1-9][0-9]{0,11}$'),
        title_number text CHECK (title_number ~ '^[A-Z]{1,3}[0-9]{1,6}$'),
        owner_kind text NOT NULL CHECK (owner_kind IN ('PUBLIC_BODY','ORGANISATION')),
        public_body_owner text CHECK (length(btrim(public_body_owner)) BETWEEN 1 AND 200),
        owner_organisation_id uuid REFERENCES organisation(id),
        condition_notes text CHECK (length(condition_notes) <= 5000),
        floor_area_sqm int CHECK (floor_area_sqm BETWEEN 1 AND 10000000),
        community_holder_id uuid REFERENCES organisation(id),
        tenure text CHECK (${TENURE_CHECK}),
        lease_term_years int,
        transferred_on date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT asset_owner_check CHECK (
          (owner_kind = 'PUBLIC_BODY' AND public_body_owner IS NOT NULL AND owner_organisation_id IS NULL)
          OR (owner_kind = 'ORGANISATION' AND owner_organisation_id IS NOT NULL AND public_body_owner IS NULL)),
        CONSTRAINT asset_holder_check CHECK (
          (community_holder_id IS NULL) = (tenure IS NULL) AND (community_holder_id IS NULL) = (transferred_on IS NULL)),
        CONSTRAINT asset_lease_term_check CHECK (tenure IS NULL OR (${LEASE_TERM_CHECK}))
      )`);
    await q.query(`CREATE INDEX asset_name_idx ON asset (lower(name), id)`);
    await q.query(`CREATE INDEX asset_updated_idx ON asset (updated_at, id)`);
    await q.query(`CREATE INDEX asset_place_idx ON asset (place_id)`);
    await q.query(`CREATE INDEX asset_kind_idx ON asset (kind)`);
    await q.query(`CREATE INDEX asset_tenure_idx ON asset (tenure)`);
    await q.query(`CREATE INDEX asset_holder_idx ON asset (community_holder_id)`);
    await q.query(`CREATE INDEX asset_owner_organisation_idx ON asset (owner_organisation_id)`);
    await q.query(`CREATE INDEX asset_transferred_idx ON asset (transferred_on)`);
    await q.query(`CREATE UNIQUE INDEX asset_uprn_key ON asset (uprn) WHERE uprn IS NOT NULL`);

    await q.query(`
      CREATE TABLE asset_valuation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        asset_id uuid NOT NULL REFERENCES asset(id),
        valued_on date NOT NULL,
        basis text NOT NULL CHECK (basis IN ('MARKET_VALUE','EXISTING_USE_VALUE','OTHER')),
        amount_pence bigint NOT NULL CHECK (amount_pence >= 0),
        valuer text NOT NULL CHECK (length(btrim(valuer)) BETWEEN 1 AND 200),
        recorded_by uuid REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX asset_valuation_asset_idx ON asset_valuation (asset_id, valued_on, recorded_at)`);

    await q.query(`
      CREATE TABLE asset_transfer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        asset_id uuid NOT NULL REFERENCES asset(id),
        stage text NOT NULL DEFAULT 'INTEREST'
          CHECK (stage IN ('INTEREST','BUSINESS_CASE','DUE_DILIGENCE','HEADS_OF_TERMS','COMPLETED','HANDED_OVER','WITHDRAWN')),
        from_public_body text CHECK (length(btrim(from_public_body)) BETWEEN 1 AND 200),
        from_organisation_id uuid REFERENCES organisation(id),
        to_organisation_id uuid NOT NULL REFERENCES organisation(id),
        tenure text CHECK (${TENURE_CHECK}),
        lease_term_years int,
        market_value_pence bigint CHECK (market_value_pence >= 0),
        consideration_pence bigint CHECK (consideration_pence >= 0),
        asset_lock boolean NOT NULL DEFAULT false,
        overage boolean NOT NULL DEFAULT false,
        user_clause text CHECK (length(user_clause) <= 2000),
        started_on date NOT NULL,
        completed_on date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT asset_transfer_from_check CHECK ((from_public_body IS NULL) <> (from_organisation_id IS NULL)),
        CONSTRAINT asset_transfer_lease_term_check CHECK (tenure IS NULL OR (${LEASE_TERM_CHECK})),
        CONSTRAINT asset_transfer_discount_check CHECK (consideration_pence <= market_value_pence),
        CONSTRAINT asset_transfer_completed_check CHECK (
          (stage IN ('COMPLETED','HANDED_OVER')) = (completed_on IS NOT NULL)
          AND (completed_on IS NULL OR (tenure IS NOT NULL AND market_value_pence IS NOT NULL AND consideration_pence IS NOT NULL)))
      )`);
    await q.query(`CREATE INDEX asset_transfer_asset_idx ON asset_transfer (asset_id, started_on, id)`);
    await q.query(`CREATE INDEX asset_transfer_to_idx ON asset_transfer (to_organisation_id)`);
    await q.query(`CREATE INDEX asset_transfer_from_idx ON asset_transfer (from_organisation_id)`);
    await q.query(`CREATE INDEX asset_transfer_stage_idx ON asset_transfer (stage)`);
    await q.query(`CREATE INDEX asset_transfer_started_idx ON asset_transfer (started_on, id)`);
    await q.query(`CREATE INDEX asset_transfer_updated_idx ON asset_transfer (updated_at, id)`);
    await q.query(`CREATE INDEX asset_transfer_completed_idx ON asset_transfer (completed_on)`);
    // One case at a time is worked on for an asset.
    await q.query(`CREATE UNIQUE INDEX asset_transfer_open_key ON asset_transfer (asset_id)
      WHERE stage IN ('INTEREST','BUSINESS_CASE','DUE_DILIGENCE','HEADS_OF_TERMS')`);

    await q.query(`
      CREATE TABLE asset_transfer_stage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        transfer_id uuid NOT NULL REFERENCES asset_transfer(id),
        stage text NOT NULL
          CHECK (stage IN ('INTEREST','BUSINESS_CASE','DUE_DILIGENCE','HEADS_OF_TERMS','COMPLETED','HANDED_OVER','WITHDRAWN')),
        moved_on date NOT NULL,
        moved_by uuid REFERENCES app_user(id),
        note text CHECK (length(note) <= 2000),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX asset_transfer_stage_transfer_idx ON asset_transfer_stage (transfer_id, recorded_at)`);

    await q.query(`
      CREATE TABLE acv_listing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        asset_id uuid NOT NULL REFERENCES asset(id),
        nominated_by_id uuid NOT NULL REFERENCES organisation(id),
        nominated_on date NOT NULL,
        nomination_reason text NOT NULL CHECK (length(btrim(nomination_reason)) BETWEEN 1 AND 5000),
        status text NOT NULL DEFAULT 'NOMINATED' CHECK (status IN ('NOMINATED','LISTED','NOT_LISTED')),
        decided_on date CHECK (decided_on >= nominated_on),
        decision_reason text CHECK (length(decision_reason) <= 5000),
        listed_on date,
        expires_on date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT acv_listing_decided_check CHECK ((status = 'NOMINATED') = (decided_on IS NULL)),
        CONSTRAINT acv_listing_listed_check CHECK (
          (status = 'LISTED') = (listed_on IS NOT NULL) AND (listed_on IS NULL) = (expires_on IS NULL) AND expires_on > listed_on)
      )`);
    await q.query(`CREATE INDEX acv_listing_asset_idx ON acv_listing (asset_id, listed_on)`);
    await q.query(`CREATE INDEX acv_listing_nominated_by_idx ON acv_listing (nominated_by_id)`);
    await q.query(`CREATE INDEX acv_listing_listed_idx ON acv_listing (listed_on)`);
    await q.query(`CREATE UNIQUE INDEX acv_listing_nominated_key ON acv_listing (asset_id) WHERE status = 'NOMINATED'`);

    await q.query(`
      CREATE TABLE acv_disposal_notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        listing_id uuid NOT NULL REFERENCES acv_listing(id),
        notice_on date NOT NULL,
        interim_ends_on date NOT NULL,
        full_ends_on date,
        protected_until date NOT NULL,
        recorded_by uuid REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT acv_disposal_notice_order_check CHECK (
          interim_ends_on > notice_on AND full_ends_on > interim_ends_on AND protected_until > coalesce(full_ends_on, interim_ends_on))
      )`);
    await q.query(`CREATE INDEX acv_disposal_notice_listing_idx ON acv_disposal_notice (listing_id, notice_on)`);
    await q.query(`CREATE INDEX acv_disposal_notice_moratorium_idx ON acv_disposal_notice (notice_on, protected_until)`);
    // The only change a notice ever sees: the first intent to bid turns its interim moratorium into a full one.
    await q.query(`
      CREATE FUNCTION acv_notice_changes_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.full_ends_on IS NOT NULL OR NEW.full_ends_on IS NULL
           OR (NEW.listing_id, NEW.notice_on, NEW.interim_ends_on, NEW.protected_until, NEW.recorded_at)
              IS DISTINCT FROM (OLD.listing_id, OLD.notice_on, OLD.interim_ends_on, OLD.protected_until, OLD.recorded_at) THEN
          RAISE EXCEPTION 'a disposal notice only ever gains the end of its full moratorium';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER acv_disposal_notice_changes_once BEFORE UPDATE OR DELETE ON acv_disposal_notice
      FOR EACH ROW EXECUTE FUNCTION acv_notice_changes_once()`);

    await q.query(`
      CREATE TABLE acv_intent_to_bid (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notice_id uuid NOT NULL REFERENCES acv_disposal_notice(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        requested_on date NOT NULL,
        recorded_by uuid REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX acv_intent_to_bid_key ON acv_intent_to_bid (notice_id, organisation_id)`);
    await q.query(`CREATE INDEX acv_intent_to_bid_organisation_idx ON acv_intent_to_bid (organisation_id)`);

    await q.query(`
      CREATE TABLE acv_disposal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        listing_id uuid NOT NULL REFERENCES acv_listing(id),
        disposed_on date NOT NULL,
        exemption text CHECK (exemption IN ('GIFT','FAMILY','ESTATE_OF_DECEASED','PARTNERSHIP','GOING_CONCERN','GROUP_COMPANIES','COURT_ORDER','COMPULSORY_PURCHASE','OTHER')),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
        buyer_organisation_id uuid REFERENCES organisation(id),
        recorded_by uuid REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX acv_disposal_listing_idx ON acv_disposal (listing_id, disposed_on)`);

    await q.query(`
      CREATE FUNCTION assets_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% records cannot be changed or deleted; record a new one instead', TG_TABLE_NAME; END $$`);
    for (const table of INSERT_ONLY) {
      await q.query(`CREATE TRIGGER ${table}_insert_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION assets_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION assets_refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["acv_disposal", "acv_intent_to_bid", "acv_disposal_notice", "acv_listing", "asset_transfer_stage", "asset_transfer", "asset_valuation", "asset"]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION assets_refuse_change`);
    await q.query(`DROP FUNCTION acv_notice_changes_once`);
  }
}
