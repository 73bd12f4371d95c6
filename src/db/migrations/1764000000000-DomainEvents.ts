// The outbox of domain events: an append-only log written in the same transaction as each change, and one delivery
// row per event and handler that workers in any number of processes claim with FOR UPDATE SKIP LOCKED.
import { MigrationInterface, QueryRunner } from "typeorm";

export class DomainEvents1764000000000 implements MigrationInterface {
  name = "DomainEvents1764000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE domain_event (
        id bigserial PRIMARY KEY,
        type text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        actor_user_id uuid,
        actor_api_key_id uuid,
        request_id text,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX domain_event_subject_idx ON domain_event (subject_type, subject_id, id)`);
    await q.query(`CREATE INDEX domain_event_type_idx ON domain_event (type, id)`);
    await q.query(`
      CREATE TRIGGER domain_event_append_only BEFORE UPDATE OR DELETE ON domain_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE TABLE event_delivery (
        handler text NOT NULL,
        event_id bigint NOT NULL REFERENCES domain_event(id),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'DEAD')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        done_at timestamptz,
        PRIMARY KEY (handler, event_id)
      )`);
    await q.query(`CREATE INDEX event_delivery_due_idx ON event_delivery (handler, next_attempt_at, event_id) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_delivery`);
    await q.query(`DROP TABLE domain_event`);
  }
}
