// The webhook delivery log keeps every attempt (the answer, how long it took, why it failed, when the next try is due),
// readable by ADMIN and the partner: a receiver on localhost fails, is unreachable, then recovers.
import { createServer, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { createLogger } from "../../src/log";
import { deliverDue } from "../../src/events/event-worker";
import { deliverWebhooksDue, webhookFanOut } from "../../src/modules/partners/webhooks/webhook-delivery";
import { Role } from "../../src/auth/roles";

let app: TestApp;
let adminToken: string;
let receiver: Server;
let base: string;
let answer = 503;
const log = createLogger("silent");

beforeAll(async () => {
  app = await startTestApp();
  adminToken = await app.signIn((await makeUser(app.db, { roles: [Role.ADMIN] })).email, TEST_PASSWORD);
  receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => { res.statusCode = answer; res.end(); });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
  await app.close();
});

const LOG = `query($first: Int) { webhookDeliveries(first: $first) { nodes { status attempts lastStatusCode
  attemptLog(first: 10) { totalCount nodes { attempt attemptedAt statusCode durationMs errorClass error nextAttemptAt } } } } }`;

async function partnerKey(name: string): Promise<string> {
  const p = (await app.post(`mutation($n: String!) { createPartner(input: { name: $n }) { partner { id } } }`, { n: name }, adminToken)).json.data.createPartner.partner;
  return (await app.post(`mutation($p: ID!) { createPartnerKey(input: { partnerId: $p, name: "hooks", scopes: [READ_ORGANISATIONS] }) { secret } }`,
    { p: p.id }, adminToken)).json.data.createPartnerKey.secret;
}

async function subscribe(key: string, url: string): Promise<void> {
  const r = (await app.post(`mutation($url: String!) { subscribeWebhook(input: { url: $url, eventTypes: [ORGANISATION_CREATED] }) { userErrors { code } } }`,
    { url }, key)).json.data.subscribeWebhook;
  expect(r.userErrors).toEqual([]);
}

/** The workers' work, with every pending delivery made due now (retries would otherwise wait 10 s, 20 s ...). */
async function drainNow(): Promise<void> {
  while (await deliverDue(app.db, webhookFanOut, log)) { /* until the outbox is empty */ }
  await app.db.query("UPDATE webhook_delivery SET next_attempt_at = now() WHERE status = 'PENDING'");
  await deliverWebhooksDue(app.db, log, "test");
}

test("every attempt is kept: a failing receiver's 503s with their next retry, then the healthy answer; the partner and ADMIN read them", async () => {
  const key = await partnerKey("Flaky receiver Ltd");
  await subscribe(key, `${base}/hook`);
  await app.post(`mutation { createOrganisation(input: { name: "Attempted Bakery CIC", legalForm: CIO }) { userErrors { code } } }`, {}, adminToken);
  answer = 503;
  await drainNow();
  await drainNow();
  answer = 204;
  await drainNow();

  const mine = (await app.post(LOG, { first: 10 }, key)).json.data.webhookDeliveries.nodes;
  expect(mine).toHaveLength(1);
  const [delivery] = mine;
  expect(delivery).toMatchObject({ status: "DELIVERED", attempts: 3, lastStatusCode: 204, attemptLog: { totalCount: 3 } });
  const attempts = delivery.attemptLog.nodes;
  expect(attempts.map((a: { attempt: number }) => a.attempt)).toEqual([3, 2, 1]);
  expect(attempts[0]).toMatchObject({ statusCode: 204, errorClass: null, error: null, nextAttemptAt: null });
  for (const failed of attempts.slice(1)) {
    expect(failed).toMatchObject({ statusCode: 503, errorClass: "HTTP_STATUS", error: "The receiver answered 503." });
    expect(Date.parse(failed.nextAttemptAt)).toBeGreaterThan(Date.parse(failed.attemptedAt));
  }
  for (const a of attempts) expect(a.durationMs).toBeGreaterThanOrEqual(0);

  const asAdmin = (await app.post(LOG, { first: 50 }, adminToken)).json.data.webhookDeliveries.nodes;
  expect(asAdmin).toContainEqual(delivery);
  // Another partner sees none of it.
  expect((await app.post(LOG, { first: 10 }, await partnerKey("Unrelated receiver"))).json.data.webhookDeliveries.nodes).toEqual([]);
});

test("an unreachable receiver's attempts say so, with no status code; the log costs the same SQL for one delivery or many", async () => {
  const key = await partnerKey("Gone away Ltd");
  // A port nothing listens on: bind one, note it, close it.
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  await subscribe(key, `http://127.0.0.1:${port}/hook`);
  for (const n of [1, 2, 3]) {
    await app.post(`mutation($n: String!) { createOrganisation(input: { name: $n, legalForm: CIO }) { userErrors { code } } }`, { n: `Unreached ${n} CIC` }, adminToken);
  }
  await drainNow();
  const nodes = (await app.post(LOG, { first: 10 }, key)).json.data.webhookDeliveries.nodes;
  expect(nodes).toHaveLength(3);
  for (const d of nodes) {
    expect(d).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null });
    expect(d.attemptLog.nodes).toEqual([expect.objectContaining({ attempt: 1, statusCode: null, errorClass: "UNREACHABLE", error: "The receiver could not be reached." })]);
  }
  const one = await app.run(LOG, { first: 1 }, key);
  const three = await app.run(LOG, { first: 3 }, key);
  expect(three.errors).toBeUndefined();
  expect(three.sql).toBe(one.sql);
});
