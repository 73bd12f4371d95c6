// Demo data: the demo partner owns the demo key (every read scope), and a second key of it may write organisations;
// the partner created one organisation and the bakery's owner linked theirs to it. The keys show some use, and a
// (since cancelled) webhook shows a delivery that failed once and then arrived.
import type { DemoContext } from "../../kith-module";
import { ApiKeysService } from "../../auth/api-keys.service";
import { ApiScope, Role } from "../../auth/roles";
import type { Actor } from "../../auth/viewer";
import { DEMO_PARTNER_NAME } from "../../demo/demo-accounts";
import { Partner } from "./partner.entity";
import { randomBytes } from "node:crypto";
import { WebhookEventType } from "./webhooks/webhook-events";

export async function loadDemoPartners({ manager: m }: DemoContext): Promise<void> {
  const admin: Actor = { viewer: { userId: null, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null }, requestId: "demo" };
  const partner = await m.save(m.create(Partner, { name: "Demo partner" }));
  await ApiKeysService.assignPartner(m, DEMO_PARTNER_NAME, partner.id);
  await ApiKeysService.insert(m, admin, "Demo partner CRM sync (writes organisations)", [ApiScope.READ_ORGANISATIONS, ApiScope.WRITE_ORGANISATIONS], undefined, partner.id);

  // What a month of nightly syncs looks like on each key (ApiKey.usage).
  await m.query(
    `INSERT INTO api_key_usage (api_key_id, request_count, query_cost, last_used_at)
     SELECT k.id, 1240 * n, 86400 * n, now() - interval '1 day' * n
       FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM api_key WHERE partner_id = $1) k`,
    [partner.id],
  );
  await demoWebhookHistory(m, partner.id);
}

/** A cancelled subscription (so nothing is sent from a demo) whose one delivery was refused with 503, then arrived. */
async function demoWebhookHistory(m: DemoContext["manager"], partnerId: string): Promise<void> {
  const [event]: { id: string }[] = await m.query(
    "SELECT id FROM domain_event WHERE type = $1 ORDER BY id LIMIT 1", [WebhookEventType.ORGANISATION_CREATED]);
  if (!event) return;
  const [sub]: { id: string }[] = await m.query(
    `INSERT INTO webhook_subscription (partner_id, url, event_types, secret, cancelled_at)
     VALUES ($1, 'https://crm.demo-partner.example/kith-hooks', $2, $3, now()) RETURNING id`,
    [partnerId, [WebhookEventType.ORGANISATION_CREATED], `whsec_${randomBytes(24).toString("base64url")}`]);
  const [delivery]: { id: string }[] = await m.query(
    `INSERT INTO webhook_delivery (subscription_id, event_id, event_type, status, attempts, last_status_code, delivered_at)
     VALUES ($1, $2, $3, 'DELIVERED', 2, 204, now() - interval '50 minutes') RETURNING id`,
    [sub.id, event.id, WebhookEventType.ORGANISATION_CREATED]);
  await m.query(
    `INSERT INTO webhook_delivery_attempt (delivery_id, attempt, attempted_at, status_code, duration_ms, error_class, error, next_attempt_at) VALUES
       ($1, 1, now() - interval '1 hour', 503, 412, 'HTTP_STATUS', 'The receiver answered 503.', now() - interval '50 minutes'),
       ($1, 2, now() - interval '50 minutes', 204, 87, NULL, NULL, NULL)`,
    [delivery.id]);
}
