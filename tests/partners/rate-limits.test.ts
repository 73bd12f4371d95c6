// Rate limits by query cost over HTTP: a key's bucket pays for each operation and refills; over the limit is 429 with
// Retry-After; each key and each signed-in person has their own bucket; with REDIS_URL two server processes draw on one.
import { randomUUID } from "node:crypto";
import { startTestApp, TestApp } from "../support/test-app";
import { hashApiKey } from "../../src/auth/authenticate";
import { makeUser, TEST_PASSWORD } from "../support/factories";

const PLACES = "{ places(first: 50) { nodes { name } } }";
const LIMITS = { KITH_RATE_LIMIT_POINTS: "100", KITH_RATE_LIMIT_REFILL: "1" };

/** The same key (id, secret) in an app's database, so two apps with their own databases can share its bucket. */
async function insertKey(app: TestApp, id = randomUUID()): Promise<{ id: string; secret: string }> {
  const secret = `kith_${randomUUID().replace(/-/g, "")}${randomUUID().replace(/-/g, "").slice(0, 8)}`;
  await app.db.query("INSERT INTO api_key (id, name, prefix, secret_hash, scopes) VALUES ($1, 'rate test', $2, $3, $4)",
    [id, secret.slice(5, 15), hashApiKey(secret), ["read:public"]]);
  return { id, secret };
}

describe("in memory", () => {
  let app: TestApp;
  beforeAll(async () => { app = await startTestApp(LIMITS); });
  afterAll(async () => { await app.close(); });

  test("an operation takes its cost from the key's bucket, the answer says what is left, and over the limit is 429 with Retry-After", async () => {
    const { secret } = await insertKey(app);
    const first = await app.post(PLACES, {}, secret);
    expect(first.status).toBe(200);
    const { cost, limit, remaining } = first.json.extensions.rateLimit;
    expect(cost).toBeGreaterThan(50);
    expect({ limit, remaining }).toEqual({ limit: 100, remaining: 100 - cost });
    const second = await app.post(PLACES, {}, secret);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(second.json.errors[0]).toMatchObject({ extensions: { code: "RATE_LIMITED", retryAfterSeconds: Number(second.headers.get("retry-after")) } });
    expect(second.json.data).toBeUndefined();
    const cheap = await app.post("{ places(first: 1) { nodes { name } } }", {}, secret);
    expect(cheap.status).toBe(200);
    const otherKey = await insertKey(app);
    expect((await app.post(PLACES, {}, otherKey.secret)).status).toBe(200);
  });
});

describe("a signed-in person's bucket, in memory", () => {
  let app: TestApp;
  beforeAll(async () => { app = await startTestApp(LIMITS); });
  afterAll(async () => { await app.close(); });

  test("a person's operations take their cost from the person's bucket, whichever session sends them; another person's is their own", async () => {
    const person = await makeUser(app.db);
    const first = await app.post(PLACES, {}, await app.signIn(person.email, TEST_PASSWORD));
    expect(first.status).toBe(200);
    const { cost, remaining } = first.json.extensions.rateLimit;
    expect(remaining).toBe(100 - cost);
    const otherSession = await app.post(PLACES, {}, await app.signIn(person.email, TEST_PASSWORD));
    expect(otherSession.status).toBe(429);
    expect(otherSession.json.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(Number(otherSession.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const someoneElse = await makeUser(app.db);
    expect((await app.post(PLACES, {}, await app.signIn(someoneElse.email, TEST_PASSWORD))).status).toBe(200);
  });
});

describe("in Redis, shared by two server processes", () => {
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    const env = { ...LIMITS, REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" };
    [one, two] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterAll(async () => { await Promise.all([one.close(), two.close()]); });

  test("what one process takes from a key's bucket, the other sees", async () => {
    const key = await insertKey(one);
    await two.db.query("INSERT INTO api_key SELECT * FROM json_populate_record(NULL::api_key, $1)", [JSON.stringify((await one.db.query("SELECT * FROM api_key WHERE id = $1", [key.id]))[0])]);
    const first = await one.post(PLACES, {}, key.secret);
    expect(first.status).toBe(200);
    const second = await two.post(PLACES, {}, key.secret);
    expect(second.status).toBe(429);
    expect(second.json.errors[0].extensions.code).toBe("RATE_LIMITED");
    const cheap = await two.post("{ places(first: 1) { nodes { name } } }", {}, key.secret);
    expect(cheap.json.extensions.rateLimit.remaining).toBeLessThan(first.json.extensions.rateLimit.remaining);
  });

  test("a person's bucket is in Redis too: their second session, on another process, finds it drained", async () => {
    // The same person (id, password hash) in both databases, as one PostgreSQL would have it.
    const person = await makeUser(one.db);
    const row = (await one.db.query("SELECT * FROM app_user WHERE id = $1", [person.id]))[0];
    await two.db.query("INSERT INTO app_user SELECT * FROM json_populate_record(NULL::app_user, $1)", [JSON.stringify(row)]);
    const first = await one.post(PLACES, {}, await one.signIn(person.email, TEST_PASSWORD));
    expect(first.status).toBe(200);
    const second = await two.post(PLACES, {}, await two.signIn(person.email, TEST_PASSWORD));
    expect(second.status).toBe(429);
    expect(second.json.errors[0].extensions.code).toBe("RATE_LIMITED");
  });
});
