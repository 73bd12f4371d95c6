// `npm run bench -- [flags]`: the flags, their defaults, and the quick preset.
import { join } from "node:path";

export interface BenchOptions {
  adminUrl: string;
  scale: number;
  seed: number;
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** Workload names to run (all when empty). */
  workloads: string[];
  keep: boolean;
  /** The per-operation latency bench of kith alone, after the comparison. */
  operations: boolean;
  showSql: boolean;
  /** Servers connect straight to PostgreSQL, without the counting proxy (and so without statement counts). */
  direct: boolean;
  /** Where the results table is written, or null for stdout only. */
  resultsFile: string | null;
  quick: boolean;
  /** Minutes of the kith soak after the comparison (0: none), and its workload. */
  soakMinutes: number;
  soakWorkload: string;
}

export const USAGE = `npm run bench -- [flags]   (DATABASE_URL: a PostgreSQL server to create and drop a database on;
                            default postgres://postgres@127.0.0.1:5432/postgres)
  --quick              scale 2000, 2 rounds of 5 s, 2 s warm-up; writes no results file unless --results is given
  --scale N            generated organisations on top of the demo data (default 20000; BENCH_SCALE also works)
  --seed S             seed of the scale generator (default 1)
  --rounds N           measured rounds per server and workload, interleaved kith, PostGraphile, ... (default 3)
  --seconds S          length of a round (default 10)
  --warmup S           unmeasured warm-up per server and workload before its rounds (default 3)
  --connections C      concurrent keep-alive connections (default 10)
  --workloads a,b      only these workloads (names as in bench/workloads.ts)
  --keep               keep the bench database (and its reader role) instead of dropping it
  --no-operations      skip kith's per-operation latency bench
  --soak MINUTES       then load kith alone with one workload for this long, sampling its RSS (default 0: none)
  --soak-workload W    the soak's workload (default nested-50)
  --direct             servers connect straight to PostgreSQL: no statement counts, to see what the proxy costs
  --show-sql           print the distinct statements each server sent per workload
  --results FILE       write the results here (default bench/RESULTS.md; "-" for stdout only)
npm run bench -- impact [--runs N] [--only Op,...]   p50/p95 of the contract's dashboard operations for ADMIN and ANALYST on the
                            database DATABASE_URL names, seeded first (npm run seed -- --scale 10000); default 20 runs`;

function value(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith("--")) throw new Error(`--${name} needs a value`);
  return v;
}

function whole(argv: string[], name: string, fallback: number, min: number, max: number): number {
  const raw = value(argv, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

const KNOWN = new Set(["quick", "scale", "seed", "rounds", "seconds", "warmup", "connections", "workloads", "keep",
  "no-operations", "show-sql", "results", "soak", "soak-workload", "direct", "help"]);

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  for (const a of argv) if (a.startsWith("--") && !KNOWN.has(a.slice(2))) throw new Error(`unknown flag ${a}\n${USAGE}`);
  const quick = argv.includes("--quick");
  const results = value(argv, "results");
  return {
    adminUrl: env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
    quick,
    scale: whole(argv, "scale", Number(env.BENCH_SCALE ?? (quick ? 2000 : 20_000)), 1, 1_000_000),
    seed: whole(argv, "seed", 1, 1, 1_000_000),
    rounds: whole(argv, "rounds", quick ? 2 : 3, 1, 100),
    seconds: whole(argv, "seconds", quick ? 5 : 10, 1, 600),
    warmupSeconds: whole(argv, "warmup", quick ? 2 : 3, 0, 600),
    connections: whole(argv, "connections", 10, 1, 256),
    workloads: value(argv, "workloads")?.split(",").map((s) => s.trim()).filter(Boolean) ?? [],
    keep: argv.includes("--keep"),
    operations: !argv.includes("--no-operations"),
    showSql: argv.includes("--show-sql"),
    direct: argv.includes("--direct"),
    resultsFile: results === "-" ? null : results ?? (quick ? null : join(__dirname, "RESULTS.md")),
    soakMinutes: whole(argv, "soak", 0, 0, 240),
    soakWorkload: value(argv, "soak-workload") ?? "nested-50",
  };
}
