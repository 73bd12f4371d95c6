// `npm run bench`: kith on a fresh database of DATABASE_URL's server, a bounded burst of HTTP requests, latency per operation.
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { Client } from "pg";
import { loadConfig } from "../src/config";
import { createLogger } from "../src/log";
import { allModules, startKith } from "../src/app";
import { DEMO_PASSWORD, DEMO_USERS } from "../src/demo/demo-accounts";

/** One kind of request; add a line here to bench another operation. */
interface Operation {
  name: string;
  requests: number;
  body: (i: number) => { query: string; variables?: Record<string, unknown> };
  /** Whether an answer counts as a success beyond "200 and no errors". */
  ok?: (data: Record<string, any>) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const DEMO_EMAILS = Object.values(DEMO_USERS).map((u) => u.email);

const DIRECTORY = `query($filter: OrganisationFilter, $after: String) {
  organisations(first: 20, after: $after, filter: $filter, orderBy: { field: NAME, direction: ASC }) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name legalForm stoStatus registeredPlace { id name code } } }
  }
}`;

const OPERATIONS: Operation[] = [
  {
    name: "places (anonymous)",
    requests: 500,
    body: () => ({ query: "{ places(first: 20) { totalCount nodes { id name code parent { name } children { name } } } }" }),
  },
  {
    name: "directory page by name",
    requests: 300,
    body: () => ({ query: DIRECTORY }),
  },
  {
    name: "directory search (word)",
    requests: 200,
    body: (i) => ({ query: DIRECTORY, variables: { filter: { search: ["bakery", "bike kitchen", "credit union", "theatre"][i % 4] } } }),
  },
  {
    name: "directory search (typo) + cause",
    requests: 200,
    body: (i) => ({ query: DIRECTORY, variables: { filter: { search: ["bakrey", "repiar", "theatr"][i % 3], causes: ["FOOD", "ENVIRONMENT", "YOUTH"][i % 3] } } }),
  },
  {
    name: "signIn",
    requests: 50,
    // Spread over the demo accounts: more than five sign-ins for one email at once are refused by design.
    body: (i) => ({
      query: "mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { token userErrors { code } } }",
      variables: { e: DEMO_EMAILS[i % DEMO_EMAILS.length], p: DEMO_PASSWORD },
    }),
    ok: (data) => typeof data.signIn?.token === "string",
  },
];

const CONCURRENCY = 10;
/** Generated organisations added to the demo data before the run (BENCH_SCALE overrides). */
const SCALE = Number(process.env.BENCH_SCALE ?? 20_000);
const REQUEST_TIMEOUT_MS = 10_000;
/** The whole run stops by this time, whatever is left. */
const DEADLINE_MS = 120_000;

interface Result { latencies: number[]; failed: number; seconds: number }

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Sends `op.requests` requests, CONCURRENCY at a time; a request fails on a non-200 answer, any error, or `op.ok`. */
async function runOperation(base: string, op: Operation, deadline: number): Promise<Result> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < op.requests && Date.now() < deadline) {
      const i = next++;
      const t = performance.now();
      try {
        const res = await fetch(`${base}/graphql`, {
          method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(op.body(i)),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const json = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
        if (res.status !== 200 || json.errors || !json.data || (op.ok && !op.ok(json.data))) failed++;
      } catch {
        failed++;
      }
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { latencies, failed, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN;
}

function report(rows: [string, Result][]): void {
  const head = ["operation", "requests", "failed", "p50 ms", "p95 ms", "max ms", "req/s"];
  const lines = rows.map(([name, r]) => {
    const s = [...r.latencies].sort((a, b) => a - b);
    return [name, String(s.length), String(r.failed), ...[0.5, 0.95, 1].map((q) => percentile(s, q).toFixed(1)),
      (s.length / r.seconds).toFixed(1)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const l of [head, ...lines]) console.log(l.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  "));
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("npm run bench needs DATABASE_URL (a PostgreSQL server it may create and drop a database on).");
    return 2;
  }
  const name = `kith_bench_${randomBytes(4).toString("hex")}`;
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  await admin(url, `CREATE DATABASE "${name}"`);
  const deadline = Date.now() + DEADLINE_MS;
  const timer = setTimeout(() => console.error("bench deadline reached; stopping"), DEADLINE_MS).unref();
  try {
    const config = loadConfig({
      NODE_ENV: "development", LOG_LEVEL: "warn", KITH_DEMO: "true", DATABASE_URL: benchUrl.toString(),
      KITH_TOKEN_SECRET: randomBytes(32).toString("hex"),
    });
    const kith = await startKith(config, createLogger(config.logLevel));
    await kith.services.db.transaction(async (m) => {
      for (const module of allModules) await module.scale?.(m, SCALE, 1);
    });
    await kith.services.db.query("ANALYZE");
    // Our own listener bound to loopback only: the bench never exposes the server beyond this machine.
    const http = createServer((req, res) => void kith.handler(req, res));
    await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      const rows: [string, Result][] = [];
      for (const op of OPERATIONS) rows.push([op.name, await runOperation(base, op, deadline)]);
      console.log(`\nkith bench: concurrency ${CONCURRENCY}, ${SCALE} generated organisations + demo data, database ${name}\n`);
      report(rows);
      return rows.some(([, r]) => r.failed > 0) ? 1 : 0;
    } finally {
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
      await kith.stop();
    }
  } finally {
    clearTimeout(timer);
    await admin(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error("bench failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
