// Webhooks: partners' subscriptions and one delivery row per event and subscription, claimed by workers in any number
// of processes with FOR UPDATE SKIP LOCKED, retried with backoff, DEAD after the last attempt, redeliverable.
import { MigrationInterface, QueryRunner } from "typeorm";

export class Webhooks1764200000300 implements MigrationInterface {
  name = "Webhooks1764200000300";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partner(id),
        url text NOT NULL CHECK (length(url) <= 2000),
        event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz
      )`);
    await q.query(`CREATE INDEX webhook_subscription_partner_idx ON webhook_subscription (partner_id, created_at, id)`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id bigserial PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhook_subscription(id),
        event_id bigint NOT NULL REFERENCES domain_event(id),
        event_type text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status_code int,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX webhook_delivery_event_key ON webhook_delivery (subscription_id, event_id)`);
    await q.query(`CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at, id) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery (subscription_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`DROP TABLE webhook_subscription`);
  }
}
