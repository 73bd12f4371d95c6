// One measured round of one server on one workload: load for a fixed time, with the statements the proxy saw,
// the server's CPU, PostgreSQL's CPU for that server's sessions and the server's memory read around it.
import type { Client } from "pg";
import { CountedListener, difference, StatementCounts } from "./pg-proxy";
import { LoadResult, LoadTarget, runLoad } from "./load";
import { backendCpu, backendCpuBetween, cpuSeconds, memory } from "./proc-stats";
import type { ServerProcess } from "./servers";

/** A server as the rounds see it: its process, its proxy port, and its sessions' name in pg_stat_activity. */
export interface MeasuredServer {
  label: string;
  process: ServerProcess;
  proxy: CountedListener;
  applicationName: string;
}

export interface Round {
  load: LoadResult;
  statements: StatementCounts;
  /** CPU seconds of the server process during the round. */
  serverCpu: number | null;
  /** CPU seconds of the PostgreSQL backends serving it during the round. */
  databaseCpu: number | null;
  rss: number | null;
  peakRss: number | null;
  /** CPU seconds of the harness itself (load generator and counting proxy), which shares the machine. */
  harnessCpu: number;
}

export interface RoundSettings {
  admin: Client;
  database: string;
  connections: number;
  seconds: number;
}

export async function measureRound(server: MeasuredServer, target: LoadTarget, s: RoundSettings): Promise<Round> {
  const pid = server.process.pid;
  const statementsBefore = server.proxy.snapshot();
  const backendsBefore = await backendCpu(s.admin, s.database, server.applicationName).catch(() => null);
  const cpuBefore = cpuSeconds(pid);
  const harnessBefore = process.cpuUsage();
  const load = await runLoad(target, s.connections, s.seconds * 1000);
  const cpuAfter = cpuSeconds(pid);
  const harness = process.cpuUsage(harnessBefore);
  const backendsAfter = await backendCpu(s.admin, s.database, server.applicationName).catch(() => null);
  const mem = memory(pid);
  return {
    load,
    statements: difference(server.proxy.snapshot(), statementsBefore),
    serverCpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    databaseCpu: backendsBefore && backendsAfter ? backendCpuBetween(backendsBefore, backendsAfter) : null,
    rss: mem?.rss ?? null,
    peakRss: mem?.peak ?? null,
    harnessCpu: (harness.user + harness.system) / 1e6,
  };
}

/** Unmeasured load, so both servers meet the rounds warmed up (JIT, pools, prepared statements, caches). */
export async function warmUp(target: LoadTarget, connections: number, seconds: number): Promise<void> {
  if (seconds > 0) await runLoad(target, connections, seconds * 1000);
}
