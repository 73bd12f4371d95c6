// Invitations by email to join an organisation with a role; the token in the email is stored hashed.
import { MigrationInterface, QueryRunner } from "typeorm";

export class Invitations1764200000700 implements MigrationInterface {
  name = "Invitations1764200000700";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('OWNER','EDITOR','VIEWER')),
        token_hash text NOT NULL,
        invited_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES app_user(id),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX invitation_token_key ON invitation (token_hash)`);
    await q.query(`CREATE INDEX invitation_organisation_idx ON invitation (organisation_id, created_at, id)`);
    await q.query(`CREATE INDEX invitation_email_idx ON invitation (lower(email))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invitation`);
  }
}
