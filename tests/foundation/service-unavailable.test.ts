// While the database refuses connections every request is answered 503 with Retry-After and SERVICE_UNAVAILABLE (never
// a masked 500 or a 200 with Internal error), and service resumes without a restart. The full outage, with PostgreSQL
// stopped under load, is database-outage.test.ts.
import { startTestApp, TestApp, HttpResult } from "../support/test-app";
import { adminQuery, databaseNameOf } from "../support/test-db";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { capturedLog } from "../support/captured-log";
import { RETRY_AFTER_SECONDS } from "../../src/graphql/server";

const onServer = process.env.DATABASE_URL ? test : test.skip;
const captured = capturedLog("info");
let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp({}, { log: captured.log });
  token = await app.signIn((await makeUser(app.db)).email, TEST_PASSWORD);
});
afterAll(async () => {
  if (!app.embedded) await adminQuery(`ALTER DATABASE "${databaseNameOf(app.db)}" ALLOW_CONNECTIONS true`);
  await app.close();
});

function expectUnavailable(res: HttpResult): void {
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
  expect(res.json.errors.length).toBeGreaterThan(0);
  for (const e of res.json.errors) expect(e.extensions).toEqual({ code: "SERVICE_UNAVAILABLE", requestId: res.headers.get("x-request-id") });
  expect(res.text).not.toMatch(/Internal error|ECONNREFUSED|accepting connections|terminat/);
}

onServer("503 with Retry-After while the database refuses connections, for anonymous and signed-in callers, then recovery", async () => {
  const name = databaseNameOf(app.db);
  const read = "{ places(first: 2) { totalCount } }";
  const write = `mutation { createOrganisation(input: { name: "During the outage", legalForm: CIO }) { organisation { id } userErrors { code } } }`;
  expect((await app.post(read)).status).toBe(200);

  await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
  await adminQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
  expectUnavailable(await app.post(read));
  expectUnavailable(await app.post(read, {}, token)); // the credential check itself needs the database
  expectUnavailable(await app.post(write, {}, token));
  expect((await app.http("/readyz")).status).toBe(503);
  expect(captured.lines.filter((l) => l.level === 50 && l.msg === "database unavailable").length).toBeGreaterThanOrEqual(3);

  await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
  expect((await app.http("/readyz")).status).toBe(200);
  const back = await app.post(read, {}, token);
  expect(back.status).toBe(200);
  expect(back.json.data.places.totalCount).toBe(7);
  const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM organisation WHERE name = 'During the outage'");
  expect(n).toBe(0);
});
