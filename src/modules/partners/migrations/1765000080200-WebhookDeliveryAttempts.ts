// Every webhook delivery attempt, kept (webhook_delivery holds only the latest answer).
import { MigrationInterface, QueryRunner } from "typeorm";

export class WebhookDeliveryAttempts1765000080200 implements MigrationInterface {
  name = "WebhookDeliveryAttempts1765000080200";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_delivery_attempt (
        id bigserial PRIMARY KEY,
        delivery_id bigint NOT NULL REFERENCES webhook_delivery(id),
        attempt int NOT NULL CHECK (attempt >= 1),
        attempted_at timestamptz NOT NULL,
        status_code int,
        duration_ms int NOT NULL CHECK (duration_ms >= 0),
        error_class text CHECK (error_class IN ('HTTP_STATUS', 'TIMEOUT', 'UNREACHABLE', 'PRIVATE_ADDRESS', 'TOO_LARGE')),
        error text CHECK (length(error) <= 1000),
        next_attempt_at timestamptz
      )`);
    await q.query(`CREATE INDEX webhook_delivery_attempt_delivery_idx ON webhook_delivery_attempt (delivery_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_delivery_attempt`);
  }
}
