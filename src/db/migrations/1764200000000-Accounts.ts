// Accounts: verified and disabled people, erased accounts, sessions a token names, single-use account tokens (stored
// hashed) and the outbox of emails the mail worker sends.
import { MigrationInterface, QueryRunner } from "typeorm";

export class Accounts1764200000000 implements MigrationInterface {
  name = "Accounts1764200000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN email_verified_at timestamptz, ADD COLUMN disabled_at timestamptz,
      ADD COLUMN erased_at timestamptz`);
    // Accounts made before sign-up existed were made by staff or the demo: their emails count as verified.
    await q.query(`UPDATE app_user SET email_verified_at = created_at`);
    await q.query(`CREATE INDEX app_user_created_idx ON app_user (created_at, id)`);
    // Staff search people by part of a name or email.
    await q.query(`CREATE INDEX app_user_search_idx ON app_user USING gin ((lower(email) || ' ' || lower(display_name)) gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        client text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX user_session_user_idx ON user_session (user_id, created_at, id)`);
    await q.query(`CREATE INDEX user_session_expires_idx ON user_session (expires_at)`);
    await q.query(`
      CREATE TABLE account_token (
        token_hash text PRIMARY KEY,
        purpose text NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
        user_id uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX account_token_user_idx ON account_token (user_id, purpose)`);
    await q.query(`
      CREATE TABLE outbound_email (
        id bigserial PRIMARY KEY,
        recipient text NOT NULL,
        subject text NOT NULL,
        body text,
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbound_email_recipient_idx ON outbound_email (lower(recipient))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbound_email`);
    await q.query(`DROP TABLE account_token`);
    await q.query(`DROP TABLE user_session`);
    await q.query(`DROP INDEX app_user_search_idx`);
    await q.query(`DROP INDEX app_user_created_idx`);
    await q.query(`ALTER TABLE app_user DROP COLUMN email_verified_at, DROP COLUMN disabled_at, DROP COLUMN erased_at`);
  }
}
