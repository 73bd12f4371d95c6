// A partner API key belongs to a partner (src/modules/partners adds the partner table and its foreign key), so a
// rotated key keeps what its partner created and was linked to.
import { MigrationInterface, QueryRunner } from "typeorm";

export class ApiKeyPartner1764200000000 implements MigrationInterface {
  name = "ApiKeyPartner1764200000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key ADD COLUMN partner_id uuid`);
    await q.query(`CREATE INDEX api_key_partner_idx ON api_key (partner_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key DROP COLUMN partner_id`);
  }
}
