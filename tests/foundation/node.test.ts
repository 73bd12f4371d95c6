// node(id:) and nodes(ids:): refetch by global ID with each type's access rule; malformed or mistyped IDs are BAD_USER_INPUT.
import { randomUUID } from "node:crypto";
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { Role } from "../../src/auth/roles";
import { toGlobalId } from "../../src/graphql/ids";

const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Place { name code } ... on User { email } } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Place { name } } }`;

let app: TestApp;
let liverpool: string;
let wirral: string;
beforeAll(async () => {
  app = await startTestApp();
  const rows: { id: string; code: string }[] = await app.db.query("SELECT id, code FROM place WHERE code IN ('E08000012', 'E08000015')");
  liverpool = toGlobalId("Place", rows.find((r) => r.code === "E08000012")!.id);
  wirral = toGlobalId("Place", rows.find((r) => r.code === "E08000015")!.id);
});
afterAll(async () => { await app.close(); });

async function refused(query: string, variables: Record<string, unknown>, token?: string): Promise<string> {
  const r = await app.run(query, variables, token);
  expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  return r.errors![0].message;
}

describe("refetching", () => {
  test("a Place resolves by its id through node(id:)", async () => {
    const { node } = await app.ok(NODE, { id: liverpool });
    expect(node).toEqual({ __typename: "Place", id: liverpool, name: "Liverpool", code: "E08000012" });
  });

  test("nodes(ids:) keeps the order asked and gives null for a well-formed id of a missing row", async () => {
    const missing = toGlobalId("Place", randomUUID());
    const { nodes } = await app.ok(NODES, { ids: [wirral, missing, liverpool, wirral] });
    expect(nodes.map((n: { name: string } | null) => n?.name ?? null)).toEqual(["Wirral", null, "Liverpool", "Wirral"]);
  });

  test("a User is refetchable by the person and ADMIN, and null for another non-admin user", async () => {
    const person = await makeUser(app.db, { email: "person@example.test" });
    const other = await makeUser(app.db, { roles: [Role.ANALYST] });
    const admin = await makeUser(app.db, { roles: [Role.ADMIN] });
    const id = toGlobalId("User", person.id);
    const as = async (email: string) => (await app.ok(NODE, { id }, await app.signIn(email, TEST_PASSWORD))).node;
    expect(await as(person.email)).toEqual({ __typename: "User", id, email: "person@example.test" });
    expect(await as(admin.email)).toEqual({ __typename: "User", id, email: "person@example.test" });
    expect(await as(other.email)).toBeNull();
    expect((await app.ok(NODE, { id })).node).toBeNull();
  });

  test("API keys and audit events are null through node(id:) for anyone but ADMIN", async () => {
    const user = await makeUser(app.db);
    const token = await app.signIn(user.email, TEST_PASSWORD);
    const [key] = await app.db.query("INSERT INTO api_key (name, prefix, secret_hash, scopes) VALUES ('k', 'p', 'h', '{read:public}') RETURNING id");
    const [event] = await app.db.query("INSERT INTO audit_event (action, entity_type, entity_id, changes, request_id) VALUES ('x', 'Place', '1', '{}', 'r') RETURNING id");
    const { nodes } = await app.ok(NODES, { ids: [toGlobalId("ApiKey", key.id), toGlobalId("AuditEvent", event.id)] }, token);
    expect(nodes).toEqual([null, null]);
  });
});

describe("IDs that are not IDs are BAD_USER_INPUT", () => {
  const b64 = (s: string) => Buffer.from(s).toString("base64url");
  const uuid = "6f1c1a3e-8d2b-4c55-9a51-0c3f4f0f9b1a";
  const cases: [string, string][] = [
    ["garbage", "garbage!"],
    ["empty", ""],
    ["too long", "A".repeat(500)],
    ["no type name", b64(uuid)],
    ["a lower-case type name", b64(`place:${uuid}`)],
    ["a key of the wrong shape for its type", b64("Place:12345")],
    ["a uuid for a bigint-keyed type", b64(`AuditEvent:${uuid}`)],
    ["the right shape but a type that is not a Node", b64(`PageInfo:${uuid}`)],
  ];

  test.each(cases)("node(id:) with %s", async (_, id) => {
    expect(await refused(NODE, { id })).toMatch(/not a valid ID/);
  });

  test.each(cases)("nodes(ids:) with %s among good ids", async (_, id) => {
    expect(await refused(NODES, { ids: [liverpool, id] })).toMatch(/not a valid ID/);
  });

  test("more than 100 ids at once", async () => {
    expect(await refused(NODES, { ids: Array(101).fill(liverpool) })).toMatch(/at most 100/);
    expect((await app.ok(NODES, { ids: Array(100).fill(liverpool) })).nodes).toHaveLength(100);
  });

  test("an ID of another type where an argument wants a Place, a User or an API key", async () => {
    const user = toGlobalId("User", uuid);
    expect(await refused("query($p: ID!) { places(filter: { parentId: $p }) { totalCount } }", { p: user })).toMatch(/a Place's ID/);
    const admin = await makeUser(app.db, { roles: [Role.ADMIN] });
    const token = await app.signIn(admin.email, TEST_PASSWORD);
    expect(await refused("query($a: ID!) { auditEvents(filter: { actorId: $a }) { totalCount } }", { a: liverpool }, token))
      .toMatch(/a User's ID/);
    const revoke = await app.ok(`mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id } userErrors { field code } } }`,
      { id: liverpool }, token);
    expect(revoke.revokeApiKey).toEqual({ apiKey: null, userErrors: [{ field: ["id"], code: "INVALID_ID" }] });
  });
});
