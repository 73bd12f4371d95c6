// Pay-it-forward funds: funds, rounds, applications, panel views and decisions, agreements and schedules, social
// repayment claims, and the double-entry ledger with its lineage; the database refuses edits to money records.
import { MigrationInterface, QueryRunner } from "typeorm";

/** Money records are insert-only: corrections are new records, never edits. */
const INSERT_ONLY = [
  "ledger_account", "ledger_group", "ledger_posting", "fund_contribution", "fund_lot", "fund_allocation",
  "panel_decision", "agreement_schedule", "agreement_instalment",
];

export class Funds1763900000400 implements MigrationInterface {
  name = "Funds1763900000400";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fund (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 5000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
        min_award_pence bigint NOT NULL DEFAULT 100000 CHECK (min_award_pence > 0),
        max_award_pence bigint NOT NULL DEFAULT 10000000 CHECK (max_award_pence >= min_award_pence),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX fund_name_key ON fund (lower(name))`);
    await q.query(`CREATE INDEX fund_name_idx ON fund (lower(name), id)`);

    await q.query(`
      CREATE TABLE fund_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES fund(id),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        opens_on date NOT NULL,
        closes_on date NOT NULL CHECK (closes_on >= opens_on),
        panel_id uuid NOT NULL REFERENCES peer_panel(id),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX fund_round_name_key ON fund_round (fund_id, lower(name))`);
    await q.query(`CREATE INDEX fund_round_fund_idx ON fund_round (fund_id, opens_on, id)`);
    await q.query(`CREATE INDEX fund_round_panel_idx ON fund_round (panel_id)`);

    await q.query(`
      CREATE TABLE funding_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES fund(id),
        round_id uuid REFERENCES fund_round(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        requested_pence bigint NOT NULL CHECK (requested_pence > 0),
        purpose text NOT NULL CHECK (length(btrim(purpose)) BETWEEN 1 AND 5000),
        cash_repayment_plan text CHECK (length(cash_repayment_plan) <= 5000),
        social_repayment_plan text CHECK (length(social_repayment_plan) <= 5000),
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('DRAFT','SUBMITTED','IN_REVIEW','OFFERED','DECLINED','WITHDRAWN')),
        submitted_at timestamptz,
        created_by uuid REFERENCES app_user(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT funding_application_submitted_check
          CHECK (status IN ('DRAFT','WITHDRAWN') OR (round_id IS NOT NULL AND submitted_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX funding_application_updated_idx ON funding_application (updated_at, id)`);
    await q.query(`CREATE INDEX funding_application_fund_idx ON funding_application (fund_id)`);
    await q.query(`CREATE INDEX funding_application_round_idx ON funding_application (round_id, status)`);
    await q.query(`CREATE INDEX funding_application_organisation_idx ON funding_application (organisation_id)`);
    await q.query(`CREATE INDEX funding_application_status_idx ON funding_application (status)`);

    await q.query(`
      CREATE TABLE panel_view (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES funding_application(id),
        member_user_id uuid NOT NULL REFERENCES app_user(id),
        member_organisation_id uuid REFERENCES organisation(id),
        stance text NOT NULL CHECK (stance IN ('SUPPORT','SUPPORT_WITH_CHANGES','DO_NOT_SUPPORT')),
        comment text NOT NULL CHECK (length(btrim(comment)) BETWEEN 1 AND 5000),
        conflict text CHECK (conflict IN ('SAME_ORGANISATION','SHARED_CLUSTER','DECLARED')),
        conflict_note text CHECK (length(conflict_note) <= 2000),
        version int NOT NULL DEFAULT 1,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX panel_view_member_key ON panel_view (application_id, member_user_id)`);

    await q.query(`
      CREATE TABLE panel_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES funding_application(id),
        outcome text NOT NULL CHECK (outcome IN ('OFFER','DECLINE')),
        reasons text NOT NULL CHECK (length(btrim(reasons)) BETWEEN 1 AND 5000),
        views_counted int NOT NULL CHECK (views_counted >= 1),
        views_excluded int NOT NULL CHECK (views_excluded >= 0),
        decided_by uuid REFERENCES app_user(id),
        decided_on date NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX panel_decision_application_key ON panel_decision (application_id)`);

    await q.query(`
      CREATE TABLE agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES funding_application(id),
        fund_id uuid NOT NULL REFERENCES fund(id),
        round_id uuid NOT NULL REFERENCES fund_round(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        cash_repayable_pence bigint NOT NULL CHECK (cash_repayable_pence >= 0 AND cash_repayable_pence <= amount_pence),
        status text NOT NULL DEFAULT 'OFFERED' CHECK (status IN ('OFFERED','ACTIVE','REPAID','CLOSED','WRITTEN_OFF')),
        awarded_on date NOT NULL,
        accepted_at timestamptz,
        ended_on date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agreement_ended_check CHECK ((status IN ('REPAID','CLOSED','WRITTEN_OFF')) = (ended_on IS NOT NULL)),
        CONSTRAINT agreement_accepted_check CHECK (status IN ('OFFERED','CLOSED') OR accepted_at IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX agreement_application_key ON agreement (application_id)`);
    // Keyset orderings: partners sync by updated_at; fund and organisation pages list newest awards first.
    await q.query(`CREATE INDEX agreement_updated_idx ON agreement (updated_at, id)`);
    await q.query(`CREATE INDEX agreement_awarded_idx ON agreement (awarded_on, id)`);
    await q.query(`CREATE INDEX agreement_fund_idx ON agreement (fund_id, awarded_on, id)`);
    await q.query(`CREATE INDEX agreement_organisation_idx ON agreement (organisation_id, awarded_on, id)`);
    await q.query(`CREATE INDEX agreement_round_idx ON agreement (round_id)`);
    await q.query(`CREATE INDEX agreement_status_idx ON agreement (status)`);

    await q.query(`
      CREATE TABLE agreement_schedule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        version int NOT NULL CHECK (version >= 1),
        effective_on date NOT NULL,
        starts_on date NOT NULL,
        term_months int NOT NULL CHECK (term_months BETWEEN 1 AND 360),
        holiday_months int NOT NULL CHECK (holiday_months >= 0 AND holiday_months < term_months),
        covers_pence bigint NOT NULL CHECK (covers_pence >= 0),
        paid_before_pence bigint NOT NULL CHECK (paid_before_pence >= 0),
        reason text CHECK (length(reason) <= 2000),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX agreement_schedule_version_key ON agreement_schedule (agreement_id, version)`);
    await q.query(`
      CREATE TABLE agreement_instalment (
        schedule_id uuid NOT NULL REFERENCES agreement_schedule(id),
        number int NOT NULL CHECK (number >= 1),
        due_on date NOT NULL,
        pence bigint NOT NULL CHECK (pence >= 0),
        PRIMARY KEY (schedule_id, number)
      )`);

    await q.query(`
      CREATE TABLE ledger_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES fund(id),
        kind text NOT NULL CHECK (kind IN ('POOL','CONTRIBUTOR','RECEIVABLE','SOCIAL_REPAID','WRITE_OFF')),
        agreement_id uuid REFERENCES agreement(id),
        contributor text CHECK (length(contributor) <= 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_account_receivable_kind_check CHECK ((kind = 'RECEIVABLE') = (agreement_id IS NOT NULL)),
        CONSTRAINT ledger_account_contributor_kind_check CHECK ((kind = 'CONTRIBUTOR') = (contributor IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX ledger_account_key ON ledger_account (fund_id, kind, (coalesce(agreement_id::text, lower(contributor), '')))`);
    await q.query(`CREATE INDEX ledger_account_agreement_idx ON ledger_account (agreement_id)`);

    await q.query(`
      CREATE TABLE ledger_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES fund(id),
        kind text NOT NULL CHECK (kind IN ('CONTRIBUTION','DISBURSEMENT','CASH_REPAYMENT','SOCIAL_REPAYMENT','WRITE_OFF')),
        agreement_id uuid REFERENCES agreement(id),
        occurred_on date NOT NULL,
        memo text CHECK (length(memo) <= 2000),
        recorded_by uuid REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_group_agreement_check CHECK ((kind = 'CONTRIBUTION') = (agreement_id IS NULL))
      )`);
    await q.query(`CREATE INDEX ledger_group_fund_idx ON ledger_group (fund_id, kind)`);
    await q.query(`CREATE INDEX ledger_group_agreement_idx ON ledger_group (agreement_id, occurred_on, id)`);
    await q.query(`
      CREATE TABLE ledger_posting (
        id bigserial PRIMARY KEY,
        group_id uuid NOT NULL REFERENCES ledger_group(id),
        account_id uuid NOT NULL REFERENCES ledger_account(id),
        direction text NOT NULL CHECK (direction IN ('DEBIT','CREDIT')),
        pence bigint NOT NULL CHECK (pence > 0)
      )`);
    await q.query(`CREATE INDEX ledger_posting_group_idx ON ledger_posting (group_id)`);
    // Balances and figures sum an account's postings: answer them from the index alone.
    await q.query(`CREATE INDEX ledger_posting_account_idx ON ledger_posting (account_id) INCLUDE (direction, pence)`);

    await q.query(`
      CREATE TABLE fund_contribution (
        id uuid PRIMARY KEY REFERENCES ledger_group(id),
        contributor text NOT NULL CHECK (length(btrim(contributor)) BETWEEN 1 AND 200),
        restriction text CHECK (length(restriction) <= 2000)
      )`);

    await q.query(`
      CREATE TABLE fund_lot (
        id bigserial PRIMARY KEY,
        fund_id uuid NOT NULL REFERENCES fund(id),
        ledger_group_id uuid NOT NULL REFERENCES ledger_group(id),
        contribution_id uuid NOT NULL REFERENCES fund_contribution(id),
        generation int NOT NULL CHECK (generation >= 1),
        source_allocation_id bigint,
        pence bigint NOT NULL CHECK (pence > 0),
        CONSTRAINT fund_lot_source_check CHECK ((generation = 1) = (source_allocation_id IS NULL))
      )`);
    await q.query(`CREATE INDEX fund_lot_fund_idx ON fund_lot (fund_id, id)`);
    await q.query(`CREATE INDEX fund_lot_group_idx ON fund_lot (ledger_group_id)`);
    await q.query(`CREATE INDEX fund_lot_source_idx ON fund_lot (source_allocation_id)`);
    await q.query(`
      CREATE TABLE fund_allocation (
        id bigserial PRIMARY KEY,
        fund_id uuid NOT NULL REFERENCES fund(id),
        ledger_group_id uuid NOT NULL REFERENCES ledger_group(id),
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        lot_id bigint NOT NULL REFERENCES fund_lot(id),
        pence bigint NOT NULL CHECK (pence > 0)
      )`);
    await q.query(`CREATE INDEX fund_allocation_fund_idx ON fund_allocation (fund_id)`);
    await q.query(`CREATE INDEX fund_allocation_group_idx ON fund_allocation (ledger_group_id)`);
    await q.query(`CREATE INDEX fund_allocation_agreement_idx ON fund_allocation (agreement_id, id)`);
    await q.query(`CREATE INDEX fund_allocation_lot_idx ON fund_allocation (lot_id)`);
    await q.query(`ALTER TABLE fund_lot ADD CONSTRAINT fund_lot_source_allocation_id_fkey
      FOREIGN KEY (source_allocation_id) REFERENCES fund_allocation(id)`);

    await q.query(`
      CREATE TABLE social_repayment_claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        period_from date NOT NULL,
        period_to date NOT NULL CHECK (period_to >= period_from),
        value_pence bigint NOT NULL CHECK (value_pence > 0),
        description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 5000),
        evidence text CHECK (length(evidence) <= 5000),
        status text NOT NULL DEFAULT 'CLAIMED' CHECK (status IN ('CLAIMED','ACCEPTED','REJECTED')),
        claimed_by uuid REFERENCES app_user(id),
        review_note text CHECK (length(review_note) <= 5000),
        reviewed_by uuid REFERENCES app_user(id),
        reviewed_at timestamptz,
        ledger_group_id uuid REFERENCES ledger_group(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT social_repayment_claim_credited_check CHECK ((status = 'ACCEPTED') = (ledger_group_id IS NOT NULL)),
        CONSTRAINT social_repayment_claim_reviewed_check CHECK ((status = 'CLAIMED') = (reviewed_at IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX social_repayment_claim_group_key ON social_repayment_claim (ledger_group_id)`);
    await q.query(`CREATE INDEX social_repayment_claim_agreement_idx ON social_repayment_claim (agreement_id, created_at)`);

    await this.guarantees(q);
  }

  /** What keeps the money right when code has a bug: insert-only records, balanced groups, no overdrawn pool. */
  private async guarantees(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION funds_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% records cannot be changed or deleted; record a correction instead', TG_TABLE_NAME; END $$`);
    for (const table of INSERT_ONLY) {
      await q.query(`CREATE TRIGGER ${table}_insert_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION funds_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION funds_refuse_change()`);
    }
    // Checked at commit, when every posting of the group is in: a group balances, stays within its fund, never
    // takes the pool or a receivable below zero, and every pound in or out of the pool has its lineage.
    await q.query(`
      CREATE FUNCTION ledger_posting_check() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        g ledger_group;
        acc ledger_account;
        debits bigint;
        credits bigint;
        balance bigint;
        pool_moved bigint;
        traced bigint;
      BEGIN
        SELECT * INTO g FROM ledger_group WHERE id = NEW.group_id;
        SELECT * INTO acc FROM ledger_account WHERE id = NEW.account_id;
        IF acc.fund_id <> g.fund_id THEN
          RAISE EXCEPTION 'ledger group % posts to an account of another fund', g.id;
        END IF;
        SELECT coalesce(sum(pence) FILTER (WHERE direction = 'DEBIT'), 0), coalesce(sum(pence) FILTER (WHERE direction = 'CREDIT'), 0)
          INTO debits, credits FROM ledger_posting WHERE group_id = g.id;
        IF debits <> credits THEN
          RAISE EXCEPTION 'ledger group % does not balance: % debited, % credited', g.id, debits, credits;
        END IF;
        IF acc.kind IN ('POOL', 'RECEIVABLE') AND NEW.direction = 'CREDIT' THEN
          SELECT coalesce(sum(CASE direction WHEN 'DEBIT' THEN pence ELSE -pence END), 0) INTO balance
            FROM ledger_posting WHERE account_id = acc.id;
          IF balance < 0 THEN
            RAISE EXCEPTION 'ledger group % takes % account % below zero', g.id, acc.kind, acc.id;
          END IF;
        END IF;
        IF acc.kind = 'POOL' THEN
          SELECT coalesce(sum(pence), 0) INTO pool_moved FROM ledger_posting
            WHERE group_id = g.id AND account_id = acc.id AND direction = NEW.direction;
          IF NEW.direction = 'DEBIT' THEN
            SELECT coalesce(sum(pence), 0) INTO traced FROM fund_lot WHERE ledger_group_id = g.id;
          ELSE
            SELECT coalesce(sum(pence), 0) INTO traced FROM fund_allocation WHERE ledger_group_id = g.id;
          END IF;
          IF traced <> pool_moved THEN
            RAISE EXCEPTION 'ledger group % moves % pence through the pool but traces %', g.id, pool_moved, traced;
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER ledger_posting_checked AFTER INSERT ON ledger_posting
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_posting_check()`);
    await q.query(`
      CREATE FUNCTION ledger_group_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT count(*) FROM ledger_posting WHERE group_id = NEW.id) < 2 THEN
          RAISE EXCEPTION 'ledger group % needs a debit and a credit', NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER ledger_group_checked AFTER INSERT ON ledger_group
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_group_check()`);
    await q.query(`
      CREATE FUNCTION fund_allocation_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT sum(pence) FROM fund_allocation WHERE lot_id = NEW.lot_id) > (SELECT pence FROM fund_lot WHERE id = NEW.lot_id) THEN
          RAISE EXCEPTION 'lot % is allocated beyond its amount', NEW.lot_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER fund_allocation_checked AFTER INSERT ON fund_allocation
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fund_allocation_check()`);
    await q.query(`
      CREATE FUNCTION fund_lot_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.source_allocation_id IS NOT NULL AND (SELECT sum(pence) FROM fund_lot WHERE source_allocation_id = NEW.source_allocation_id)
            > (SELECT pence FROM fund_allocation WHERE id = NEW.source_allocation_id) THEN
          RAISE EXCEPTION 'allocation % is repaid beyond its amount', NEW.source_allocation_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER fund_lot_checked AFTER INSERT ON fund_lot
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fund_lot_check()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ["social_repayment_claim", "fund_lot", "fund_allocation", "fund_contribution", "ledger_posting",
      "ledger_group", "ledger_account", "agreement_instalment", "agreement_schedule", "agreement", "panel_decision",
      "panel_view", "funding_application", "fund_round", "fund"]) {
      await q.query(`DROP TABLE ${t} CASCADE`);
    }
    for (const f of ["fund_lot_check", "fund_allocation_check", "ledger_group_check", "ledger_posting_check", "funds_refuse_change"]) {
      await q.query(`DROP FUNCTION ${f}`);
    }
  }
}
