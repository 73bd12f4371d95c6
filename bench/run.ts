// `npm run bench`: kith and PostGraphile 5 side by side on one freshly seeded database (see bench/options.ts for
// flags): same answers checked first, then interleaved rounds per workload, then kith's per-operation latencies.
import "reflect-metadata";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { DEMO_PASSWORD, DEMO_USERS } from "../src/demo/demo-accounts";
import { BenchDatabase, createBenchDatabase, dropBenchDatabase, POSTGRAPHILE_SQL, preparePostGraphileSchema, seedBenchDatabase } from "./database";
import { CountedListener, throughProxy } from "./pg-proxy";
import { ensurePostGraphileInstalled, postgraphileVersions, ServerProcess, startKith, startPostGraphile } from "./servers";
import { Fixtures, WORKLOADS, Workload } from "./workloads";
import { postJson, LoadTarget } from "./load";
import { differences } from "./compare";
import { MeasuredServer, measureRound, Round, warmUp } from "./measure";
import { summarise } from "./summary";
import { Environment, renderResults, WorkloadResult } from "./report";
import { runOperations } from "./operations";
import { BenchOptions, parseOptions, USAGE } from "./options";
import { soak, soakSection } from "./soak";

const POOL_SIZE = 10;
/** kith's statements that authenticate the caller rather than answer the query (src/auth/authenticate.ts). */
const AUTH_STATEMENTS = [/\bFROM user_session s JOIN app_user u\b/i, /\bUPDATE user_session\b/i, /\bFROM api_key\b/i, /\bUPDATE api_key\b/i];

const say = (line: string) => console.log(line);

function kithCommit(): string {
  try {
    const git = (args: string[]) => execFileSync("git", args, { cwd: join(__dirname, ".."), encoding: "utf8" }).trim();
    return `${git(["rev-parse", "--short", "HEAD"])}${git(["status", "--porcelain", "--untracked-files=no"]) ? " (with uncommitted changes)" : ""}`;
  } catch {
    return "(commit unknown)";
  }
}

async function signInAnalyst(kith: ServerProcess): Promise<string> {
  const { json } = await postJson(kith.graphqlUrl, {
    query: "mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { token userErrors { code message } } }",
    variables: { e: DEMO_USERS.analyst.email, p: DEMO_PASSWORD },
  });
  const token = json.data?.signIn?.token;
  if (typeof token !== "string") throw new Error(`the demo analyst could not sign in: ${JSON.stringify(json).slice(0, 300)}`);
  return token;
}

function targets(w: Workload, f: Fixtures, kith: ServerProcess, postgraphile: ServerProcess, token: string): { kith: LoadTarget; postgraphile: LoadTarget } {
  return {
    kith: { url: kith.graphqlUrl, body: JSON.stringify(w.kith(f)), headers: w.caller === "analyst" ? { authorization: `Bearer ${token}` } : {} },
    postgraphile: { url: postgraphile.graphqlUrl, body: JSON.stringify(w.postgraphile(f)), headers: {} },
  };
}

/** Fetches once from each server and compares; null when the answers are the same, else what differed. */
async function check(w: Workload, t: { kith: LoadTarget; postgraphile: LoadTarget }): Promise<{ mismatch: string[] | null; compared: string }> {
  const k = await postJson(t.kith.url, JSON.parse(t.kith.body), t.kith.headers);
  const p = await postJson(t.postgraphile.url, JSON.parse(t.postgraphile.body), t.postgraphile.headers);
  const problems: string[] = [];
  if (k.status !== 200 || k.json.errors) problems.push(`kith answered ${k.status}: ${JSON.stringify(k.json.errors ?? k.json).slice(0, 300)}`);
  if (p.status !== 200 || p.json.errors) problems.push(`PostGraphile answered ${p.status}: ${JSON.stringify(p.json.errors ?? p.json).slice(0, 300)}`);
  if (problems.length) return { mismatch: problems, compared: "" };
  const a = w.sameShape.kith(k.json.data);
  const b = w.sameShape.postgraphile(p.json.data);
  const diff = differences(a, b);
  const rows = Array.isArray(a) ? a.length : Array.isArray((a as { rows?: unknown[] }).rows) ? (a as { rows: unknown[] }).rows.length : 1;
  return { mismatch: diff.length ? diff : null, compared: `${rows} rows, ${JSON.stringify(a).length.toLocaleString("en-GB")} bytes normalised` };
}

function printSql(label: string, proxy: CountedListener): void {
  say(`  statements ${label} sent (count, kind, text):`);
  for (const [text, { kind, count }] of [...proxy.texts].sort((x, y) => y[1].count - x[1].count)) {
    say(`    ${String(count).padStart(7)} ${kind.padEnd(11)} ${text.replace(/\s+/g, " ").trim().slice(0, 300)}`);
  }
  proxy.texts.clear();
}

async function dataCounts(admin: Client): Promise<Record<string, number>> {
  const { rows: [c] } = await admin.query(`SELECT
    (SELECT count(*) FROM organisation)::int AS organisations, (SELECT count(*) FROM cluster)::int AS clusters,
    (SELECT count(*) FROM cluster_membership)::int AS "cluster memberships", (SELECT count(*) FROM fund)::int AS funds,
    (SELECT count(*) FROM agreement)::int AS agreements, (SELECT count(*) FROM ledger_posting)::int AS "ledger postings"`);
  return c;
}

async function bench(o: BenchOptions, db: BenchDatabase, stoppers: (() => Promise<void>)[]): Promise<number> {
  const started = Date.now();
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const load = loadavg().map((l) => l.toFixed(2)).join(" ");
  const workloads = o.workloads.length ? WORKLOADS.filter((w) => o.workloads.includes(w.name)) : WORKLOADS;
  if (o.workloads.length && workloads.length !== o.workloads.length) {
    throw new Error(`unknown workload in --workloads; known: ${WORKLOADS.map((w) => w.name).join(", ")}`);
  }
  const soakWorkload = WORKLOADS.find((w) => w.name === o.soakWorkload);
  if (o.soakMinutes && !soakWorkload) throw new Error(`unknown --soak-workload ${o.soakWorkload}`);

  say(`seeding ${db.name} (scale ${o.scale}, seed ${o.seed})...`);
  const seedStarted = Date.now();
  await seedBenchDatabase(db, o.scale, o.seed, (l) => say(`  ${l}`));
  await preparePostGraphileSchema(db, POSTGRAPHILE_SQL);
  const seedSeconds = (Date.now() - seedStarted) / 1000;

  const admin = new Client({ connectionString: db.url, application_name: "kith-bench-harness" });
  await admin.connect();
  stoppers.push(() => admin.end());
  const fixtures: Fixtures = { liverpool: (await admin.query("SELECT id FROM place WHERE code = 'E08000012'")).rows[0].id };

  const classifier = { auth: AUTH_STATEMENTS };
  const kithProxy = new CountedListener({ host: new URL(db.url).hostname, port: Number(new URL(db.url).port || 5432) }, classifier);
  const pgProxy = new CountedListener({ host: new URL(db.url).hostname, port: Number(new URL(db.url).port || 5432) }, classifier);
  await kithProxy.listen();
  await pgProxy.listen();
  stoppers.push(() => kithProxy.close(), () => pgProxy.close());

  const logs = mkdtempSync(join(tmpdir(), "kith-bench-"));
  say(`starting kith and PostGraphile (logs in ${logs})...`);
  const kith = await startKith(o.direct ? db.url : throughProxy(db.url, kithProxy), join(logs, "kith.log"));
  stoppers.push(() => kith.stop());
  const postgraphile = await startPostGraphile(o.direct ? db.readerUrl : throughProxy(db.readerUrl, pgProxy), join(logs, "postgraphile.log"), POOL_SIZE);
  stoppers.push(() => postgraphile.stop());
  const token = await signInAnalyst(kith);

  const servers: MeasuredServer[] = [
    { label: "kith", process: kith, proxy: kithProxy, applicationName: "kith" },
    { label: "PostGraphile", process: postgraphile, proxy: pgProxy, applicationName: "postgraphile" },
  ];
  const settings = { admin, database: db.name, connections: o.connections, seconds: o.seconds };
  const results: WorkloadResult[] = [];
  for (const w of workloads) {
    const t = targets(w, fixtures, kith, postgraphile, token);
    const { mismatch, compared } = await check(w, t);
    const result: WorkloadResult = { name: w.name, title: w.title, caller: w.caller, mismatch, compared };
    results.push(result);
    if (mismatch) {
      say(`\n${w.name}: ANSWERS DIFFER, not timed:\n  ${mismatch.join("\n  ")}`);
      continue;
    }
    say(`\n${w.name}: same answers (${compared}); warm-up, then ${o.rounds} interleaved rounds of ${o.seconds} s`);
    await warmUp(t.kith, o.connections, o.warmupSeconds);
    await warmUp(t.postgraphile, o.connections, o.warmupSeconds);
    kithProxy.texts.clear();
    pgProxy.texts.clear();
    const rounds: Record<string, Round[]> = { kith: [], PostGraphile: [] };
    for (let i = 0; i < o.rounds; i++) {
      for (const server of servers) {
        const round = await measureRound(server, server.label === "kith" ? t.kith : t.postgraphile, settings);
        rounds[server.label].push(round);
        say(`  round ${i + 1} ${server.label.padEnd(12)} ${(round.load.completed / round.load.seconds).toFixed(1).padStart(8)} req/s` +
          `${round.load.failed ? `, ${round.load.failed} FAILED (${round.load.firstFailure})` : ""}`);
      }
    }
    result.kith = summarise(rounds.kith);
    result.postgraphile = summarise(rounds.PostGraphile);
    if (o.showSql) {
      printSql("kith", kithProxy);
      printSql("PostGraphile", pgProxy);
    }
  }

  let operations: string[] | null = null;
  if (o.operations) {
    say("\nkith per-operation latency bench...");
    const ops = await runOperations(kith.graphqlUrl);
    operations = ops.table;
    if (ops.failed) say("  some operations failed (see the table)");
  }

  let soakLines: string[] = [];
  let soakFailed = false;
  if (o.soakMinutes && soakWorkload) {
    say(`\nkith soak: ${soakWorkload.name} for ${o.soakMinutes} min...`);
    const samples = await soak(kith.pid, targets(soakWorkload, fixtures, kith, postgraphile, token).kith, o.connections, o.soakMinutes, say);
    soakLines = soakSection(soakWorkload.name, samples);
    soakFailed = samples.some((x) => x.failed > 0);
  }

  const versions = postgraphileVersions();
  const env: Environment = {
    startedAt, minutes: 0, cores: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGb: totalmem() / 1024 ** 3, loadAverage: load, kithNode: process.versions.node,
    postgraphileNode: versions.node, postgraphile: versions.postgraphile,
    postgresql: (await admin.query("SELECT version()")).rows[0].version.split(" on ")[0],
    kithCommit: kithCommit(), data: await dataCounts(admin), seedSeconds,
  };
  env.minutes = (Date.now() - started) / 60_000;
  const markdown = renderResults(o, env, results, operations) + soakLines.join("\n");
  say(`\n${markdown}`);
  if (o.resultsFile) {
    writeFileSync(o.resultsFile, markdown);
    say(`written to ${o.resultsFile}`);
  }
  const failed = results.some((r) => r.mismatch || (r.kith?.failed ?? 0) > 0 || (r.postgraphile?.failed ?? 0) > 0) || soakFailed;
  // The servers' logs are kept only when something went wrong (or with --keep): a line per request adds up.
  if (failed || o.keep) say(`server logs kept in ${logs}`);
  else rmSync(logs, { recursive: true, force: true });
  return failed ? 1 : 0;
}

async function main(): Promise<number> {
  // `npm run bench -- impact`: the dashboard operations at scale, on a database seeded beforehand (bench/impact/dashboard.ts).
  if (process.argv[2] === "impact") return (await import("./impact/dashboard")).dashboardBench(process.argv.slice(3));
  let o: BenchOptions;
  try {
    o = parseOptions(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    return 2;
  }
  if (process.argv.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  ensurePostGraphileInstalled(say);
  const db = await createBenchDatabase(o.adminUrl);
  // Stopped in reverse order on the way out, whatever happened (also on Ctrl-C).
  const stoppers: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const stop of stoppers.reverse().splice(0)) await stop().catch(() => undefined);
    if (o.keep) say(`kept database ${db.name} (reader role ${db.reader})`);
    else await dropBenchDatabase(o.adminUrl, db);
  };
  process.once("SIGINT", () => {
    say("\ninterrupted; cleaning up");
    cleanUp().finally(() => process.exit(130));
  });
  try {
    return await bench(o, db, stoppers);
  } finally {
    await cleanUp();
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error("bench failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
