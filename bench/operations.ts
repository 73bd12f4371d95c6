// kith's per-operation latency bench: a bounded burst of each operation in OPERATIONS (ten at a time) against the
// kith process under test, with p50/p95/max latency and requests per second for each. Runs after the comparison.
import { performance } from "node:perf_hooks";
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
const REQUEST_TIMEOUT_MS = 10_000;
/** The whole burst stops by this time, whatever is left. */
const DEADLINE_MS = 120_000;

interface Result { latencies: number[]; failed: number; seconds: number }

/** Sends `op.requests` requests, CONCURRENCY at a time; a request fails on a non-200 answer, any error, or `op.ok`. */
async function runOperation(graphqlUrl: string, op: Operation, deadline: number): Promise<Result> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < op.requests && Date.now() < deadline) {
      const i = next++;
      const t = performance.now();
      try {
        const res = await fetch(graphqlUrl, {
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

/** Runs every operation in turn; returns a Markdown table and whether any request failed. */
export async function runOperations(graphqlUrl: string): Promise<{ table: string[]; failed: boolean }> {
  const deadline = Date.now() + DEADLINE_MS;
  const head = ["operation", "requests", "failed", "p50 ms", "p95 ms", "max ms", "req/s"];
  const rows: string[][] = [];
  let failed = false;
  for (const op of OPERATIONS) {
    const r = await runOperation(graphqlUrl, op, deadline);
    const s = [...r.latencies].sort((a, b) => a - b);
    failed ||= r.failed > 0 || s.length < op.requests;
    rows.push([op.name, String(s.length), String(r.failed), ...[0.5, 0.95, 1].map((q) => percentile(s, q).toFixed(1)),
      (s.length / r.seconds).toFixed(1)]);
  }
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return { table: [line(head), line(head.map((_, i) => (i ? "---:" : "---"))), ...rows.map(line)], failed };
}
