// Partners: the systems that hold API keys. Every key may belong to one (the foundation's api_key.partner_id), and the
// organisations a partner may change name it (organisations' organisation_partner).
import { MigrationInterface, QueryRunner } from "typeorm";

export class Partners1764200000200 implements MigrationInterface {
  name = "Partners1764200000200";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX partner_name_key ON partner (lower(name))`);
    await q.query(`CREATE INDEX partner_created_idx ON partner (created_at, id)`);
    await q.query(`ALTER TABLE api_key ADD CONSTRAINT api_key_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partner(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key DROP CONSTRAINT api_key_partner_id_fkey`);
    await q.query(`DROP TABLE partner`);
  }
}
