// Idempotent writes: a client's key claims one result; a replay gets that result, other input under the key is refused.
import { createHash } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { Actor } from "../auth/viewer";
import { Rollback } from "./transaction";
import { refusal } from "../kit/refusals";

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

function scopeOf(actor: Actor, operation: string): string {
  return `${operation}:${actor.viewer.userId ?? actor.viewer.apiKeyId ?? "anonymous"}`;
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
  const claimed: unknown[] = await m.query(
    `INSERT INTO idempotency_key (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
    [scope, request.key, hash],
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
