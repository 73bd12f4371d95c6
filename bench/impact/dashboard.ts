// `npm run bench -- impact [--runs N] [--only RegionImpact,...]`: p50/p95 of the contract's dashboard operations (/work/shared/contract/dashboard:
// RegionImpact, CommunityOwnership, PayItForward) for ADMIN and ANALYST, executed in-process through Apollo with the same
// context as HTTP, against the database DATABASE_URL names as it is (seed it first: `npm run seed -- --scale 10000`).
// Operations run one at a time, so the figures are each operation's own latency, not throughput. Wall time on a shared
// machine mostly measures the machine, so each run's CPU is reported too: kith's (this process) and PostgreSQL's (the
// database's backends, read from /proc when PostgreSQL runs on this host; parallel workers are not counted). Every
// client of the database counts, so run it alone on its database.
import "reflect-metadata";
import { cpus, loadavg, totalmem } from "node:os";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/log";
import { createKith, openDatabase } from "../../src/app";
import { buildContext } from "../../src/graphql/context";
import { inRequestScope } from "../../src/graphql/request-scope";
import { toGlobalId } from "../../src/graphql/ids";
import { Role } from "../../src/auth/roles";
import type { Viewer } from "../../src/auth/viewer";
import { cpuSeconds } from "../proc-stats";

/** The contract's dashboard operations, verbatim. */
const OPERATIONS: Record<string, string> = {
  RegionImpact: `query RegionImpact($placeId: ID!, $from: Date!, $to: Date!) {
  impactSummary(filter: { placeIds: [$placeId], from: $from, to: $to }, groupBy: [PLACE, YEAR]) {
    total { socialValue { pence } organisationCount }
    groups { place { name code } year organisationCount socialValue { pence } measures { metric { code unit } quantity } }
  }
}`,
  CommunityOwnership: `query CommunityOwnership($placeId: ID!) {
  assets(first: 50, filter: { placeIds: [$placeId] }) {
    totalCount
    nodes {
      name kind tenure communityHolder { name }
      acvListing { listedOn expiresOn moratoriumEndsOn protectedUntil }
      transfers(first: 5) { nodes { stage consideration { pence } marketValue { pence } } }
    }
  }
  housingSchemes(first: 50, filter: { placeIds: [$placeId] }) {
    nodes { name stage homesPlanned homesCompleted leadOrganisation { name } partner { name } }
  }
}`,
  PayItForward: `query PayItForward {
  funds(first: 10) {
    nodes { id name contributed { pence } awarded { pence } disbursed { pence } repaidCash { pence } repaidSocial { pence }
      recycled { pence } available { pence } agreements(first: 1) { totalCount } }
  }
}`,
};

const viewer = (role: Role): Viewer => ({ userId: null, apiKeyId: null, roles: new Set([role]), memberships: new Map(), scopes: null });
const CALLERS: [string, Viewer][] = [["ADMIN", viewer(Role.ADMIN)], ["ANALYST", viewer(Role.ANALYST)]];

/** Nearest-rank percentile of sorted milliseconds. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

export async function dashboardBench(argv: string[]): Promise<number> {
  const i = argv.indexOf("--runs");
  const runs = i >= 0 ? Number(argv[i + 1]) : 20;
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a whole number from 1");
  const j = argv.indexOf("--only");
  const only = j >= 0 ? argv[j + 1].split(",") : Object.keys(OPERATIONS);
  const config = loadConfig({ ...process.env, KITH_WORKERS: "false" });
  if (!config.databaseUrl) throw new Error("Set DATABASE_URL to the seeded database to measure.");
  const log = createLogger("error");
  const { db } = await openDatabase(config, log);
  await db.runMigrations({ transaction: "each" });
  const kith = await createKith(db, config, log);
  const [lcr] = await db.query("SELECT id FROM place WHERE code = 'E47000004'");
  const [liverpool] = await db.query("SELECT id FROM place WHERE code = 'E08000012'");
  const [{ measurements, organisations }] = await db.query(
    "SELECT (SELECT count(*) FROM impact_measurement)::int AS measurements, (SELECT count(*) FROM organisation)::int AS organisations");
  const variables: Record<string, Record<string, unknown>> = {
    RegionImpact: { placeId: toGlobalId("Place", lcr.id), from: "2021-01-01", to: "2025-12-31" },
    CommunityOwnership: { placeId: toGlobalId("Place", liverpool.id) },
    PayItForward: {},
  };
  const execute = async (name: string, as: Viewer) => {
    const requestId = `bench-${Math.random().toString(36).slice(2)}`;
    const response = await inRequestScope(requestId, name, () =>
      kith.apollo.executeOperation({ query: OPERATIONS[name], variables: variables[name] }, { contextValue: buildContext(kith.services, as, requestId) }));
    if (response.body.kind !== "single" || response.body.singleResult.errors?.length) {
      throw new Error(`${name} failed: ${JSON.stringify(response.body.kind === "single" ? response.body.singleResult.errors : "incremental")}`);
    }
  };
  const load = () => loadavg().map((x) => x.toFixed(1)).join(", ");
  console.log(`${measurements} measurements, ${organisations} organisations; ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB`);
  console.log(`${(await db.query("SELECT version()"))[0].version.split(" on ")[0]}; Node ${process.versions.node}; ${runs} runs after one warm-up, one at a time; load average at start ${load()}`);
  console.log("| operation | caller | p50 | p95 | max | PostgreSQL CPU p50 | kith CPU p50 |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  const backends = async () => (await db.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'"))
    .map((r: { pid: number }) => r.pid);
  const cpuOf = (pids: number[]) => new Map(pids.flatMap((pid) => { const s = cpuSeconds(pid); return s === null ? [] : [[pid, s] as const]; }));
  for (const name of only) {
    for (const [label, as] of CALLERS) {
      await execute(name, as);
      const ms: number[] = [];
      const pg: number[] = [];
      const node: number[] = [];
      for (let r = 0; r < runs; r++) {
        const pgBefore = cpuOf(await backends());
        const nodeBefore = process.cpuUsage();
        const started = process.hrtime.bigint();
        await execute(name, as);
        ms.push(Number(process.hrtime.bigint() - started) / 1e6);
        const used = process.cpuUsage(nodeBefore);
        node.push((used.user + used.system) / 1000);
        // Backends present after the run: a pool connection opened for it counts from zero, one closed idle is not ours.
        pg.push([...cpuOf(await backends())].reduce((sum, [pid, s]) => sum + s - (pgBefore.get(pid) ?? 0), 0) * 1000);
      }
      for (const xs of [ms, pg, node]) xs.sort((a, b) => a - b);
      const f = (x: number) => `${x.toFixed(0)} ms`;
      console.log(`| ${name} | ${label} | ${f(percentile(ms, 50))} | ${f(percentile(ms, 95))} | ${f(ms[ms.length - 1])} | ${f(percentile(pg, 50))} | ${f(percentile(node, 50))} |`);
    }
  }
  console.log(`load average at end ${load()}`);
  await kith.stop();
  return 0;
}
