// The results as Markdown: machine and versions, data, method, the side-by-side tables with kith/PostGraphile
// ratios, the correctness check, and kith's per-operation latencies. Printed, and written to bench/RESULTS.md.
import type { BenchOptions } from "./options";
import type { Summary } from "./summary";

export interface WorkloadResult {
  name: string;
  title: string;
  caller: string;
  /** null when the answers matched; otherwise what differed (or why it could not be checked). */
  mismatch: string[] | null;
  /** Size of the compared answer, to show the check compared something. */
  compared: string;
  kith?: Summary;
  postgraphile?: Summary;
}

export interface Environment {
  startedAt: string;
  minutes: number;
  cores: number;
  cpuModel: string;
  memoryGb: number;
  loadAverage: string;
  kithNode: string;
  postgraphileNode: string;
  postgraphile: string;
  postgresql: string;
  kithCommit: string;
  data: Record<string, number>;
  seedSeconds: number;
}

const f1 = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? "n/a" : v.toFixed(1));
const f2 = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? "n/a" : v.toFixed(2));
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || !b ? "n/a" : (a / b).toFixed(2));
const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
/** A table head; columns whose name is in `text` are left-aligned, the rest (numbers) right-aligned. */
const header = (cells: string[], text: string[] = [cells[0]]) => [row(cells), row(cells.map((c) => (text.includes(c) ? "---" : "---:")))];

/** Statements per request; a kind seen only now and then (a pool opening a connection) shows two decimals. */
function sql(s: Summary): string {
  const few = (v: number) => (v < 0.05 ? v.toFixed(2) : f1(v));
  const parts = [f1(s.sql.data)];
  if (s.sql.auth > 0) parts.push(`${few(s.sql.auth)} auth`);
  if (s.sql.transaction > 0) parts.push(`${few(s.sql.transaction)} tx`);
  return parts.join(" + ");
}

function throughputTable(results: WorkloadResult[]): string[] {
  const lines = header(["workload", "kith req/s", "PostGraphile req/s", "kith / PostGraphile", "kith p50 / p95 / p99 ms", "PostGraphile p50 / p95 / p99 ms"]);
  for (const r of results) {
    if (!r.kith || !r.postgraphile) continue;
    const k = r.kith;
    const p = r.postgraphile;
    lines.push(row([r.name, f1(k.medianRps), f1(p.medianRps), `**${ratio(k.medianRps, p.medianRps)}**`,
      `${f1(k.p50)} / ${f1(k.p95)} / ${f1(k.p99)}`, `${f1(p.p50)} / ${f1(p.p95)} / ${f1(p.p99)}`]));
  }
  return lines;
}

function costTable(results: WorkloadResult[], counted: boolean): string[] {
  const lines = header(["workload", "SQL per request kith", "SQL per request PostGraphile", "KB from PostgreSQL kith",
    "KB from PostgreSQL PostGraphile", "server CPU ms/req kith", "server CPU ms/req PostGraphile",
    "kith / PostGraphile CPU", "PostgreSQL CPU ms/req kith", "PostgreSQL CPU ms/req PostGraphile", "RSS MB kith (peak)", "RSS MB PostGraphile (peak)"]);
  for (const r of results) {
    if (!r.kith || !r.postgraphile) continue;
    const k = r.kith;
    const p = r.postgraphile;
    lines.push(row([r.name, counted ? sql(k) : "n/a", counted ? sql(p) : "n/a", counted ? f1(k.resultKb) : "n/a",
      counted ? f1(p.resultKb) : "n/a", f2(k.serverCpuMs), f2(p.serverCpuMs), ratio(k.serverCpuMs, p.serverCpuMs),
      f2(k.databaseCpuMs), f2(p.databaseCpuMs), `${f1(k.rssMb)} (${f1(k.peakRssMb)})`, `${f1(p.rssMb)} (${f1(p.peakRssMb)})`]));
  }
  return lines;
}

/** Issue 11's targets, checked on this run: throughput at least PostGraphile's (goal 1.2x), at most 2 statements. */
function targetsTable(results: WorkloadResult[]): string[] {
  const lines = header(["workload", "kith / PostGraphile throughput", ">= 1.0", ">= 1.2", "kith SQL per request (auth aside)", "<= 2"]);
  const mark = (ok: boolean) => (ok ? "yes" : "**no**");
  for (const r of results) {
    if (!r.kith || !r.postgraphile) continue;
    const t = r.kith.medianRps / r.postgraphile.medianRps;
    const statements = r.kith.sql.data + r.kith.sql.transaction;
    const counted = statements > 0;
    lines.push(row([r.name, t.toFixed(2), mark(t >= 1), mark(t >= 1.2), counted ? f1(statements) : "n/a", counted ? mark(statements <= 2) : "n/a"]));
  }
  return lines;
}

function roundsTable(results: WorkloadResult[]): string[] {
  const lines = header(["workload", "server", "requests", "failed", "req/s in each round", "harness CPU ms/req"], ["workload", "server"]);
  for (const r of results) {
    for (const [server, s] of [["kith", r.kith], ["PostGraphile", r.postgraphile]] as const) {
      if (s) {
        lines.push(row([r.name, server, String(s.requests), String(s.failed), s.rpsPerRound.map((x) => x.toFixed(1)).join(", "), f2(s.harnessCpuMs)]));
      }
    }
  }
  return lines;
}

export function renderResults(o: BenchOptions, env: Environment, results: WorkloadResult[], operations: string[] | null): string {
  const data = Object.entries(env.data).map(([k, v]) => `${v.toLocaleString("en-GB")} ${k}`).join(", ");
  const out = [
    "# kith and PostGraphile side by side",
    "",
    `Written by \`npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\` on ${env.startedAt} (${env.minutes.toFixed(1)} min end to end).`,
    "Numbers from one run on a shared machine: other work ran beside it, so compare the two servers within this run",
    "(interleaved rounds) rather than with another run.",
    "",
    "## Machine and versions",
    "",
    `- ${env.cores} cores (${env.cpuModel}), ${env.memoryGb.toFixed(0)} GB memory; load average at start ${env.loadAverage}`,
    `- kith ${env.kithCommit} on Node ${env.kithNode}, NODE_ENV=production`,
    `- PostGraphile ${env.postgraphile} (amber preset) on Node ${env.postgraphileNode}, NODE_ENV=production`,
    `- ${env.postgresql}, on the same machine`,
    "",
    "## Data",
    "",
    `Demo data plus the scale generator at ${o.scale.toLocaleString("en-GB")} (seed ${o.seed}), seeded in ${env.seedSeconds.toFixed(0)} s: ${data}.`,
    "",
    "## Method",
    "",
    `- Both servers run as their own processes against one database on 127.0.0.1, each with a pool of 10 connections,`,
    ...(o.direct ? ["  connected straight to PostgreSQL (`--direct`). kith connects as the database owner, as in production;",
      "  PostGraphile as a role with"]
      : ["  through a loopback proxy in the harness that counts the statements each sends (simple-protocol queries and",
        "  extended-protocol Executes). kith connects as the database owner, as in production; PostGraphile as a role with"]),
    "  SELECT only and read-only transactions, over the views and functions of `bench/postgraphile/kith_bench.sql`.",
    "- Each workload is first fetched once from both servers and the answers compared after normalising (kith's global",
    "  IDs decoded to uuids, money to numbers, timestamps to UTC milliseconds); a workload whose answers differ is not timed.",
    `- Then, per workload: ${o.warmupSeconds} s of unmeasured warm-up on each server, and ${o.rounds} interleaved rounds`,
    `  (kith, PostGraphile, kith, ...) of ${o.seconds} s at ${o.connections} concurrent keep-alive connections, each sending`,
    "  the same request again as soon as its answer is in (closed loop, in the harness process).",
    "- req/s is the median over rounds; latency percentiles are over every request of all rounds; SQL, CPU and",
    "  PostgreSQL CPU are totals over all rounds divided by requests. Server CPU is utime+stime of the server process",
    "  (/proc/<pid>/stat); PostgreSQL CPU is that of the backends whose application_name is the server's. RSS is",
    "  VmRSS after the last round (peak VmHWM in brackets).",
    "- KB from PostgreSQL: bytes the server received from PostgreSQL per request (rows and protocol), from the proxy.",
    "- SQL per request: statements that answer the query, then `auth` (kith's per-request viewer lookup, told apart by",
    "  its text) and `tx` (BEGIN/COMMIT/SET and the like). PostGraphile does no authentication here.",
    "- kith is called as the demo analyst (signed in through `signIn`) where agreements are read, anonymously for the",
    "  directory; PostGraphile's role reads everything, which equals what an analyst may read in these workloads.",
    "",
    "### Not equal between the two",
    "",
    "- kith authenticates each analyst request (token check and one viewer statement) and applies its access rules in",
    "  code; PostGraphile here has no authentication and no row-level security.",
    "- kith writes a log line per request (its production default); PostGraphile writes none.",
    "- kith runs on Node 20 (the project's), PostGraphile on Node 22 (it requires it).",
    "- The directory search is a SQL function for PostGraphile (its way to expose custom search): its cursors are",
    "  positions in the function's result, kith's are keyset cursors; both say whether there is a next page.",
    "- The harness (load generator and counting proxy) shares the machine's cores with both servers and PostgreSQL.",
    "",
    "## Throughput and latency",
    "",
    ...throughputTable(results),
    "",
    "## Cost per request",
    "",
    ...(o.direct ? ["Run with `--direct`: the servers connected straight to PostgreSQL, so statements were not counted.", ""] : []),
    ...costTable(results, !o.direct),
    "",
    "## Targets of issue 11 in this run",
    "",
    "RSS flat over a 10-minute run is checked with `--soak 10` (kith alone, below when run).",
    "",
    ...targetsTable(results),
    "",
    "## Workloads and correctness",
    "",
    ...header(["workload", "what", "kith caller", "answers"], ["workload", "what", "kith caller", "answers"]),
    ...results.map((r) => row([r.name, r.title, r.caller, r.mismatch ? `**differ**: ${r.mismatch.join("; ").replace(/\|/g, "\\|")}` : `same (${r.compared})`])),
    "",
    "## Rounds",
    "",
    ...roundsTable(results),
    "",
  ];
  if (operations) out.push("## kith per-operation latency", "", "Ten at a time, anonymous (signIn signs in), after the comparison, on the same kith process.", "", ...operations, "");
  return out.join("\n");
}
