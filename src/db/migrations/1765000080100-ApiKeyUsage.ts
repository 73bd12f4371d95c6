// Each API key's use (auth/api-key-usage.ts): one row per key, its counters added to in batches.
import { MigrationInterface, QueryRunner } from "typeorm";

export class ApiKeyUsage1765000080100 implements MigrationInterface {
  name = "ApiKeyUsage1765000080100";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_key_usage (
        api_key_id uuid PRIMARY KEY REFERENCES api_key(id),
        request_count bigint NOT NULL DEFAULT 0 CHECK (request_count >= 0),
        query_cost bigint NOT NULL DEFAULT 0 CHECK (query_cost >= 0),
        last_used_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_key_usage`);
  }
}
