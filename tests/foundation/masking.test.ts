// Unexpected faults are masked ("Internal error" + requestId, nothing of the cause), and every error carries a request id.
import { startTestApp, TestApp, HttpResult } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { Role } from "../../src/auth/roles";

let app: TestApp;
let adminToken: string;
beforeAll(async () => {
  app = await startTestApp({ KITH_MAX_BODY_BYTES: "2048" });
  adminToken = await app.signIn((await makeUser(app.db, { roles: [Role.ADMIN] })).email, TEST_PASSWORD);
});
afterAll(async () => { await app.close(); });

/** Runs `during` while `table` is renamed away, so queries on it fail inside PostgreSQL. */
async function withTableGone<T>(table: string, during: () => Promise<T>): Promise<T> {
  await app.db.query(`ALTER TABLE ${table} RENAME TO ${table}_gone`);
  try {
    return await during();
  } finally {
    await app.db.query(`ALTER TABLE ${table}_gone RENAME TO ${table}`);
  }
}

function expectMasked(res: HttpResult, field: string): void {
  const [error] = res.json.errors;
  expect(error.message).toBe("Internal error");
  expect(error.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: res.headers.get("x-request-id") });
  expect(error.path).toEqual([field]);
  for (const leak of ["_gone", "relation", "SELECT", "INSERT", "QueryFailedError", "stacktrace", "node_modules", ".ts:"]) {
    expect(res.text).not.toContain(leak);
  }
}

test("a database fault in a query is masked as Internal error with a request id and no SQL or table names", async () => {
  const res = await withTableGone("place", () => app.post("{ places(first: 3) { totalCount nodes { name code } } }"));
  expect(res.status).toBe(200);
  expect(res.json.data).toBeNull();
  expectMasked(res, "places");
});

test("a database fault in a mutation is masked, and the change it was part of is rolled back", async () => {
  const res = await withTableGone("audit_event", () =>
    app.post(`mutation { createApiKey(input: { name: "Partner", scopes: [READ_PUBLIC] }) { secret } }`, {}, adminToken));
  expectMasked(res, "createApiKey");
  const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM api_key");
  expect(n).toBe(0);
});

test("the same fault through Apollo directly is masked too", async () => {
  const r = await withTableGone("place", () => app.run("{ places { nodes { name } } }"));
  expect(r.errors).toEqual([{ message: "Internal error", path: ["places"], extensions: { code: "INTERNAL_SERVER_ERROR", requestId: expect.any(String) } }]);
});

describe("every error response carries extensions.requestId and the x-request-id header", () => {
  const cases: [string, () => Promise<HttpResult>][] = [
    ["malformed JSON (400)", () => app.http("/graphql", { body: "{" })],
    ["a body that is too large (413)", () => app.http("/graphql", { body: { query: `{ places(filter: { search: "${"x".repeat(3000)}" }) { totalCount } }` } })],
    ["no operation (400)", () => app.http("/graphql", { body: {} })],
    ["a bad credential (401)", () => app.http("/graphql", { body: { query: "{ viewer { id } }" }, headers: { authorization: "Bearer nope" } })],
    ["a syntax error", () => app.post("{ places {")],
    ["a validation error", () => app.post("{ placez }")],
    ["a bad argument", () => app.post("{ places(first: 0) { totalCount } }")],
    ["a forbidden field", () => app.post("{ apiKeys { totalCount } }")],
    ["an internal fault", () => withTableGone("place", () => app.post("{ places { totalCount } }"))],
    ["an unknown path (404)", () => app.http("/nowhere")],
  ];
  test.each(cases)("%s", async (_, send) => {
    const res = await send();
    const header = res.headers.get("x-request-id");
    expect(header).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json.errors.length).toBeGreaterThan(0);
    for (const e of res.json.errors) expect(e.extensions.requestId).toBe(header);
  });

  test("a well-formed x-request-id from the client is kept; a malformed one is replaced", async () => {
    const kept = await app.http("/graphql", { body: { query: "{ placez }" }, headers: { "x-request-id": "client-req-12345" } });
    expect(kept.headers.get("x-request-id")).toBe("client-req-12345");
    expect(kept.json.errors[0].extensions.requestId).toBe("client-req-12345");
    const replaced = await app.http("/graphql", { body: { query: "{ placez }" }, headers: { "x-request-id": "bad id <script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
