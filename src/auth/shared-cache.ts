// What server processes share at speed: revoked sessions, changes to a person's access, rate-limit counters. Redis
// when REDIS_URL is set (several processes behind a load balancer), this process's memory otherwise.
import Redis from "ioredis";

export interface SharedCache {
  /** Sets `key` to `value` for `ttlSeconds`. */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** The values of the keys, in order (null for missing or expired ones). */
  getMany(keys: string[]): Promise<(string | null)[]>;
  /** Adds one to a counter that lives `windowSeconds` from its first count; returns the new count. */
  increment(key: string, windowSeconds: number): Promise<number>;
  close(): Promise<void>;
}

/** Most entries kept in memory; past it, expired ones go first, then the oldest. */
const MEMORY_LIMIT = 100_000;

export class MemoryCache implements SharedCache {
  private readonly entries = new Map<string, { value: string; until: number }>();

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, { value, until: Date.now() + ttlSeconds * 1000 });
    this.bound();
  }

  async getMany(keys: string[]): Promise<(string | null)[]> {
    const now = Date.now();
    return keys.map((k) => {
      const e = this.entries.get(k);
      return e && e.until > now ? e.value : null;
    });
  }

  async increment(key: string, windowSeconds: number): Promise<number> {
    const now = Date.now();
    const e = this.entries.get(key);
    const count = e && e.until > now ? Number(e.value) + 1 : 1;
    this.entries.set(key, { value: String(count), until: e && e.until > now ? e.until : now + windowSeconds * 1000 });
    this.bound();
    return count;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  private bound(): void {
    if (this.entries.size <= MEMORY_LIMIT) return;
    const now = Date.now();
    for (const [k, e] of this.entries) if (e.until <= now) this.entries.delete(k);
    // Maps keep insertion order: the first keys are the oldest.
    for (const k of this.entries.keys()) {
      if (this.entries.size <= MEMORY_LIMIT) break;
      this.entries.delete(k);
    }
  }
}

export class RedisCache implements SharedCache {
  private readonly redis: Redis;

  constructor(url: string, private readonly prefix = "kith:") {
    // Fail fast rather than queue requests while Redis is away: a request then fails (and is retried by its client).
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: false });
    this.redis.on("error", () => undefined);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + key, value, "EX", Math.max(1, Math.ceil(ttlSeconds)));
  }

  async getMany(keys: string[]): Promise<(string | null)[]> {
    if (!keys.length) return [];
    return this.redis.mget(keys.map((k) => this.prefix + k));
  }

  async increment(key: string, windowSeconds: number): Promise<number> {
    const k = this.prefix + key;
    const [[, count]] = (await this.redis.multi().incr(k).expire(k, Math.ceil(windowSeconds), "NX").exec()) as [[Error | null, number]];
    return count;
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export function createSharedCache(redisUrl: string | undefined, prefix?: string): SharedCache {
  return redisUrl ? new RedisCache(redisUrl, prefix) : new MemoryCache();
}
