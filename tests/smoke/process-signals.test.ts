// `npm start` as people run it: the real process on an embedded data dir stops cleanly on Ctrl-C (SIGINT) and SIGTERM
// after serving requests, and a restart finds the data it left.
import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

interface Running {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  url: string;
}

async function startKith(dataDir: string): Promise<Running> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, KITH_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn", NODE_ENV: "development" };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "src/main.ts"], { cwd: ROOT, env, stdio: "ignore" });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
  const url = `http://127.0.0.1:${port}`;
  // A first start migrates and loads the demo data on embedded PGlite: about a minute while the rest of the suite runs.
  for (let i = 0; i < 720; i++) {
    if (child.exitCode !== null) throw new Error(`kith exited during start-up with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return { child, exited, url };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error("kith did not become ready");
}

async function organisationCount(url: string): Promise<number> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ organisations(first: 1) { totalCount } }" }),
  });
  const body = (await res.json()) as { data: { organisations: { totalCount: number } } };
  return body.data.organisations.totalCount;
}

/** Resolves with how the process ended, or rejects if it is still running after `ms`. */
async function stopsWithin(run: Running, signal: NodeJS.Signals, ms: number) {
  run.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running ${ms} ms after ${signal}`)), ms);
  });
  try {
    return await Promise.race([run.exited, timeout]);
  } finally {
    clearTimeout(timer);
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGKILL");
  }
}

test("after serving requests, SIGINT and SIGTERM each stop npm start within seconds, and a restart keeps the data", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "kith-signals-"));
  try {
    const first = await startKith(dataDir);
    const loaded = await organisationCount(first.url);
    expect(loaded).toBeGreaterThan(0);
    expect(await stopsWithin(first, "SIGINT", 5000)).toEqual({ code: 0, signal: null });

    const second = await startKith(dataDir);
    expect(await organisationCount(second.url)).toBe(loaded);
    expect(await stopsWithin(second, "SIGTERM", 5000)).toEqual({ code: 0, signal: null });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 400_000);
