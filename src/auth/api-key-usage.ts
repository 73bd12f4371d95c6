// Counts each API key's operations and query cost in memory and adds them to PostgreSQL in one upsert every few
// seconds: a row per key, never a row per request, and no write on the request's path. A process that dies loses at
// most its last interval's counts; a failed flush keeps them for the next.
import type { DataSource } from "typeorm";
import type { Logger } from "../log";

export const USAGE_FLUSH_MS = 5000;

interface Pending { requests: number; cost: number; at: Date }

export class ApiKeyUsageCounter {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: DataSource, private readonly log: Logger) {}

  record(apiKeyId: string, cost: number): void {
    const p = this.pending.get(apiKeyId) ?? { requests: 0, cost: 0, at: new Date() };
    p.requests += 1;
    p.cost += cost;
    p.at = new Date();
    this.pending.set(apiKeyId, p);
  }

  /** Adds what was counted since the last flush (one statement for every key); serialised with any flush under way. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  start(everyMs = USAGE_FLUSH_MS): void {
    this.timer = setInterval(() => void this.flush(), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async write(): Promise<void> {
    if (!this.pending.size || !this.db.isInitialized) return;
    const batch = this.pending;
    this.pending = new Map();
    const ids = [...batch.keys()];
    const rows = ids.map((id) => batch.get(id)!);
    try {
      await this.db.query(
        `INSERT INTO api_key_usage (api_key_id, request_count, query_cost, last_used_at)
         SELECT u.id, u.requests, u.cost, u.at FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::timestamptz[]) AS u(id, requests, cost, at)
           JOIN api_key k ON k.id = u.id
         ON CONFLICT (api_key_id) DO UPDATE SET request_count = api_key_usage.request_count + EXCLUDED.request_count,
           query_cost = api_key_usage.query_cost + EXCLUDED.query_cost,
           last_used_at = GREATEST(api_key_usage.last_used_at, EXCLUDED.last_used_at)`,
        [ids, rows.map((r) => r.requests), rows.map((r) => r.cost), rows.map((r) => r.at.toISOString())],
      );
    } catch (e) {
      // Keep the counts for the next flush rather than lose them (the database may be back by then).
      for (const [id, p] of batch) {
        const later = this.pending.get(id);
        this.pending.set(id, later ? { requests: p.requests + later.requests, cost: p.cost + later.cost, at: later.at } : p);
      }
      this.log.warn({ err: e, keys: batch.size }, "API key usage not saved; kept for the next flush");
    }
  }
}
