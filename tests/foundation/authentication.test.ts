// A present but bad credential is refused with 401 UNAUTHENTICATED, never read as anonymous, and writes nothing.
import { startTestApp, TestApp, TEST_SECRET, HttpResult, withoutCost } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { rowCounts } from "../support/row-counts";
import { issueToken } from "../../src/auth/tokens";
import { ApiKeysService } from "../../src/auth/api-keys.service";
import { ApiScope } from "../../src/auth/roles";
import { ANONYMOUS } from "../../src/auth/viewer";

const VIEWER = "{ viewer { id } }";
let app: TestApp;
let userId: string;
let sessionId: string;
beforeAll(async () => {
  app = await startTestApp();
  userId = (await makeUser(app.db)).id;
  sessionId = (await app.kith.services.sessions.start(app.db, userId, null)).session.id;
});
afterAll(async () => { await app.close(); });

async function withAuthorization(authorization: string, query = VIEWER): Promise<HttpResult> {
  return app.http("/graphql", { body: { query }, headers: { authorization } });
}

function expectUnauthenticated(res: HttpResult): void {
  expect(res.status).toBe(401);
  expect(res.json.data).toBeUndefined();
  expect(res.json.errors).toHaveLength(1);
  expect(res.json.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  expect(res.json.errors[0].extensions.requestId).toBe(res.headers.get("x-request-id"));
}

test("no Authorization header is anonymous, not an error", async () => {
  const res = await app.post(VIEWER);
  expect(res.status).toBe(200);
  expect(withoutCost(res.json)).toEqual({ data: { viewer: null } });
});

test("a valid session token identifies its user", async () => {
  const res = await withAuthorization(`Bearer ${await issueToken(TEST_SECRET, userId, sessionId)}`);
  expect(res.json.data.viewer.id).toBeTruthy();
});

test("an expired token is 401 and says the session expired", async () => {
  const res = await withAuthorization(`Bearer ${await issueToken(TEST_SECRET, userId, sessionId, -60)}`);
  expectUnauthenticated(res);
  expect(res.json.errors[0].message).toMatch(/expired/);
});

test("a token signed with another secret is 401", async () => {
  const forged = await issueToken("another-secret-that-is-also-long-enough-0123456789", userId, sessionId);
  expectUnauthenticated(await withAuthorization(`Bearer ${forged}`));
});

test("an unsigned token (alg none) is 401", async () => {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const unsigned = `${part({ alg: "none" })}.${part({ sub: userId, sid: sessionId, iss: "kith", aud: "kith-api", exp: 4102444800 })}.`;
  expectUnauthenticated(await withAuthorization(`Bearer ${unsigned}`));
});

test("a well-signed token for a user who no longer exists is 401", async () => {
  const gone = await makeUser(app.db);
  const token = await issueToken(TEST_SECRET, gone.id, "00000000-0000-4000-8000-000000000001");
  await app.db.query("DELETE FROM app_user WHERE id = $1", [gone.id]);
  expectUnauthenticated(await withAuthorization(`Bearer ${token}`));
});

test.each(["Basic dXNlcjpwYXNz", "Bearer", "Bearer two tokens", "Token abc", "bearer-abc"])(
  "a malformed Authorization header (%s) is 401", async (header) => {
    expectUnauthenticated(await withAuthorization(header));
  },
);

test("an unknown kith_ API key is 401", async () => {
  expectUnauthenticated(await withAuthorization("Bearer kith_thisKeyWasNeverIssued0000000000000000000"));
});

test("a revoked kith_ API key is 401", async () => {
  const { apiKey, secret } = await app.db.transaction((m) =>
    ApiKeysService.insert(m, { viewer: ANONYMOUS, requestId: "test" }, "Partner", [ApiScope.READ_PUBLIC]));
  expect((await withAuthorization(`Bearer ${secret}`)).status).toBe(200);
  await app.db.query("UPDATE api_key SET revoked_at = now() WHERE id = $1", [apiKey.id]);
  expectUnauthenticated(await withAuthorization(`Bearer ${secret}`));
});

test("a key with a known prefix but the wrong rest is 401", async () => {
  const { secret } = await app.db.transaction((m) =>
    ApiKeysService.insert(m, { viewer: ANONYMOUS, requestId: "test" }, "Partner", [ApiScope.READ_PUBLIC]));
  const tampered = `${secret.slice(0, -4)}${secret.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
  expectUnauthenticated(await withAuthorization(`Bearer ${tampered}`));
});

test("a refused credential on a mutation writes nothing", async () => {
  const user = await makeUser(app.db);
  const before = await rowCounts(app.db);
  const res = await withAuthorization(`Bearer ${await issueToken(TEST_SECRET, userId, sessionId, -1)}`,
    `mutation { signIn(input: { email: "${user.email}", password: "wrong-${TEST_PASSWORD}" }) { token } }`);
  expectUnauthenticated(res);
  expect(await rowCounts(app.db)).toEqual(before);
});
