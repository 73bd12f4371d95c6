// Partner API keys: ADMIN-only management, the secret shown once and never stored, PARTNER access by scope, audit.
import { createHash } from "node:crypto";
import { startTestApp, TestApp, withoutCost } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { rowCounts } from "../support/row-counts";
import { Role } from "../../src/auth/roles";
import { authenticate } from "../../src/auth/authenticate";
import { toGlobalId } from "../../src/graphql/ids";

const CREATE = `mutation($name: String!, $scopes: [ApiScope!]!) {
  createApiKey(input: { name: $name, scopes: $scopes }) { secret apiKey { id name prefix scopes revokedAt lastUsedAt } userErrors { field code message } }
}`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id revokedAt } userErrors { field code } } }`;
const LIST = `{ apiKeys(first: 50) { totalCount nodes { id name lastUsedAt revokedAt } } }`;

let app: TestApp;
let admin: { id: string; token: string };
let analystToken: string;
beforeAll(async () => {
  app = await startTestApp();
  const a = await makeUser(app.db, { roles: [Role.ADMIN] });
  admin = { id: a.id, token: await app.signIn(a.email, TEST_PASSWORD) };
  analystToken = await app.signIn((await makeUser(app.db, { roles: [Role.ANALYST] })).email, TEST_PASSWORD);
});
afterAll(async () => { await app.close(); });

async function createKey(name = "Open data partner", scopes = ["READ_PUBLIC", "READ_FUNDS"]) {
  const res = await app.post(CREATE, { name, scopes }, admin.token);
  expect(res.json.data.createApiKey.userErrors).toEqual([]);
  return { ...res.json.data.createApiKey, requestId: res.headers.get("x-request-id") as string };
}

const auditOf = (entityId: string) => app.db.query(
  "SELECT action, actor_user_id, request_id, changes FROM audit_event WHERE entity_type = 'ApiKey' AND entity_id = $1 ORDER BY id", [entityId]);

describe("creating", () => {
  test("anyone but ADMIN gets NOT_ALLOWED and nothing is written", async () => {
    const partner = (await createKey()).secret;
    for (const as of [analystToken, partner, undefined]) {
      const before = await rowCounts(app.db);
      const res = await app.post(CREATE, { name: "Mine", scopes: ["READ_PUBLIC"] }, as);
      // A key is refused before anything runs: key management is not open to API keys (auth.scopes.ts).
      if (as === partner) expect(res.json.errors[0]).toMatchObject({ message: "Mutation.createApiKey is not open to API keys.", extensions: { code: "FORBIDDEN" } });
      else {
        expect(res.json.data.createApiKey).toEqual({
          secret: null, apiKey: null, userErrors: [{ field: null, code: "NOT_ALLOWED", message: expect.any(String) }],
        });
      }
      expect(await rowCounts(app.db)).toEqual(before);
    }
  });

  test("a blank name or no scopes are user errors and nothing is written", async () => {
    const before = await rowCounts(app.db);
    const res = await app.post(CREATE, { name: "  ", scopes: [] }, admin.token);
    expect(res.json.data.createApiKey.userErrors.map((e: { code: string; field: string[] }) => [e.field, e.code]))
      .toEqual([[["name"], "REQUIRED"], [["scopes"], "REQUIRED"]]);
    expect(await rowCounts(app.db)).toEqual(before);
  });

  test("the secret is returned once; the row keeps only its hash and lookup prefix", async () => {
    const { secret, apiKey } = await createKey();
    expect(secret).toMatch(/^kith_[A-Za-z0-9_-]{40}$/);
    expect(apiKey).toMatchObject({ prefix: secret.slice(5, 15), scopes: ["READ_PUBLIC", "READ_FUNDS"], revokedAt: null, lastUsedAt: null });
    const [row] = await app.db.query("SELECT row_to_json(k)::text AS json, secret_hash FROM api_key k WHERE prefix = $1", [apiKey.prefix]);
    expect(row.secret_hash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(row.json).not.toContain(secret.slice(15));
    const everything = await app.post(`query($id: ID!) { apiKeys(first: 100) { nodes { id name prefix scopes } } node(id: $id) { id ... on ApiKey { name } } }`, { id: apiKey.id }, admin.token);
    expect(everything.text).not.toContain(secret.slice(15));
    const audits = JSON.stringify(await app.db.query("SELECT * FROM audit_event"));
    expect(audits).not.toContain(secret.slice(15));
  });

  test("writes one apiKey.create audit event by the admin, in the request that made it", async () => {
    const { apiKey, requestId } = await createKey("Audited partner", ["READ_IMPACT"]);
    const rawId = (await app.db.query("SELECT id FROM api_key WHERE prefix = $1", [apiKey.prefix]))[0].id;
    expect(await auditOf(rawId)).toEqual([{
      action: "apiKey.create", actor_user_id: admin.id, request_id: requestId,
      changes: { name: { before: null, after: "Audited partner" }, scopes: { before: null, after: ["read:impact"] } },
    }]);
  });

  test("the key and its audit event are written together: if the audit write fails, no key exists", async () => {
    const before = await rowCounts(app.db);
    await app.db.query("ALTER TABLE audit_event RENAME TO audit_event_gone");
    try {
      const res = await app.post(CREATE, { name: "Doomed", scopes: ["READ_PUBLIC"] }, admin.token);
      expect(res.json.errors[0].extensions.code).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      await app.db.query("ALTER TABLE audit_event_gone RENAME TO audit_event");
    }
    expect(await rowCounts(app.db)).toEqual(before);
  });
});

describe("using", () => {
  test("the key authenticates as PARTNER with exactly its scopes", async () => {
    const { secret } = await createKey("Scoped", ["READ_ORGANISATIONS", "WRITE_ORGANISATIONS"]);
    const viewer = await authenticate(app.db, "unused-for-keys", `Bearer ${secret}`);
    expect(viewer.userId).toBeNull();
    expect([...viewer.roles]).toEqual([Role.PARTNER]);
    expect([...viewer.scopes!].sort()).toEqual(["read:organisations", "write:organisations"]);
  });

  test("a request with the key is accepted, and is not ADMIN", async () => {
    const { secret } = await createKey();
    const res = await app.post(`{ places(first: 1) { totalCount } }`, {}, secret);
    expect(res.status).toBe(200);
    expect(withoutCost(res.json)).toEqual({ data: { places: { totalCount: 7 } } });
    const admin = await app.post(`{ apiKeys { totalCount } }`, {}, secret);
    expect(admin.json.errors[0]).toMatchObject({ message: "Query.apiKeys is not open to API keys.", extensions: { code: "FORBIDDEN" } });
  });

  test("lastUsedAt is set when the key is used", async () => {
    const { secret, apiKey } = await createKey();
    const lastUsed = async () => (await app.ok(LIST, {}, admin.token)).apiKeys.nodes.find((k: { id: string }) => k.id === apiKey.id).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const started = Date.now();
    await app.post("{ viewer { id } }", {}, secret);
    expect(Date.parse(await lastUsed())).toBeGreaterThanOrEqual(started - 5000);
  });
});

describe("revoking", () => {
  test("a revoked key is refused with 401, and the revocation is audited", async () => {
    const { secret, apiKey } = await createKey();
    expect((await app.post("{ viewer { id } }", {}, secret)).status).toBe(200);
    const res = await app.post(REVOKE, { id: apiKey.id }, admin.token);
    expect(res.json.data.revokeApiKey).toEqual({ apiKey: { id: apiKey.id, revokedAt: expect.any(String) }, userErrors: [] });
    const refused = await app.post("{ viewer { id } }", {}, secret);
    expect(refused.status).toBe(401);
    expect(refused.json.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const rawId = (await app.db.query("SELECT id FROM api_key WHERE prefix = $1", [apiKey.prefix]))[0].id;
    const actions = (await auditOf(rawId)).map((e: { action: string; request_id: string }) => [e.action, e.request_id]);
    expect(actions).toEqual([["apiKey.create", expect.any(String)], ["apiKey.revoke", res.headers.get("x-request-id")]]);
  });

  test("revoking twice is ALREADY_REVOKED; an unknown key is NOT_FOUND", async () => {
    const { apiKey } = await createKey();
    await app.post(REVOKE, { id: apiKey.id }, admin.token);
    expect((await app.post(REVOKE, { id: apiKey.id }, admin.token)).json.data.revokeApiKey.userErrors).toEqual([{ field: ["id"], code: "ALREADY_REVOKED" }]);
    const unknown = toGlobalId("ApiKey", "00000000-0000-4000-8000-000000000000");
    expect((await app.post(REVOKE, { id: unknown }, admin.token)).json.data.revokeApiKey.userErrors).toEqual([{ field: ["id"], code: "NOT_FOUND" }]);
  });

  test("anyone but ADMIN gets NOT_ALLOWED, and the key keeps working", async () => {
    const { secret, apiKey } = await createKey();
    const before = await rowCounts(app.db);
    for (const as of [analystToken, undefined]) {
      expect((await app.post(REVOKE, { id: apiKey.id }, as)).json.data.revokeApiKey).toEqual({ apiKey: null, userErrors: [{ field: null, code: "NOT_ALLOWED" }] });
    }
    expect((await app.post(REVOKE, { id: apiKey.id }, secret)).json.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(await rowCounts(app.db)).toEqual(before);
    expect((await app.post("{ viewer { id } }", {}, secret)).status).toBe(200);
  });

  test("if the audit write fails the key is not revoked", async () => {
    const { secret, apiKey } = await createKey();
    await app.db.query("ALTER TABLE audit_event RENAME TO audit_event_gone");
    try {
      expect((await app.post(REVOKE, { id: apiKey.id }, admin.token)).json.errors[0].extensions.code).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      await app.db.query("ALTER TABLE audit_event_gone RENAME TO audit_event");
    }
    expect((await app.post("{ viewer { id } }", {}, secret)).status).toBe(200);
  });
});

describe("listing", () => {
  test("apiKeys lists every key for ADMIN, newest first", async () => {
    const { apiKey } = await createKey("Newest");
    const { apiKeys } = await app.ok(LIST, {}, admin.token);
    const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM api_key");
    expect(apiKeys.totalCount).toBe(n);
    expect(apiKeys.nodes[0]).toMatchObject({ id: apiKey.id, name: "Newest" });
  });

  test("apiKeys is FORBIDDEN to anyone else (UNAUTHENTICATED when nobody signed in)", async () => {
    const partner = (await createKey()).secret;
    for (const as of [analystToken, partner, undefined]) {
      const res = await app.post(LIST, {}, as);
      // A key is refused before execution (no data at all); people once it runs (data null).
      expect(res.json.data ?? null).toBeNull();
      expect(res.json.errors[0].extensions.code).toBe(as ? "FORBIDDEN" : "UNAUTHENTICATED");
    }
  });
});
