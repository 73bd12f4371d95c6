// Rate limits by query cost, GitHub/Shopify style: each partner key, user and (for anonymous callers) client address
// has a bucket of points that refills at a steady rate; an operation takes its cost (operation-checks.ts) from it.
// Over the limit is HTTP 429 with Retry-After; every answer's `extensions.rateLimit` shows the cost and what is left.
// With REDIS_URL the buckets live in Redis (one atomic script), so every server process shares them; else in memory.
import type { ApolloServerPlugin } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import Redis from "ioredis";
import type { Context } from "./context";
import { currentRequest } from "./request-scope";

export interface RateLimitSettings {
  /** Points a full bucket holds (at least the cost limit, so any allowed operation can run on a full bucket). */
  capacity: number;
  /** Points added back each second. */
  refillPerSecond: number;
}

export interface Take {
  allowed: boolean;
  /** Points left after this operation (or before it, when refused). */
  remaining: number;
  /** When refused: seconds until the bucket holds the cost again. */
  retryAfterSeconds: number;
}

export interface Buckets {
  take(bucket: string, cost: number): Promise<Take>;
  close(): Promise<void>;
}

function decide(tokens: number, cost: number, s: RateLimitSettings): Take {
  if (tokens >= cost) return { allowed: true, remaining: Math.floor(tokens - cost), retryAfterSeconds: 0 };
  return { allowed: false, remaining: Math.floor(tokens), retryAfterSeconds: Math.max(1, Math.ceil((cost - tokens) / s.refillPerSecond)) };
}

/** One process's buckets (no REDIS_URL): a map, pruned of full buckets as it grows. */
export function memoryBuckets(s: RateLimitSettings): Buckets {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(bucket, cost) {
      const now = Date.now();
      const b = buckets.get(bucket) ?? { tokens: s.capacity, at: now };
      const tokens = Math.min(s.capacity, b.tokens + ((now - b.at) / 1000) * s.refillPerSecond);
      const result = decide(tokens, cost, s);
      buckets.set(bucket, { tokens: result.allowed ? tokens - cost : tokens, at: now });
      if (buckets.size > 100_000) {
        for (const [k, v] of buckets) if (v.tokens + ((now - v.at) / 1000) * s.refillPerSecond >= s.capacity) buckets.delete(k);
      }
      return result;
    },
    async close() {},
  };
}

// Refill and take in one step on Redis's own clock, so processes on several machines agree.
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or capacity
local at = tonumber(b[2]) or now
tokens = math.min(capacity, tokens + (now - at) / 1000 * rate)
local allowed = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
return {allowed, tostring(tokens)}`;

export function redisBuckets(url: string, s: RateLimitSettings): Buckets {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: false });
  return {
    async take(bucket, cost) {
      const [allowed, left] = (await redis.eval(TAKE_SCRIPT, 1, `kith:rate:${bucket}`, s.capacity, s.refillPerSecond, cost)) as [number, string];
      const tokens = Number(left);
      return allowed === 1 ? { allowed: true, remaining: Math.floor(tokens), retryAfterSeconds: 0 } : decide(tokens, cost, s);
    },
    async close() {
      redis.disconnect();
    },
  };
}

/** The bucket a request draws on: its key, its user, or its address when anonymous; null when none applies. */
export function bucketOf(ctx: Context): string | null {
  if (ctx.viewer.apiKeyId) return `key:${ctx.viewer.apiKeyId}`;
  if (ctx.viewer.userId) return `user:${ctx.viewer.userId}`;
  return ctx.clientAddress ? `address:${ctx.clientAddress}` : null;
}

export function rateLimits(buckets: Buckets, s: RateLimitSettings): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let report: Record<string, number> | undefined;
      return {
        async didResolveOperation({ contextValue }) {
          const cost = currentRequest()?.cost;
          const bucket = bucketOf(contextValue);
          if (cost === undefined || bucket === null) return;
          const t = await buckets.take(bucket, cost);
          report = { cost, limit: s.capacity, remaining: t.remaining, refillPerSecond: s.refillPerSecond };
          if (!t.allowed) {
            throw new GraphQLError(`Rate limit reached: this operation costs ${cost} and ${t.remaining} points are left; try again in ${t.retryAfterSeconds} s.`, {
              extensions: {
                code: "RATE_LIMITED", retryAfterSeconds: t.retryAfterSeconds,
                http: { status: 429, headers: new HeaderMap([["retry-after", String(t.retryAfterSeconds)]]) },
              },
            });
          }
        },
        async willSendResponse({ response }) {
          if (!report || response.body.kind !== "single") return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, rateLimit: report };
        },
      };
    },
  };
}
