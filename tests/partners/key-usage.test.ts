// ADMIN sees each key's use: operations sent and their summed query cost, and when it was last used. Counted in each
// process and added to one row per key in batches (never a row per request).
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { Role } from "../../src/auth/roles";
import { fromGlobalId } from "../../src/graphql/ids";

const keyOf = (id: string) => fromGlobalId(id)!.key;

const CREATE_PARTNER = `mutation($name: String!) { createPartner(input: { name: $name }) { partner { id } } }`;
const ISSUE = `mutation($partnerId: ID!, $name: String!) { createPartnerKey(input: { partnerId: $partnerId, name: $name, scopes: [READ_PUBLIC] }) { secret apiKey { id } } }`;
const USAGE = `{ apiKeys(first: 100) { nodes { id usage { requestCount queryCost lastUsedAt } } } }`;
const PARTNER_USAGE = `{ partners(first: 10) { nodes { name keys { name usage { requestCount queryCost } } } } }`;

let app: TestApp;
let adminToken: string;
beforeAll(async () => {
  app = await startTestApp();
  adminToken = await app.signIn((await makeUser(app.db, { roles: [Role.ADMIN] })).email, TEST_PASSWORD);
});
afterAll(async () => { await app.close(); });

async function issue(partnerId: string, name: string): Promise<{ secret: string; id: string }> {
  const k = (await app.post(ISSUE, { partnerId, name }, adminToken)).json.data.createPartnerKey;
  return { secret: k.secret, id: k.apiKey.id };
}

async function usageOf(id: string) {
  const r = await app.post(USAGE, {}, adminToken);
  return r.json.data.apiKeys.nodes.find((n: { id: string }) => n.id === id).usage;
}

test("each key's requests, summed query cost and last use are counted, refused operations included, in one row per key", async () => {
  const partnerId = (await app.post(CREATE_PARTNER, { name: "Counting council" }, adminToken)).json.data.createPartner.partner.id;
  const busy = await issue(partnerId, "busy");
  const idle = await issue(partnerId, "idle");
  const costs: number[] = [];
  for (const q of ["{ places(first: 5) { nodes { name } } }", "{ places(first: 50) { nodes { name code } } }", "{ currentPartner { name } }"]) {
    const r = await app.post(q, {}, busy.secret);
    expect(r.status).toBe(200);
    costs.push(r.json.extensions.cost);
  }
  // A key refused for want of a scope still used the API.
  const refused = await app.post("{ agreements(first: 1) { totalCount } }", {}, busy.secret);
  expect(refused.json.errors[0].extensions.code).toBe("FORBIDDEN");
  await app.kith.services.keyUsage.flush();

  const before = Date.now();
  const usage = await usageOf(busy.id);
  expect(usage).toMatchObject({ requestCount: 4 });
  expect(usage.queryCost).toBeGreaterThanOrEqual(costs.reduce((a, b) => a + b, 0));
  expect(Math.abs(Date.parse(usage.lastUsedAt) - before)).toBeLessThan(60_000);
  expect(await usageOf(idle.id)).toBeNull();

  // The next batch adds to the same row.
  const more = await app.post("{ places(first: 5) { nodes { name } } }", {}, busy.secret);
  await app.kith.services.keyUsage.flush();
  expect(await usageOf(busy.id)).toMatchObject({ requestCount: 5, queryCost: usage.queryCost + more.json.extensions.cost });
  const rows = await app.db.query("SELECT count(*)::int AS n FROM api_key_usage WHERE api_key_id = $1", [keyOf(busy.id)]);
  expect(rows[0].n).toBe(1);

  // People's requests are not counted as any key's.
  await app.post("{ places(first: 5) { nodes { name } } }", {}, adminToken);
  await app.kith.services.keyUsage.flush();
  expect((await usageOf(busy.id)).requestCount).toBe(5);

  const partners = (await app.post(PARTNER_USAGE, {}, adminToken)).json.data.partners.nodes;
  expect(partners.find((p: { name: string }) => p.name === "Counting council").keys).toEqual([
    { name: "busy", usage: { requestCount: 5, queryCost: usage.queryCost + more.json.extensions.cost } },
    { name: "idle", usage: null },
  ]);
});

test("counts wait in memory until flushed: a request adds no SQL write of its own", async () => {
  const partnerId = (await app.post(CREATE_PARTNER, { name: "Quiet CRM" }, adminToken)).json.data.createPartner.partner.id;
  const key = await issue(partnerId, "quiet");
  for (let i = 0; i < 5; i++) await app.post("{ places(first: 1) { nodes { name } } }", {}, key.secret);
  expect(await app.db.query("SELECT * FROM api_key_usage WHERE api_key_id = $1", [keyOf(key.id)])).toEqual([]);
  await app.kith.services.keyUsage.flush();
  expect((await usageOf(key.id)).requestCount).toBe(5);
});

test("only ADMIN reads a key's use", async () => {
  const viewer = await app.signIn((await makeUser(app.db)).email, TEST_PASSWORD);
  const r = await app.post(USAGE, {}, viewer);
  expect(r.json.errors[0].extensions.code).toBe("FORBIDDEN");
});
