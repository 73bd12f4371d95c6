// A revoked session stops working on every server process: at once where processes share Redis (REDIS_URL), within the
// viewer cache's lifetime where each process has only its memory; either way without a SQL statement per request.
import { randomUUID } from "node:crypto";
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser } from "../support/factories";
import { Sessions } from "../../src/auth/sessions";
import { MemoryCache, RedisCache, SharedCache } from "../../src/auth/shared-cache";
import { TEST_SECRET } from "../support/test-app";
import { countQueries } from "../../src/db/query-counter";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

let app: TestApp;
const caches: SharedCache[] = [];
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => {
  for (const c of caches) await c.close();
  await app.close();
});

/** Two server processes: each its own Sessions (its own viewer cache) over the same database. */
function twoProcesses(make: () => SharedCache, cacheSeconds = 30): [Sessions, Sessions] {
  const [a, b] = [make(), make()];
  caches.push(a, b);
  return [new Sessions(app.db, a, TEST_SECRET, cacheSeconds), new Sessions(app.db, b, TEST_SECRET, cacheSeconds)];
}

async function statements<T>(work: () => Promise<T>): Promise<{ value: T; sql: number }> {
  const { scope, result } = countQueries(work);
  const value = await result;
  return { value, sql: scope.statements };
}

test("with Redis, a session ended on one process is refused at once on another, and cached reads spend no SQL", async () => {
  const prefix = `kith-test-${randomUUID()}:`;
  const [one, two] = twoProcesses(() => new RedisCache(REDIS_URL, prefix));
  const person = await makeUser(app.db);
  const { session } = await one.start(app.db, person.id, "test");
  expect(await two.viewerFor(session.id, person.id)).toMatchObject({ userId: person.id, sessionId: session.id });
  const cached = await statements(() => two.viewerFor(session.id, person.id));
  expect(cached.value).not.toBeNull();
  expect(cached.sql).toBe(0);

  const ended = await app.db.transaction((m) => Sessions.revokeInDatabase(m, person.id));
  await one.forget(ended);
  expect(await two.viewerFor(session.id, person.id)).toBeNull();
});

test("with Redis, a change to a person's access reaches every process's cached viewer at once", async () => {
  const prefix = `kith-test-${randomUUID()}:`;
  const [one, two] = twoProcesses(() => new RedisCache(REDIS_URL, prefix));
  const person = await makeUser(app.db);
  const { session } = await one.start(app.db, person.id, null);
  expect((await two.viewerFor(session.id, person.id))!.roles.size).toBe(0);
  await app.db.query("UPDATE app_user SET roles = '{ANALYST}' WHERE id = $1", [person.id]);
  await one.accessChanged(person.id);
  expect([...(await two.viewerFor(session.id, person.id))!.roles]).toEqual(["ANALYST"]);
});

test("in memory, another process sees a revocation once its cached viewer expires (here after one second), from the database", async () => {
  const [one, two] = twoProcesses(() => new MemoryCache(), 1);
  const person = await makeUser(app.db);
  const { session } = await one.start(app.db, person.id, null);
  expect(await two.viewerFor(session.id, person.id)).not.toBeNull();
  const ended = await app.db.transaction((m) => Sessions.revokeInDatabase(m, person.id));
  await one.forget(ended);
  // The revoking process knows at once.
  expect(await one.viewerFor(session.id, person.id)).toBeNull();
  await new Promise((r) => setTimeout(r, 1100));
  expect(await two.viewerFor(session.id, person.id)).toBeNull();
});

test("over HTTP with REDIS_URL set, sign out everywhere ends the token and a request answered from cache spends no SQL on auth", async () => {
  const redisApp = await startTestApp({ REDIS_URL });
  try {
    const person = await makeUser(redisApp.db);
    const token = await redisApp.signIn(person.email, "correct horse battery staple");
    await redisApp.post("{ viewer { id } }", {}, token);
    const second = await redisApp.run("{ viewer { id } }", {}, token);
    // The viewer comes from the cache; only the viewer's own row is read.
    expect(second.sql).toBe(1);
    expect((await redisApp.post("mutation { signOutEverywhere { userErrors { code } } }", {}, token)).json.data.signOutEverywhere.userErrors).toEqual([]);
    expect((await redisApp.post("{ viewer { id } }", {}, token)).status).toBe(401);
  } finally {
    await redisApp.close();
  }
});
