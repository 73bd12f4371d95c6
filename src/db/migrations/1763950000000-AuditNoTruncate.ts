// Audit events are append-only against TRUNCATE too: row triggers do not fire for it, so a statement trigger refuses it.
import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditNoTruncate1763950000000 implements MigrationInterface {
  name = "AuditNoTruncate1763950000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_event_no_truncate ON audit_event`);
  }
}
