// PostgreSQL stopped under a stream of writes and reads: 503 with Retry-After while it is down, recovery without
// restarting kith, and no write reported done missing nor any reported failed present. It runs on a cluster the test
// makes itself (never the shared server), and only where PostgreSQL is installed and DATABASE_URL says it is used.
import { Client } from "pg";
import { postgresBinaries, SecondCluster, startSecondCluster } from "../support/second-cluster";
import { withDatabase } from "../support/test-db";
import { TEST_SECRET } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { loadConfig } from "../../src/config";
import { capturedLog } from "../support/captured-log";
import { allModules, createKith, Kith } from "../../src/app";
import { openDataSource } from "../../src/db/data-source";
import { RETRY_AFTER_SECONDS } from "../../src/graphql/server";

const canRun = Boolean(process.env.DATABASE_URL) && postgresBinaries() !== null;
const outageTest = canRun ? test : test.skip;
if (!canRun) test.skip("database outage [skipped: needs PostgreSQL binaries and DATABASE_URL]", () => undefined);

let cluster: SecondCluster | undefined;
let kith: Kith | undefined;
afterAll(async () => {
  await kith?.stop().catch(() => undefined);
  await cluster?.destroy();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  retryAfter: string | null;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

outageTest("writes and reads through a stopped and restarted PostgreSQL: 503 meanwhile, then recovery, no write lost or invented", async () => {
  cluster = await startSecondCluster();
  const admin = new Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query("CREATE DATABASE kith");
  await admin.end();
  const captured = capturedLog("error");
  const log = captured.log;
  const db = await openDataSource({ url: withDatabase(cluster.url, "kith"), modules: allModules, log, embedded: false, statementTimeoutMs: 10_000 });
  await db.runMigrations({ transaction: "each" });
  kith = await createKith(db, loadConfig({ NODE_ENV: "test", KITH_TOKEN_SECRET: TEST_SECRET, KITH_DATA_DIR: "/tmp/kith-test-unused" }), log);
  const base = `http://127.0.0.1:${await kith.listen(0)}`;
  const user = await makeUser(db);

  const send = async (query: string, variables: object, token?: string): Promise<Answer> => {
    const res = await fetch(`${base}/graphql`, {
      method: "POST", body: JSON.stringify({ query, variables }),
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return { status: res.status, retryAfter: res.headers.get("retry-after"), json: await res.json() };
  };
  const signIn = await send("mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { token } }", { e: user.email, p: TEST_PASSWORD });
  const token: string = signIn.json.data.signIn.token;

  const done: string[] = [];
  const failed: string[] = [];
  const unexpected: unknown[] = [];
  const unavailable: Answer[] = [];
  let phase: "before" | "down" | "after" = "before";
  const writesAfter: string[] = [];
  let n = 0;
  let running = true;

  const classify = (a: Answer): "ok" | "unavailable" | "other" => {
    if (a.status === 200 && !a.json.errors) return "ok";
    if (a.status === 503 && a.json.errors?.every((e: { extensions: { code: string } }) => e.extensions.code === "SERVICE_UNAVAILABLE")) return "unavailable";
    return "other";
  };
  const writer = async () => {
    while (running) {
      const name = `Outage Test ${++n}`;
      const a = await send(`mutation($name: String!) { createOrganisation(input: { name: $name, legalForm: CIO }) { organisation { id } userErrors { code } } }`, { name }, token);
      const kind = classify(a);
      if (kind === "ok" && a.json.data.createOrganisation.organisation) {
        done.push(name);
        if (phase === "after") writesAfter.push(name);
      } else if (kind === "unavailable") {
        failed.push(name);
        unavailable.push(a);
      } else unexpected.push(a.json);
      await sleep(20);
    }
  };
  const reader = async () => {
    while (running) {
      const a = await send("{ places(first: 3) { totalCount nodes { name } } }", {});
      const kind = classify(a);
      if (kind === "unavailable") unavailable.push(a);
      else if (kind === "other") unexpected.push(a.json);
      await sleep(20);
    }
  };

  const load = Promise.all([writer(), writer(), writer(), reader()]);
  await sleep(1500);
  phase = "down";
  await cluster.stop();
  await sleep(1000);
  const readyWhileDown = await fetch(`${base}/readyz`);
  await sleep(2500);
  await cluster.start();
  phase = "after";
  // Recovery without a restart: writes succeed again within a few seconds.
  for (let waited = 0; writesAfter.length < 5 && waited < 10_000; waited += 100) await sleep(100);
  running = false;
  await load;
  const readyAfter = await fetch(`${base}/readyz`);

  if (unexpected.length) console.log([...new Set(captured.lines.map((l) => `${l.msg} ${l.cause?.type} ${l.cause?.message} ${l.cause?.sqlState}`))].join("\n"));
  expect(unexpected).toEqual([]);
  expect(readyWhileDown.status).toBe(503);
  expect(readyAfter.status).toBe(200);
  expect(unavailable.length).toBeGreaterThan(0);
  for (const a of unavailable) expect(a.retryAfter).toBe(String(RETRY_AFTER_SECONDS));
  expect(writesAfter.length).toBeGreaterThanOrEqual(5);

  const stored = new Set((await db.query("SELECT name FROM organisation WHERE name LIKE 'Outage Test %'")).map((r: { name: string }) => r.name));
  expect(done.filter((name) => !stored.has(name))).toEqual([]);
  expect(failed.filter((name) => stored.has(name))).toEqual([]);
  expect(done.length).toBeGreaterThan(5);
  if (process.env.KITH_OUTAGE_FIGURES) console.log({ done: done.length, failed: failed.length, unavailable: unavailable.length, writesAfter: writesAfter.length });
}, 60_000);
