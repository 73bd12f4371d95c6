// Every masked fault is logged at error level with the request id, the operation and its cause; the response keeps
// none of it.
import { startTestApp, TestApp } from "../support/test-app";
import { capturedLog, CapturedLog } from "../support/captured-log";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { Role } from "../../src/auth/roles";

let app: TestApp;
let captured: CapturedLog;
let adminToken: string;
beforeAll(async () => {
  captured = capturedLog("info");
  app = await startTestApp({}, { log: captured.log });
  adminToken = await app.signIn((await makeUser(app.db, { roles: [Role.ADMIN] })).email, TEST_PASSWORD);
});
afterAll(async () => { await app.close(); });

async function withTableGone<T>(table: string, during: () => Promise<T>): Promise<T> {
  await app.db.query(`ALTER TABLE ${table} RENAME TO ${table}_gone`);
  try {
    return await during();
  } finally {
    await app.db.query(`ALTER TABLE ${table}_gone RENAME TO ${table}`);
  }
}

const errorsFor = (requestId: string) => captured.lines.filter((l) => l.level === 50 && l.requestId === requestId);

test("a fault in a query is logged at error with request id, operation name, SQL state and stack", async () => {
  const res = await withTableGone("place", () => app.http("/graphql", { body: { query: "query Boroughs { places(first: 3) { nodes { name } } }", operationName: "Boroughs" } }));
  const requestId = res.headers.get("x-request-id")!;
  expect(res.json.errors[0]).toMatchObject({ message: "Internal error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } });
  const [line] = errorsFor(requestId);
  expect(line).toMatchObject({
    msg: "internal error", requestId, operationName: "Boroughs", path: "places", code: "INTERNAL_SERVER_ERROR",
    cause: { message: expect.stringContaining("place"), sqlState: "42P01", stack: expect.stringContaining("\n") },
  });
  // The log has the cause; the response has none of it.
  expect(res.text).not.toMatch(/42P01|relation|stack/);
});

test("a fault in a mutation with an unnamed operation is logged with its resolved name, or null", async () => {
  const res = await withTableGone("audit_event", () =>
    app.post(`mutation { createApiKey(input: { name: "Partner", scopes: [READ_PUBLIC] }) { secret } }`, {}, adminToken));
  const requestId = res.headers.get("x-request-id")!;
  expect(errorsFor(requestId)).toEqual([expect.objectContaining({ operationName: null, path: "createApiKey", cause: expect.objectContaining({ sqlState: "42P01" }) })]);
});

test("a fault through Apollo directly is logged with that operation's request id", async () => {
  const before = captured.lines.length;
  const r = await withTableGone("place", () => app.run("query Places { places { nodes { name } } }"));
  const requestId = r.errors![0].extensions!.requestId;
  expect(captured.lines.slice(before)).toContainEqual(expect.objectContaining({ level: 50, requestId, operationName: "Places" }));
});

test("client mistakes are not logged as errors", async () => {
  const res = await app.post("{ places(first: 0) { totalCount } }");
  expect(errorsFor(res.headers.get("x-request-id")!)).toEqual([]);
});
