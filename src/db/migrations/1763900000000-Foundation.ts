// Foundation tables: users, organisation memberships, partner API keys, sign-in throttle, audit events.
import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1763900000000 implements MigrationInterface {
  name = "Foundation1763900000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_roles_check CHECK (roles <@ ARRAY['ADMIN','ANALYST','PANEL_MEMBER','PARTNER']::text[])
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email))`);
    await q.query(`
      CREATE TABLE organisation_membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('OWNER','EDITOR','VIEWER')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organisation_membership_user_org_key ON organisation_membership (user_id, organisation_id)`);
    await q.query(`CREATE INDEX organisation_membership_user_idx ON organisation_membership (user_id)`);
    await q.query(`CREATE INDEX organisation_membership_org_idx ON organisation_membership (organisation_id)`);
    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        prefix text NOT NULL,
        secret_hash text NOT NULL,
        scopes text[] NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX api_key_prefix_key ON api_key (prefix)`);
    await q.query(`
      CREATE TABLE sign_in_throttle (
        email_key text PRIMARY KEY,
        failures int NOT NULL,
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        actor_user_id uuid,
        actor_api_key_id uuid,
        changes jsonb NOT NULL,
        request_id text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, id)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, id)`);
    await q.query(`CREATE INDEX audit_event_action_idx ON audit_event (action)`);
    await q.query(`CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at)`);
    // Append-only: the database itself refuses edits and deletes of audit events.
    await q.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit events cannot be changed'; END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_is_append_only`);
    await q.query(`DROP TABLE sign_in_throttle`);
    await q.query(`DROP TABLE api_key`);
    await q.query(`DROP TABLE organisation_membership`);
    await q.query(`DROP TABLE app_user`);
  }
}
