// Idempotency keys expire (db/idempotency.ts): the worker finds expired ones by age.
import { MigrationInterface, QueryRunner } from "typeorm";

export class IdempotencyKeyExpiry1765000080000 implements MigrationInterface {
  name = "IdempotencyKeyExpiry1765000080000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idempotency_key_created_idx`);
  }
}
