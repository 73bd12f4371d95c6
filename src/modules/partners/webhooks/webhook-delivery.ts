// Delivers webhooks: the outbox handler fans each event out to the subscriptions that asked for it (one delivery row
// each, idempotently), and a worker in any number of processes claims due deliveries with FOR UPDATE SKIP LOCKED and a
// lease, POSTs them signed (HMAC-SHA256 over "timestamp.body") with a timeout, outside any transaction and never in a
// request, then marks them DELIVERED, or retries with exponential backoff until DEAD, logging every attempt
// (webhook_delivery_attempt). Nothing is dropped silently.
import { createHmac } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Logger } from "../../../log";
import type { EventHandler, HandlerDeps, StoredEvent } from "../../../events/domain-events";
import { retryDelaySeconds } from "../../../events/event-worker";
import { toGlobalId } from "../../../graphql/ids";
import type { NodeEnv } from "../../../config";
import { WebhookEventType } from "./webhook-events";
import { resolvesPrivately } from "./webhook-urls";
import { WebhookErrorClass } from "./webhook-delivery-attempt.entity";

export const WEBHOOK = {
  /** Attempts before a delivery is DEAD (10 s, 20 s, 40 s ... apart, about 21 minutes in all). */
  maxAttempts: 8,
  /** A receiver that takes longer has failed this attempt. */
  timeoutMs: 5000,
  /** A claimed delivery is left to its worker this long before another may take it. */
  leaseSeconds: 60,
  /** Larger bodies are not sent: the delivery is DEAD with the reason, and the event stays in the outbox. */
  maxBodyBytes: 64 * 1024,
  signatureHeader: "kith-signature",
};

/** The outbox handler: one delivery per matching, live subscription; repeats of the same event add nothing. */
export const webhookFanOut: EventHandler = {
  name: "partners.webhooks",
  types: Object.values(WebhookEventType),
  async handle(event: StoredEvent, { db }: HandlerDeps) {
    await db.query(
      `INSERT INTO webhook_delivery (subscription_id, event_id, event_type)
       SELECT s.id, $1, $2 FROM webhook_subscription s WHERE s.cancelled_at IS NULL AND $2 = ANY(s.event_types)
       ON CONFLICT (subscription_id, event_id) DO NOTHING`,
      [event.id, event.type],
    );
  },
};

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: receivers recompute it and refuse old timestamps. */
export function signature(secret: string, body: string, at: number): string {
  return `t=${at},v1=${createHmac("sha256", secret).update(`${at}.${body}`).digest("hex")}`;
}

interface Claimed {
  id: string; attempts: number; url: string; secret: string; event_id: string; type: string; subject_type: string;
  subject_id: string; data: Record<string, unknown>; occurred_at: Date;
}

async function claim(db: DataSource, batch: number): Promise<Claimed[]> {
  const [rows] = await db.query(
    `UPDATE webhook_delivery d SET next_attempt_at = now() + make_interval(secs => $2), attempts = d.attempts + 1
       FROM (SELECT id FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= now()
              ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due, webhook_subscription s, domain_event e
      WHERE d.id = due.id AND s.id = d.subscription_id AND e.id = d.event_id
      RETURNING d.id, d.attempts, s.url, s.secret, e.id AS event_id, e.type, e.subject_type, e.subject_id, e.data, e.occurred_at`,
    [batch, WEBHOOK.leaseSeconds],
  );
  return rows as Claimed[];
}

export function bodyOf(c: Pick<Claimed, "event_id" | "type" | "subject_type" | "subject_id" | "data" | "occurred_at">): string {
  return JSON.stringify({
    id: String(c.event_id), type: c.type, occurredAt: new Date(c.occurred_at).toISOString(),
    subject: { type: c.subject_type, id: toGlobalId(c.subject_type, c.subject_id) }, data: c.data,
  });
}

interface Outcome { ok: boolean; status: number | null; errorClass: WebhookErrorClass | null; error: string | null; final?: boolean; startedAt: Date; durationMs: number }

async function attempt(c: Claimed, env: NodeEnv): Promise<Outcome> {
  const startedAt = new Date();
  const started = process.hrtime.bigint();
  const r = await send(c, env);
  return { ...r, startedAt, durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n) };
}

async function send(c: Claimed, env: NodeEnv): Promise<Omit<Outcome, "startedAt" | "durationMs">> {
  const body = bodyOf(c);
  if (Buffer.byteLength(body) > WEBHOOK.maxBodyBytes) {
    return { ok: false, status: null, errorClass: WebhookErrorClass.TOO_LARGE, error: `The event is larger than ${WEBHOOK.maxBodyBytes} bytes; it was not sent.`, final: true };
  }
  if (await resolvesPrivately(c.url, env).catch(() => true)) {
    return { ok: false, status: null, errorClass: WebhookErrorClass.PRIVATE_ADDRESS, error: "The URL's host resolves to a private address (or did not resolve)." };
  }
  const at = Math.floor(Date.now() / 1000);
  try {
    const res = await fetch(c.url, {
      method: "POST", body, redirect: "manual", signal: AbortSignal.timeout(WEBHOOK.timeoutMs),
      headers: {
        "content-type": "application/json", "user-agent": "kith-webhooks/1", [WEBHOOK.signatureHeader]: signature(c.secret, body, at),
        "kith-event-id": String(c.event_id), "kith-event-type": c.type, "kith-delivery-id": String(c.id),
      },
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status >= 200 && res.status < 300
      ? { ok: true, status: res.status, errorClass: null, error: null }
      : { ok: false, status: res.status, errorClass: WebhookErrorClass.HTTP_STATUS, error: `The receiver answered ${res.status}.` };
  } catch (e) {
    const timedOut = (e as Error).name === "TimeoutError";
    return timedOut
      ? { ok: false, status: null, errorClass: WebhookErrorClass.TIMEOUT, error: `The receiver did not answer within ${WEBHOOK.timeoutMs} ms.` }
      : { ok: false, status: null, errorClass: WebhookErrorClass.UNREACHABLE, error: "The receiver could not be reached." };
  }
}

/**
 * The delivery's new state and the attempt's row, in one statement: the log never shows an attempt the delivery does
 * not count, or the other way round.
 */
const RECORD_ATTEMPT = `
  WITH d AS (
    UPDATE webhook_delivery SET status = $2, last_status_code = $3, last_error = $4,
           delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() ELSE delivered_at END,
           next_attempt_at = CASE WHEN $2 = 'DELIVERED' THEN next_attempt_at ELSE now() + make_interval(secs => $5) END
     WHERE id = $1 RETURNING id, attempts, status, next_attempt_at)
  INSERT INTO webhook_delivery_attempt (delivery_id, attempt, attempted_at, status_code, duration_ms, error_class, error, next_attempt_at)
  SELECT d.id, d.attempts, $6, $3, $7, $8, $4, CASE WHEN d.status = 'PENDING' THEN d.next_attempt_at END FROM d`;

/** One pass: claims up to `batch` due deliveries and attempts them side by side; returns how many it attempted. */
export async function deliverWebhooksDue(db: DataSource, log: Logger, env: NodeEnv, batch = 20): Promise<number> {
  const claimed = await claim(db, batch);
  await Promise.all(claimed.map(async (c) => {
    const r = await attempt(c, env);
    const dead = !r.ok && (r.final || c.attempts >= WEBHOOK.maxAttempts);
    if (!r.ok) log.warn({ deliveryId: c.id, eventId: c.event_id, attempts: c.attempts, dead, status: r.status, reason: r.error }, "webhook delivery failed");
    const status = r.ok ? "DELIVERED" : dead ? "DEAD" : "PENDING";
    await db.query(RECORD_ATTEMPT, [c.id, status, r.status, r.error, retryDelaySeconds(c.attempts), r.startedAt, r.durationMs, r.errorClass]);
  }));
  return claimed.length;
}

/** Polls for due deliveries until stopped; a pass that found work runs again at once. */
export function startWebhookWorker(db: DataSource, log: Logger, env: NodeEnv, pollMs = 1000): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const pass = async () => {
    let handled = 0;
    try {
      handled = await deliverWebhooksDue(db, log, env);
    } catch (e) {
      log.error({ err: e }, "webhook worker pass failed");
    }
    if (!stopped) timer = setTimeout(() => (running = pass()), handled ? 0 : pollMs);
  };
  running = pass();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
