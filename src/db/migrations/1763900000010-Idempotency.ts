// Idempotency keys for writes that move money or change state (DESIGN.md "Schema conventions").
import { MigrationInterface, QueryRunner } from "typeorm";

export class Idempotency1763900000010 implements MigrationInterface {
  name = "Idempotency1763900000010";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        scope text NOT NULL CHECK (length(scope) <= 300),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        request_hash text NOT NULL,
        result_ref text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
