// Idempotency keys for partner writes: kept in PostgreSQL (a restart or another process replays them), shared by a
// partner's keys (a retry after rotation replays), honoured for 48 hours, then free again and swept by the worker.
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { Role } from "../../src/auth/roles";
import { IDEMPOTENCY_KEY_HOURS, sweepExpiredIdempotencyKeys } from "../../src/db/idempotency";
import { openDataSource } from "../../src/db/data-source";
import { allModules, createKith } from "../../src/app";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/log";

const CREATE_PARTNER = `mutation($name: String!) { createPartner(input: { name: $name }) { partner { id } } }`;
const ISSUE = `mutation($partnerId: ID!) { createPartnerKey(input: { partnerId: $partnerId, name: "sync", scopes: [WRITE_ORGANISATIONS] }) { secret apiKey { id } } }`;
const ROTATE = `mutation($id: ID!) { rotatePartnerKey(input: { apiKeyId: $id }) { secret } }`;
const CREATE_ORG = `mutation($name: String!, $key: String) { createOrganisation(input: { name: $name, legalForm: CIO, idempotencyKey: $key }) {
  organisation { id name } userErrors { field code } } }`;

let app: TestApp;
let adminToken: string;
beforeAll(async () => {
  app = await startTestApp();
  adminToken = await app.signIn((await makeUser(app.db, { roles: [Role.ADMIN] })).email, TEST_PASSWORD);
});
afterAll(async () => { await app.close(); });

async function partnerKey(name: string): Promise<{ secret: string; keyId: string }> {
  const partnerId = (await app.post(CREATE_PARTNER, { name }, adminToken)).json.data.createPartner.partner.id;
  const issued = (await app.post(ISSUE, { partnerId }, adminToken)).json.data.createPartnerKey;
  return { secret: issued.secret, keyId: issued.apiKey.id };
}

const create = async (secret: string, name: string, key: string | null) => (await app.post(CREATE_ORG, { name, key }, secret)).json.data.createOrganisation;
const countNamed = async (name: string) => Number((await app.db.query("SELECT count(*) AS n FROM organisation WHERE name = $1", [name]))[0].n);
/** Ages every stored key of the operation, as if the first request had come `hours` ago. */
const age = (key: string, hours: number) =>
  app.db.query("UPDATE idempotency_key SET created_at = now() - make_interval(hours => $2) WHERE key = $1", [key, hours]);

test("a replayed createOrganisation returns the first organisation; other input under the key is refused; nothing is added", async () => {
  const { secret } = await partnerKey("Replaying CRM");
  const first = await create(secret, "Replay Bakery CIC", "sync-1");
  expect(first.userErrors).toEqual([]);
  const again = await create(secret, "Replay Bakery CIC", "sync-1");
  expect(again).toEqual(first);
  expect(await countNamed("Replay Bakery CIC")).toBe(1);
  const other = await create(secret, "Another Bakery CIC", "sync-1");
  expect(other).toEqual({ organisation: null, userErrors: [{ field: ["idempotencyKey"], code: "IDEMPOTENCY_KEY_REUSED" }] });
  expect(await countNamed("Another Bakery CIC")).toBe(0);
  // Without a key every call registers one more, as before.
  await create(secret, "Keyless Co-op", null);
  await create(secret, "Keyless Co-op", null);
  expect(await countNamed("Keyless Co-op")).toBe(2);
});

test("the key is stored in PostgreSQL under the partner, so a successor key after rotation replays it too", async () => {
  const { secret, keyId } = await partnerKey("Rotating CRM");
  const first = await create(secret, "Rotation Mill CLT", "sync-rot");
  const rows = await app.db.query("SELECT scope, result_ref FROM idempotency_key WHERE key = 'sync-rot'");
  expect(rows).toHaveLength(1);
  expect(rows[0].scope).toMatch(/^organisations\.create:partner:/);
  const successor = (await app.post(ROTATE, { id: keyId }, adminToken)).json.data.rotatePartnerKey.secret;
  expect(await create(successor, "Rotation Mill CLT", "sync-rot")).toEqual(first);
  expect(await countNamed("Rotation Mill CLT")).toBe(1);
  // Another partner's identical key is its own.
  const stranger = await partnerKey("Unrelated CRM");
  expect((await create(stranger.secret, "Rotation Mill CLT", "sync-rot")).organisation.id).not.toBe(first.organisation.id);
});

test(`a key replays for ${IDEMPOTENCY_KEY_HOURS} hours; after that the request runs anew, and the worker's sweep deletes expired keys`, async () => {
  expect(IDEMPOTENCY_KEY_HOURS).toBeGreaterThanOrEqual(24);
  const { secret } = await partnerKey("Nightly CRM");
  const first = await create(secret, "Nightly Forge CIC", "night-1");
  await age("night-1", IDEMPOTENCY_KEY_HOURS - 1);
  expect(await create(secret, "Nightly Forge CIC", "night-1")).toEqual(first);
  expect(await countNamed("Nightly Forge CIC")).toBe(1);

  await age("night-1", IDEMPOTENCY_KEY_HOURS + 1);
  const anew = await create(secret, "Nightly Forge CIC", "night-1");
  expect(anew.userErrors).toEqual([]);
  expect(anew.organisation.id).not.toBe(first.organisation.id);
  expect(await countNamed("Nightly Forge CIC")).toBe(2);
  // Claimed afresh: it now replays the new organisation, and binds the new input.
  expect(await create(secret, "Nightly Forge CIC", "night-1")).toEqual(anew);

  const other = await create(secret, "Swept Wharf CIC", "night-2");
  await age("night-2", IDEMPOTENCY_KEY_HOURS + 1);
  expect(await sweepExpiredIdempotencyKeys(app.db)).toBeGreaterThanOrEqual(1);
  const left = (await app.db.query("SELECT key FROM idempotency_key WHERE key IN ('night-1', 'night-2')")).map((r: { key: string }) => r.key);
  expect(left).toEqual(["night-1"]);
  expect((await create(secret, "Swept Wharf CIC", "night-2")).organisation.id).not.toBe(other.organisation.id);
});

const onPostgres = process.env.DATABASE_URL ? test : test.skip;
onPostgres("after a restart (a new server process over the same database) the key still replays", async () => {
  const { secret } = await partnerKey("Restarting CRM");
  const first = await create(secret, "Restart Laundry CIC", "before-restart");
  const log = createLogger("silent");
  const db = await openDataSource({ url: (app.db.options as { url: string }).url, modules: allModules, log, embedded: false, statementTimeoutMs: 30000 });
  const restarted = await createKith(db, loadConfig({ NODE_ENV: "test", KITH_TOKEN_SECRET: "x".repeat(40), KITH_WORKERS: "false", KITH_DATA_DIR: "/tmp/kith-test-unused" }), log);
  try {
    const port = await restarted.listen(0);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: CREATE_ORG, variables: { name: "Restart Laundry CIC", key: "before-restart" } }),
    });
    expect(((await res.json()) as { data: { createOrganisation: unknown } }).data.createOrganisation).toEqual(first);
    expect(await countNamed("Restart Laundry CIC")).toBe(1);
  } finally {
    await restarted.stop();
  }
});
