// Memberships that ended, so a look-back rule (conflicts of interest over the last 12 months) sees people who left.
import { MigrationInterface, QueryRunner } from "typeorm";

export class PastMemberships1764300000200 implements MigrationInterface {
  name = "PastMemberships1764300000200";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation_membership_ended (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        role text NOT NULL,
        began_at timestamptz NOT NULL,
        ended_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ended_at >= began_at)
      )`);
    await q.query(`CREATE INDEX organisation_membership_ended_user_idx ON organisation_membership_ended (user_id, ended_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organisation_membership_ended`);
  }
}
