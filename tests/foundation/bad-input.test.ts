// Bad requests over HTTP: each is refused with a 4xx or a GraphQL error with a clear code, echoes nothing, writes nothing.
import { request } from "node:http";
import { HttpResult, startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { rowCounts } from "../support/row-counts";
import { Role } from "../../src/auth/roles";
import { LIMITS } from "../../src/graphql/limits";

const MAX_BODY = 16 * 1024;
const SECRET = 'pa;ss at "word" hunter2-s3cret';

let app: TestApp;
let adminToken: string;
beforeAll(async () => {
  app = await startTestApp({ KITH_MAX_BODY_BYTES: String(MAX_BODY) });
  const admin = await makeUser(app.db, { roles: [Role.ADMIN] });
  adminToken = await app.signIn(admin.email, TEST_PASSWORD);
});
afterAll(async () => { await app.close(); });

/** Runs a request and checks that no table gained or lost a row. */
async function writesNothing(send: () => Promise<HttpResult>): Promise<HttpResult> {
  const before = await rowCounts(app.db);
  const res = await send();
  expect(await rowCounts(app.db)).toEqual(before);
  return res;
}

function expectRefused(res: HttpResult, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.json.errors[0].extensions.code).toBe(code);
  expect(res.json.errors[0].extensions.requestId).toBe(res.headers.get("x-request-id"));
}

/** POSTs a raw body without Content-Length (chunked), the way a streaming client would. */
function postChunked(port: number, chunks: string[]): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/graphql", method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode!, text }));
    });
    req.on("error", reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe("the HTTP layer", () => {
  test("malformed JSON is a 400 BAD_REQUEST", async () => {
    const res = await writesNothing(() => app.http("/graphql", { body: '{"query": "mutation {' }));
    expectRefused(res, 400, "BAD_REQUEST");
  });

  test.each([["an array", "[]"], ["a number", "42"], ["nothing", ""]])("a body of %s is a 400 BAD_REQUEST", async (_, body) => {
    expectRefused(await writesNothing(() => app.http("/graphql", { method: "POST", body })), 400, "BAD_REQUEST");
  });

  test("a body over KITH_MAX_BODY_BYTES is refused with 413 before it is parsed", async () => {
    const query = `mutation { signIn(input: { email: "x@example.test", password: "${"x".repeat(MAX_BODY)}" }) { token } }`;
    const res = await writesNothing(() => app.http("/graphql", { body: { query } }));
    expectRefused(res, 413, "PAYLOAD_TOO_LARGE");
  });

  test("a chunked body that grows past KITH_MAX_BODY_BYTES gets a 413 answer, not a dropped connection", async () => {
    const port = await app.port();
    const before = await rowCounts(app.db);
    const res = await postChunked(port, ['{"query": "{ __typename }", "padding": "', ...Array.from({ length: 20 }, () => "y".repeat(1024)), '"}']);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await rowCounts(app.db)).toEqual(before);
  });
});

describe("validation", () => {
  test("an unknown field is GRAPHQL_VALIDATION_FAILED without suggesting real field names", async () => {
    const res = await writesNothing(() => app.post("{ places { nodes { nme } } }"));
    expectRefused(res, 400, "GRAPHQL_VALIDATION_FAILED");
    expect(res.json.errors[0].message).toContain('"nme"');
    expect(res.text).not.toMatch(/did you mean/i);
  });

  test("an unknown input field in a mutation is refused without suggestions and writes nothing", async () => {
    const res = await writesNothing(() => app.post(
      `mutation { createApiKey(input: { nam: "Partner", scopes: [READ_PUBLIC] }) { secret } }`, {}, adminToken,
    ));
    expectRefused(res, 400, "GRAPHQL_VALIDATION_FAILED");
    expect(res.text).not.toMatch(/did you mean/i);
  });

  test("a literal of the wrong type is refused without echoing it", async () => {
    const res = await writesNothing(() => app.post(`{ places(first: "${"hunter2-s3cret"}") { totalCount } }`));
    expectRefused(res, 400, "GRAPHQL_VALIDATION_FAILED");
    expect(res.text).not.toContain("hunter2-s3cret");
  });
});

describe("variables of the wrong type are BAD_USER_INPUT and the value is never echoed", () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ["a password-like string as an Int", "query($n: Int) { places(first: $n) { totalCount } }", { n: SECRET }],
    ["a number where an input expects a string", "mutation($i: SignInInput!) { signIn(input: $i) { token } }",
      { i: { email: 404, password: SECRET } }],
    ["an input object missing a required field", "mutation($i: SignInInput!) { signIn(input: $i) { token } }",
      { i: { password: SECRET } }],
    ["an input object with an unknown field", "mutation($i: SignInInput!) { signIn(input: $i) { token } }",
      { i: { email: "a@example.test", password: "x", [SECRET]: 1 } }],
    ["an unknown enum value", "query($k: [PlaceKind!]) { places(filter: { kinds: $k }) { totalCount } }", { k: [SECRET] }],
    ["an invalid DateTime", "query($t: DateTime) { auditEvents(filter: { from: $t }) { totalCount } }", { t: SECRET }],
  ];
  test.each(cases)("%s", async (_, query, variables) => {
    const res = await writesNothing(() => app.post(query, variables, adminToken));
    expectRefused(res, 400, "BAD_USER_INPUT");
    expect(res.json.errors[0].message).toMatch(/^Variable "\$\w+" has an invalid value/);
    expect(res.text).not.toContain("hunter2");
    expect(res.text).not.toContain("s3cret");
  });
});

describe("query limits (graphql-armor)", () => {
  test(`a query deeper than ${LIMITS.maxDepth} is refused`, async () => {
    const deep = `{ places { nodes { ${"parent { ".repeat(LIMITS.maxDepth)} name ${"} ".repeat(LIMITS.maxDepth)} } } }`;
    const res = await writesNothing(() => app.post(deep));
    expectRefused(res, 400, "GRAPHQL_VALIDATION_FAILED");
    expect(res.json.errors[0].message).toMatch(/depth limit/i);
    expect(res.json.data).toBeUndefined();
  });

  test(`more than ${LIMITS.maxAliases} aliases are refused`, async () => {
    const aliases = Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `p${i}: places(first: 1) { totalCount }`);
    const res = await writesNothing(() => app.post(`{ ${aliases.join(" ")} }`));
    expectRefused(res, 400, "GRAPHQL_VALIDATION_FAILED");
    expect(res.json.errors[0].message).toMatch(/aliases limit/i);
  });

  test(`a query of more than ${LIMITS.maxTokens} tokens is refused before it is validated`, async () => {
    const ids = Array.from({ length: LIMITS.maxTokens }, () => "1").join(" ");
    const res = await writesNothing(() => app.post(`{ nodes(ids: [${ids}]) { id } }`));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(res.json.errors[0].message).toMatch(new RegExp(`${LIMITS.maxTokens} tokens`));
  });

  test("a query within every limit still runs", async () => {
    const aliases = Array.from({ length: LIMITS.maxAliases }, (_, i) => `p${i}: places(first: 1) { totalCount }`);
    const res = await app.post(`{ ${aliases.join(" ")} }`);
    expect(res.status).toBe(200);
    expect(res.json.data.p0.totalCount).toBe(7);
  });
});

describe("client mistakes get their own 4xx status and code, never Internal error", () => {
  const persisted = (query: string | undefined, persistedQuery: unknown) => app.http("/graphql", { body: { query, extensions: { persistedQuery } } });
  const get = (params: Record<string, string>) => app.http(`/graphql?${new URLSearchParams(params)}`);
  const cases: [string, () => Promise<HttpResult>, number, string][] = [
    ["a subscription (this API has none)", () => app.post("subscription { places { totalCount } }"), 400, "GRAPHQL_VALIDATION_FAILED"],
    ["a persisted query whose hash is not its query's", () => persisted("{ __typename }", { version: 1, sha256Hash: "0".repeat(64) }), 400, "PERSISTED_QUERY_HASH_MISMATCH"],
    ["an unknown persisted-query version", () => persisted("{ __typename }", { version: 2, sha256Hash: "0".repeat(64) }), 400, "PERSISTED_QUERY_VERSION_NOT_SUPPORTED"],
    ["a persisted query that is not an object", () => persisted("{ __typename }", "yes"), 400, "PERSISTED_QUERY_VERSION_NOT_SUPPORTED"],
    ["a GET whose extensions are not JSON", () => get({ query: "{ __typename }", extensions: "{persistedQuery" }), 400, "BAD_REQUEST"],
    ["a GET whose extensions are a list", () => get({ query: "{ __typename }", extensions: "[]" }), 400, "BAD_REQUEST"],
    ["a GET whose persisted query is a number", () => get({ query: "{ __typename }", extensions: '{"persistedQuery":1}' }), 400, "PERSISTED_QUERY_VERSION_NOT_SUPPORTED"],
    ["a GET of a mutation", () => get({ query: "mutation { signIn(input: { email: \"a\", password: \"b\" }) { token } }" }), 405, "BAD_REQUEST"],
  ];
  test.each(cases)("%s", async (_, send, status, code) => {
    const res = await writesNothing(send);
    expectRefused(res, status, code);
    expect(res.json.errors[0].message).not.toBe("Internal error");
  });

  test("a URL too long for Node's HTTP parser is 431 with the same JSON shape as every refusal", async () => {
    const res = await app.http(`/graphql?query=${"x".repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.json.errors[0].extensions.code).toBe("REQUEST_HEADER_FIELDS_TOO_LARGE");
  });

  test("more than 50 bad variable values are BAD_USER_INPUT, not a fault", async () => {
    const res = await app.post("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: Array.from({ length: 60 }, () => false) });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).not.toContain("INTERNAL_SERVER_ERROR");
    expect(res.text).not.toContain("Internal error");
  });

  test("an unknown persisted hash is PERSISTED_QUERY_NOT_FOUND with 200, as Apollo clients expect before they register it", async () => {
    const res = await app.http("/graphql", { body: { extensions: { persistedQuery: { version: 1, sha256Hash: "1".repeat(64) } } } });
    expectRefused(res, 200, "PERSISTED_QUERY_NOT_FOUND");
  });
});
