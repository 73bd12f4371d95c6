// Health and readiness, and graceful shutdown: in-flight requests finish, new connections are refused.
import { connect } from "node:net";
import { startTestApp, TestApp, TEST_SECRET } from "../support/test-app";
import { createTestDatabase, adminQuery, databaseNameOf } from "../support/test-db";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/log";
import { createKith } from "../../src/app";
import { Role } from "../../src/auth/roles";

const onServer = process.env.DATABASE_URL ? test : test.skip;

async function get(port: number, path: string): Promise<number> {
  return (await fetch(`http://127.0.0.1:${port}${path}`)).status;
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.on("connect", () => { socket.destroy(); resolve(false); });
    socket.on("error", (e: NodeJS.ErrnoException) => resolve(e.code === "ECONNREFUSED"));
  });
}

describe("on a migrated database", () => {
  let app: TestApp;
  beforeAll(async () => { app = await startTestApp(); });
  afterAll(async () => { await app.close(); });

  test("/healthz and /readyz answer 200", async () => {
    expect(await app.http("/healthz")).toMatchObject({ status: 200, json: { status: "ok" } });
    expect(await app.http("/readyz")).toMatchObject({ status: 200, json: { status: "ready" } });
  });
});

test("/readyz is 503 until migrations are applied, then 200", async () => {
  const tdb = await createTestDatabase({ migrated: false });
  const config = loadConfig({ NODE_ENV: "test", KITH_TOKEN_SECRET: TEST_SECRET });
  const kith = await createKith(tdb.db, config, createLogger("silent"), () => tdb.drop());
  try {
    const port = await kith.listen(0);
    expect(await get(port, "/readyz")).toBe(503);
    expect(await get(port, "/healthz")).toBe(200);
    await tdb.db.runMigrations({ transaction: "each" });
    expect(await get(port, "/readyz")).toBe(200);
  } finally {
    await kith.stop();
  }
});

test("/readyz is 503 once the database connection is gone, while /healthz stays 200", async () => {
  const app = await startTestApp();
  try {
    expect((await app.http("/readyz")).status).toBe(200);
    await app.db.destroy();
    expect((await app.http("/readyz")).status).toBe(503);
    expect((await app.http("/healthz")).status).toBe(200);
  } finally {
    await app.close();
  }
});

onServer("/readyz is 503 while PostgreSQL refuses connections and 200 again when it accepts them", async () => {
  const app = await startTestApp();
  const name = databaseNameOf(app.db);
  try {
    expect((await app.http("/readyz")).status).toBe(200);
    await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await adminQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
    expect((await app.http("/readyz")).status).toBe(503);
    await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    expect((await app.http("/readyz")).status).toBe(200);
  } finally {
    await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    await app.close();
  }
});

test("stop() lets an in-flight request finish with 200 and refuses new connections", async () => {
  const app = await startTestApp();
  const admin = await makeUser(app.db, { roles: [Role.ADMIN] });
  const token = await app.signIn(admin.email, TEST_PASSWORD);
  const created = await app.ok(`mutation { createApiKey(input: { name: "P", scopes: [READ_PUBLIC] }) { apiKey { id } } }`, {}, token);
  const keyId: string = created.createApiKey.apiKey.id;
  const port = await app.port();

  // Hold the key's row lock (PostgreSQL) or the only connection (PGlite) so the revoke waits inside the server.
  const holder = app.db.createQueryRunner();
  await holder.startTransaction();
  await holder.query("SELECT id FROM api_key FOR UPDATE");
  const arrived = new Promise((resolve) => app.kith.http!.once("request", resolve));
  const inFlight = app.post(`mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { revokedAt } userErrors { code } } }`, { id: keyId }, token);
  let answered = false;
  void inFlight.then(() => { answered = true; });
  await arrived;

  const stopped = app.kith.stop();
  expect(await connectionRefused(port)).toBe(true);
  await new Promise((r) => setTimeout(r, 200));
  expect(answered).toBe(false);
  await holder.commitTransaction();
  await holder.release();

  const res = await inFlight;
  expect(res.status).toBe(200);
  expect(res.json.data.revokeApiKey).toEqual({ apiKey: { revokedAt: expect.any(String) }, userErrors: [] });
  const started = Date.now();
  await stopped;
  // Finished requests must not hold shutdown open for the keep-alive timeout.
  expect(Date.now() - started).toBeLessThan(2000);
});
