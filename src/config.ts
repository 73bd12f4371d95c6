// Configuration from environment variables, validated once at start-up with messages a person can act on.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { TrustedProxies } from "./auth/client-address";

export type NodeEnv = "development" | "test" | "production";
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  tokenSecret: string;
  nodeEnv: NodeEnv;
  logLevel: LogLevel;
  loadDemo: boolean;
  introspection: boolean;
  /** The GraphQL IDE at GET /graphiql, served from kith's own origin (src/graphql/ide): on in development only, unless set. */
  graphiql: boolean;
  /** Longest a single SQL statement may run on a PostgreSQL server (PGlite cannot interrupt one). */
  statementTimeoutMs: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Largest body of a signed-in request that calls only upload mutations (CSV imports), in bytes. */
  maxUploadBytes: number;
  /** Whether this process drains the outbox (events to handlers); a deployment may run dedicated worker processes. */
  runWorkers: boolean;
  /** Rate limits by query cost per key, user and anonymous address; null when off (tests, unless they set them). */
  rateLimit: { capacity: number; refillPerSecond: number } | null;
  /** Open data (360Giving): the network's registered 360G- prefix and the funder's org-id and name. */
  openData: { prefix: string; funderId: string; funderName: string };
  /** Proxies whose X-Forwarded-For is believed (none by default: the socket's address is the client's). */
  trustedProxies: TrustedProxies;
  /** Redis shared by every process (revoked sessions, rate limits); this process's memory when unset. */
  redisUrl: string | undefined;
  /** SMTP server emails go through; without it emails are written as files in the data dir. */
  smtpUrl: string | undefined;
  /** The From of every email. */
  mailFrom: string;
  /** The network's name, in emails. */
  networkName: string;
  /** Where the portal lives: links in emails point at `<appUrl>/verify-email?token=...` and the like. */
  appUrl: string;
}

export class ConfigError extends Error {}

const MIN_SECRET_LENGTH = 32;

function parseBool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === "") return fallback;
  if (["true", "1", "yes"].includes(raw.toLowerCase())) return true;
  if (["false", "0", "no"].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, not "${raw}"`);
}

function parseIntIn(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return n;
}

/** In development a secret is generated once and kept in the data dir, so tokens survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, "token-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const attempt = <T>(f: () => T, fallback: T): T => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(e.message);
      return fallback;
    }
  };

  const nodeEnv = attempt(() => {
    const v = env.NODE_ENV || "development";
    if (v !== "development" && v !== "test" && v !== "production") {
      throw new ConfigError(`NODE_ENV must be development, test or production, not "${v}"`);
    }
    return v as NodeEnv;
  }, "development" as NodeEnv);
  const port = attempt(() => parseIntIn("PORT", env.PORT, 4000, 0, 65535), 4000);
  const databaseUrl = attempt(() => {
    const v = env.DATABASE_URL;
    if (!v) return undefined;
    if (!/^postgres(ql)?:\/\//.test(v)) throw new ConfigError("DATABASE_URL must start with postgres:// or postgresql://");
    return v;
  }, undefined);
  const dataDir = resolve(env.KITH_DATA_DIR || "./.kith-data");
  const logLevel = attempt(() => {
    const v = (env.LOG_LEVEL || (nodeEnv === "test" ? "silent" : "info")) as LogLevel;
    if (!LOG_LEVELS.includes(v)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
    return v;
  }, "info" as LogLevel);
  const tokenSecret = attempt(() => {
    const v = env.KITH_TOKEN_SECRET;
    if (v) {
      if (v.length < MIN_SECRET_LENGTH) {
        throw new ConfigError(`KITH_TOKEN_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
      }
      return v;
    }
    if (nodeEnv === "production") {
      throw new ConfigError("KITH_TOKEN_SECRET is required in production (at least 32 random characters)");
    }
    return developmentSecret(dataDir);
  }, "");
  const loadDemo = attempt(() => parseBool("KITH_DEMO", env.KITH_DEMO, true), true) && nodeEnv !== "production";
  const introspection = attempt(
    () => parseBool("KITH_INTROSPECTION", env.KITH_INTROSPECTION, nodeEnv !== "production"),
    false,
  );
  const graphiql = attempt(() => {
    const on = parseBool("KITH_GRAPHIQL", env.KITH_GRAPHIQL, nodeEnv === "development" && introspection);
    // The IDE reads the schema by introspection; without it the page would load and show nothing useful.
    if (on && !introspection) throw new ConfigError("KITH_GRAPHIQL needs introspection: set KITH_INTROSPECTION=true as well");
    return on;
  }, false);
  const statementTimeoutMs = attempt(
    () => parseIntIn("KITH_STATEMENT_TIMEOUT_MS", env.KITH_STATEMENT_TIMEOUT_MS, 15000, 100, 600000),
    15000,
  );
  const maxBodyBytes = attempt(
    () => parseIntIn("KITH_MAX_BODY_BYTES", env.KITH_MAX_BODY_BYTES, 256 * 1024, 1024, 10 * 1024 * 1024),
    256 * 1024,
  );
  // 100,000 rows of CSV are about 12 MiB; JSON escaping of line breaks and quotes adds a little.
  const maxUploadBytes = attempt(
    () => parseIntIn("KITH_MAX_UPLOAD_BYTES", env.KITH_MAX_UPLOAD_BYTES, 16 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    16 * 1024 * 1024,
  );

  const runWorkers = attempt(() => parseBool("KITH_WORKERS", env.KITH_WORKERS, true), true);
  const trustedProxies = attempt(() => {
    const entries = (env.KITH_TRUSTED_PROXIES ?? "").split(",").map((e) => e.trim()).filter(Boolean);
    try {
      return new TrustedProxies(entries);
    } catch (e) {
      throw new ConfigError(`KITH_TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges: ${(e as Error).message}`);
    }
  }, new TrustedProxies([]));

  const redisUrl = attempt(() => {
    const v = env.REDIS_URL;
    if (!v) return undefined;
    if (!/^rediss?:\/\//.test(v)) throw new ConfigError("REDIS_URL must start with redis:// or rediss://");
    return v;
  }, undefined);
  const smtpUrl = attempt(() => {
    const v = env.SMTP_URL;
    if (!v) return undefined;
    if (!/^smtps?:\/\//.test(v)) throw new ConfigError("SMTP_URL must start with smtp:// or smtps://");
    return v;
  }, undefined);
  const appUrl = attempt(() => {
    const v = (env.KITH_APP_URL || "http://localhost:3000").replace(/\/+$/, "");
    if (!/^https?:\/\/[^\s]+$/.test(v)) throw new ConfigError("KITH_APP_URL must be an http:// or https:// URL");
    return v;
  }, "http://localhost:3000");
  const mailFrom = env.KITH_MAIL_FROM || "kith <no-reply@kith.invalid>";
  const networkName = env.KITH_NETWORK_NAME || "Kindred";
  const rateLimit = attempt(() => {
    const off = env.KITH_RATE_LIMIT_POINTS === "0" || (nodeEnv === "test" && !env.KITH_RATE_LIMIT_POINTS);
    if (off) return null;
    return {
      capacity: parseIntIn("KITH_RATE_LIMIT_POINTS", env.KITH_RATE_LIMIT_POINTS, 60_000, 1, 100_000_000),
      refillPerSecond: parseIntIn("KITH_RATE_LIMIT_REFILL", env.KITH_RATE_LIMIT_REFILL, 1_000, 1, 10_000_000),
    };
  }, null);
  const openData = attempt(() => {
    const prefix = env.KITH_360G_PREFIX || "360G-kith";
    if (!/^360G-[A-Za-z0-9]+$/.test(prefix)) throw new ConfigError("KITH_360G_PREFIX must be a 360Giving prefix such as 360G-kith");
    return { prefix, funderId: env.KITH_FUNDER_ORG_ID || `${prefix}-network`, funderName: env.KITH_FUNDER_NAME || "kith network" };
  }, { prefix: "360G-kith", funderId: "360G-kith-network", funderName: "kith network" });

  if (problems.length) {
    throw new ConfigError(`Configuration is not valid:\n  - ${problems.join("\n  - ")}`);
  }
  return {
    port, databaseUrl, dataDir, tokenSecret, nodeEnv, logLevel, loadDemo, introspection, graphiql,
    statementTimeoutMs, maxBodyBytes, maxUploadBytes, runWorkers, trustedProxies, redisUrl, smtpUrl, mailFrom, networkName, appUrl, openData, rateLimit,
  };
}
