// Idempotent writes: a client's key claims one result; a replay gets that result, other input under the key is refused.
// Keys live in PostgreSQL (they survive restarts and are shared by every process) for IDEMPOTENCY_KEY_HOURS; after
// that the key is free again and the worker deletes it (sweepExpiredIdempotencyKeys).
import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { Logger } from "../log";
import type { Actor } from "../auth/viewer";
import { Rollback } from "./transaction";
import { refusal } from "../kit/refusals";

/**
 * How long a key holds its result: twice the 24 hours clients are promised, so a retry queued over a day (a partner's
 * nightly sync that failed and runs again the next night) still replays rather than repeats.
 */
export const IDEMPOTENCY_KEY_HOURS = 48;

export interface IdempotentRequest {
  /** The operation, e.g. "funds.disburse". */
  operation: string;
  key: string;
  /** The request's meaning: decoded keys and values, without the idempotency key itself. */
  input: unknown;
}

/** Key order never changes the hash: the same input always hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.keys(value).sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function requestHash(input: unknown): string {
  return createHash("sha256").update(JSON.stringify(canonical(input))).digest("hex");
}

/** A partner's keys share their idempotency keys, so a retry sent with the successor of a rotated key still replays. */
function scopeOf(actor: Actor, operation: string): string {
  const v = actor.viewer;
  const who = v.userId ?? (v.partnerId ? `partner:${v.partnerId}` : v.apiKeyId) ?? "anonymous";
  return `${operation}:${who}`;
}

/**
 * Runs `work` once per key, inside the caller's transaction. The key is inserted first: a concurrent request with the
 * same key waits on that row until this transaction ends, then replays its result (or, if this one rolled back with
 * userErrors, finds the key free and does the work itself). Same key with other input: IDEMPOTENCY_KEY_REUSED.
 */
export async function once<T>(
  m: EntityManager, actor: Actor, request: IdempotentRequest,
  work: () => Promise<{ ref: string; result: T }>, replay: (ref: string) => Promise<T>,
): Promise<T> {
  const scope = scopeOf(actor, request.operation);
  const hash = requestHash(request.input);
  // An expired key is claimed afresh in the same statement: its old result no longer binds the client.
  const claimed: unknown[] = await m.query(
    `INSERT INTO idempotency_key (scope, key, request_hash) VALUES ($1, $2, $3)
     ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, result_ref = NULL, created_at = now()
       WHERE idempotency_key.created_at < now() - make_interval(hours => $4)
     RETURNING key`,
    [scope, request.key, hash, IDEMPOTENCY_KEY_HOURS],
  );
  if (!claimed.length) {
    const [first]: { request_hash: string; result_ref: string }[] = await m.query(
      "SELECT request_hash, result_ref FROM idempotency_key WHERE scope = $1 AND key = $2", [scope, request.key],
    );
    if (first.request_hash !== hash) {
      throw new Rollback({ errors: [refusal("idempotencyKey", "IDEMPOTENCY_KEY_REUSED",
        "This idempotency key was already used for a different request. Use a new key for a new request.")] });
    }
    return replay(first.result_ref);
  }
  const { ref, result } = await work();
  await m.query("UPDATE idempotency_key SET result_ref = $3 WHERE scope = $1 AND key = $2", [scope, request.key, ref]);
  return result;
}

/** Deletes keys past IDEMPOTENCY_KEY_HOURS, a batch at a time so no statement holds many locks; returns how many. */
export async function sweepExpiredIdempotencyKeys(db: DataSource, batch = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const [, deleted]: [unknown, number] = await db.query(
      `DELETE FROM idempotency_key WHERE ctid = ANY(ARRAY(SELECT ctid FROM idempotency_key
         WHERE created_at < now() - make_interval(hours => $1) LIMIT $2))`,
      [IDEMPOTENCY_KEY_HOURS, batch],
    );
    total += deleted;
    if (deleted < batch) return total;
  }
}

/** The worker that sweeps expired keys: soon after start, then hourly (expiry itself is exact: `once` checks the age). */
export function startIdempotencySweeper(db: DataSource, log: Logger, everyMs = 3_600_000): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = sweepExpiredIdempotencyKeys(db)
      .then((n) => { if (n) log.info({ deleted: n }, "expired idempotency keys deleted"); })
      .catch((e) => log.error({ err: e }, "idempotency key sweep failed"));
  };
  const first = setTimeout(sweep, 10_000);
  const timer = setInterval(sweep, everyMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
