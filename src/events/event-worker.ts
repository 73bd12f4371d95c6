// Delivers pending domain events to their handlers. Any number of processes may run this: each claims due deliveries
// with FOR UPDATE SKIP LOCKED and a lease, handles them outside any transaction, then marks them done or retries later.
import type { DataSource } from "typeorm";
import type { Logger } from "../log";
import { EventHandler, eventHandlers, StoredEvent } from "./domain-events";

/** How long a claimed delivery is left to its worker before another may take it (a crashed worker's lease ends). */
const LEASE_SECONDS = 60;
const DEFAULT_MAX_ATTEMPTS = 8;

/** Seconds before attempt `n + 1`: 10 s, 20 s, 40 s ... up to an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 10 * 2 ** Math.max(0, attempts - 1));
}

interface ClaimedRow {
  id: string; type: string; subject_type: string; subject_id: string; data: Record<string, unknown>;
  occurred_at: Date; actor_user_id: string | null; actor_api_key_id: string | null; attempts: number;
}

/** Claims up to `batch` due deliveries of one handler for this worker (oldest event first). */
async function claim(db: DataSource, handler: string, batch: number): Promise<ClaimedRow[]> {
  const [rows] = await db.query(
    `UPDATE event_delivery d SET next_attempt_at = now() + make_interval(secs => $3), attempts = d.attempts + 1
       FROM (SELECT handler, event_id FROM event_delivery
              WHERE handler = $1 AND status = 'PENDING' AND next_attempt_at <= now()
              ORDER BY event_id LIMIT $2 FOR UPDATE SKIP LOCKED) due, domain_event e
      WHERE d.handler = due.handler AND d.event_id = due.event_id AND e.id = d.event_id
      RETURNING e.id, e.type, e.subject_type, e.subject_id, e.data, e.occurred_at, e.actor_user_id, e.actor_api_key_id, d.attempts`,
    [handler, batch, LEASE_SECONDS],
  );
  return (rows as ClaimedRow[]).sort((a, b) => Number(a.id) - Number(b.id));
}

function toEvent(r: ClaimedRow): StoredEvent {
  return {
    id: String(r.id), type: r.type, subjectType: r.subject_type, subjectId: r.subject_id, data: r.data,
    occurredAt: r.occurred_at, actorUserId: r.actor_user_id, actorApiKeyId: r.actor_api_key_id,
  };
}

/** One pass for one handler: returns how many deliveries it handled (done or rescheduled). */
export async function deliverDue(db: DataSource, handler: EventHandler, log: Logger, batch = 20): Promise<number> {
  const rows = await claim(db, handler.name, batch);
  for (const row of rows) {
    try {
      await handler.handle(toEvent(row), db);
      await db.query("UPDATE event_delivery SET status = 'DONE', done_at = now(), last_error = NULL WHERE handler = $1 AND event_id = $2",
        [handler.name, row.id]);
    } catch (e) {
      const dead = row.attempts >= (handler.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
      const reason = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
      log.warn({ handler: handler.name, eventId: row.id, attempts: row.attempts, dead, reason }, "event delivery failed");
      await db.query(
        `UPDATE event_delivery SET last_error = $3, status = CASE WHEN $4 THEN 'DEAD' ELSE 'PENDING' END,
                next_attempt_at = now() + make_interval(secs => $5) WHERE handler = $1 AND event_id = $2`,
        [handler.name, row.id, reason, dead, retryDelaySeconds(row.attempts)],
      );
    }
  }
  return rows.length;
}

export interface EventWorker {
  stop(): Promise<void>;
}

/** Polls every handler contributed by the modules until stopped; a pass that found work runs again at once. */
export function startEventWorker(db: DataSource, log: Logger, pollMs = 1000): EventWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const pass = async () => {
    let handled = 0;
    for (const handler of eventHandlers.values()) {
      try {
        handled += await deliverDue(db, handler, log);
      } catch (e) {
        log.error({ err: e, handler: handler.name }, "event worker pass failed");
      }
    }
    if (!stopped) timer = setTimeout(() => (running = pass()), handled ? 0 : pollMs);
  };
  if (eventHandlers.values().length) running = pass();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
