// Starts the two servers under test as their own processes (kith on this Node, PostGraphile on the Node 22 of
// bench/postgraphile), each logging to a file, and stops them. The harness measures them from outside.
import { execFileSync, spawn, ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, openSync, closeSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface ServerProcess {
  name: string;
  pid: number;
  graphqlUrl: string;
  logFile: string;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, "..");
export const POSTGRAPHILE_DIR = join(__dirname, "postgraphile");
const NODE_22 = join(POSTGRAPHILE_DIR, "node_modules", "node", "bin", "node");
const START_TIMEOUT_MS = 120_000;

/** The environment a server gets: the harness's, without variables that would change how it runs. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ["DATABASE_URL", "NODE_OPTIONS", "PORT", "TS_NODE_PROJECT", "LOG_LEVEL", "KITH_DEMO", "KITH_INTROSPECTION"]) delete env[key];
  return env;
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Spawns `command`, its output into `logFile`, and waits for "<name> listening on <port>" there. */
async function start(name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string): Promise<ServerProcess> {
  const fd = openSync(logFile, "w");
  // The log goes straight to a file: the harness never spends CPU relaying it.
  const child: ChildProcess = spawn(command, args, { cwd, env, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) => child.on("exit", (code) => {
    exited = code ?? -1;
    resolve();
  }));
  const deadline = Date.now() + START_TIMEOUT_MS;
  const pattern = new RegExp(`${name} listening on (\\d+)`);
  for (;;) {
    const port = pattern.exec(existsSync(logFile) ? readFileSync(logFile, "utf8") : "")?.[1];
    if (port) {
      return {
        name, pid: child.pid!, graphqlUrl: `http://127.0.0.1:${port}/graphql`, logFile,
        async stop() {
          if (exited !== null) return;
          child.kill("SIGTERM");
          const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
          await exit;
          clearTimeout(force);
        },
      };
    }
    if (exited !== null) throw new Error(`${name} exited with ${exited} before listening:\n${tail(logFile)}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${name} did not start within ${START_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The Node flags of `npm start` (package.json), so kith is benchmarked as it is run, plus BENCH_KITH_NODE_FLAGS
 * (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile kith under the benchmark's load; Node refuses those in
 * NODE_OPTIONS).
 */
function startFlags(): string[] {
  const script: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts.start;
  const extra = process.env.BENCH_KITH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  return [...script.split(/\s+/).slice(1, -1), ...extra];
}

/** kith in production mode (no demo data, no introspection, a random token secret) on `databaseUrl`. */
export function startKith(databaseUrl: string, logFile: string, tokenSecret = randomBytes(32).toString("hex")): Promise<ServerProcess> {
  // Rate limits off: the harness is one client address standing in for many clients, and measures throughput.
  const env = { ...baseEnv(), NODE_ENV: "production", DATABASE_URL: databaseUrl, KITH_TOKEN_SECRET: tokenSecret, PORT: "0", KITH_RATE_LIMIT_POINTS: "0" };
  return start("kith", process.execPath, [...startFlags(), join(__dirname, "kith-server.ts")], ROOT, env, logFile);
}

/** PostGraphile 5 on Node 22 over the kith_bench schema, as the read-only role in `readerUrl`. */
export function startPostGraphile(readerUrl: string, logFile: string, poolSize: number): Promise<ServerProcess> {
  const env = { ...baseEnv(), NODE_ENV: "production", DATABASE_URL: readerUrl, PORT: "0", POOL_SIZE: String(poolSize) };
  return start("postgraphile", NODE_22, [join(POSTGRAPHILE_DIR, "server.mjs")], POSTGRAPHILE_DIR, env, logFile);
}

/** The Node version that runs PostGraphile and PostGraphile's version, for the results. */
export function postgraphileVersions(): { node: string; postgraphile: string } {
  const read = (p: string) => JSON.parse(readFileSync(join(POSTGRAPHILE_DIR, "node_modules", p, "package.json"), "utf8")).version as string;
  return { node: read("node"), postgraphile: read("postgraphile") };
}

/** Installs bench/postgraphile from its lockfile when it is not installed yet (a fresh clone). */
export function ensurePostGraphileInstalled(say: (line: string) => void): void {
  if (existsSync(NODE_22) && existsSync(join(POSTGRAPHILE_DIR, "node_modules", "postgraphile", "package.json"))) return;
  say("installing bench/postgraphile (PostGraphile 5 and Node 22) from its lockfile...");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  // Errors only: npm warns about every package needing Node 22, which is what the "node" package brings.
  execFileSync(npm, ["ci", "--prefix", POSTGRAPHILE_DIR, "--no-audit", "--no-fund", "--loglevel=error"], { stdio: "inherit" });
}
