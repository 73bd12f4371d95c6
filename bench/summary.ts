// Rounds of one server on one workload summed up: median throughput, latency percentiles over every request,
// and statements, CPU and memory per request over all rounds.
import type { Round } from "./measure";

export interface Summary {
  rounds: number;
  requests: number;
  failed: number;
  firstFailure?: string;
  rpsPerRound: number[];
  medianRps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Statements per request by kind (data, auth, transaction control). */
  sql: { data: number; auth: number; transaction: number };
  /** Kilobytes PostgreSQL sent back per request. */
  resultKb: number;
  serverCpuMs: number | null;
  databaseCpuMs: number | null;
  rssMb: number | null;
  peakRssMb: number | null;
  harnessCpuMs: number | null;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : NaN;
}

const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function summarise(rounds: Round[]): Summary {
  const requests = sumOf(rounds.map((r) => r.load.completed));
  const latencies = rounds.flatMap((r) => r.load.latencies).sort((a, b) => a - b);
  const perRequest = (total: number | null) => (total === null || requests === 0 ? null : total / requests);
  const msPerRequest = (seconds: number | null) => {
    const v = perRequest(seconds);
    return v === null ? null : v * 1000;
  };
  const cpu = (pick: (r: Round) => number | null) => rounds.some((r) => pick(r) === null) ? null : sumOf(rounds.map((r) => pick(r)!));
  const mb = (v: number | null) => (v === null ? null : v / 1024 / 1024);
  const last = rounds[rounds.length - 1];
  return {
    rounds: rounds.length,
    requests,
    failed: sumOf(rounds.map((r) => r.load.failed)),
    firstFailure: rounds.find((r) => r.load.firstFailure)?.load.firstFailure,
    rpsPerRound: rounds.map((r) => r.load.completed / r.load.seconds),
    medianRps: median(rounds.map((r) => r.load.completed / r.load.seconds)),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    sql: {
      data: perRequest(sumOf(rounds.map((r) => r.statements.data))) ?? NaN,
      auth: perRequest(sumOf(rounds.map((r) => r.statements.auth))) ?? NaN,
      transaction: perRequest(sumOf(rounds.map((r) => r.statements.transaction))) ?? NaN,
    },
    resultKb: (perRequest(sumOf(rounds.map((r) => r.statements.bytes))) ?? NaN) / 1024,
    serverCpuMs: msPerRequest(cpu((r) => r.serverCpu)),
    databaseCpuMs: msPerRequest(cpu((r) => r.databaseCpu)),
    rssMb: mb(last?.rss ?? null),
    peakRssMb: mb(last?.peakRss ?? null),
    harnessCpuMs: msPerRequest(sumOf(rounds.map((r) => r.harnessCpu))),
  };
}
