// Webhooks end to end on a receiver on localhost: events from the outbox reach a healthy receiver exactly once, signed;
// a failing one is retried with backoff until DEAD, then redelivered on request; the log is the partner's own; a slow
// receiver never holds up the API; URLs that are not https or point at private addresses are refused.
import { createHmac } from "node:crypto";
import { createServer, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { createLogger } from "../../src/log";
import { deliverDue } from "../../src/events/event-worker";
import { deliverWebhooksDue, WEBHOOK, webhookFanOut } from "../../src/modules/partners/webhooks/webhook-delivery";
import { webhookUrlProblem } from "../../src/modules/partners/webhooks/webhook-urls";
import { Role } from "../../src/auth/roles";
import { seedDemoCatalogue } from "../../src/modules/impact/catalogue.seed";

type Received = { headers: Record<string, string | string[] | undefined>; body: string };
let app: TestApp;
let adminToken: string;
let receiver: Server;
let base: string;
const received: Record<string, Received[]> = {};
const behaviour: Record<string, { status: number; delayMs?: number }> = {};
const log = createLogger("silent");

beforeAll(async () => {
  app = await startTestApp();
  adminToken = await app.signIn((await makeUser(app.db, { roles: [Role.ADMIN] })).email, TEST_PASSWORD);
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const path = req.url ?? "/";
      (received[path] ??= []).push({ headers: req.headers, body });
      const b = behaviour[path] ?? { status: 204 };
      setTimeout(() => { res.statusCode = b.status; res.end(); }, b.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
  await app.close();
});

const SUBSCRIBE = `mutation($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { secret subscription { id url eventTypes } userErrors { field code message } } }`;
const DELIVERIES = `{ webhookDeliveries(first: 50) { nodes { id eventType status attempts lastStatusCode lastError } } }`;

async function partnerKey(name: string, scopes: string[]) {
  const p = (await app.post(`mutation($n: String!) { createPartner(input: { name: $n }) { partner { id } } }`, { n: name }, adminToken)).json.data.createPartner.partner;
  const k = (await app.post(`mutation($p: ID!, $s: [ApiScope!]!) { createPartnerKey(input: { partnerId: $p, name: "hooks", scopes: $s }) { secret } }`,
    { p: p.id, s: scopes }, adminToken)).json.data.createPartnerKey;
  return { partnerId: p.id as string, key: k.secret as string };
}

async function subscribe(key: string, path: string, eventTypes = ["ORGANISATION_CREATED"]) {
  const r = (await app.post(SUBSCRIBE, { input: { url: `${base}${path}`, eventTypes } }, key)).json.data.subscribeWebhook;
  expect(r.userErrors).toEqual([]);
  return r as { secret: string; subscription: { id: string } };
}

const createOrganisation = (name: string) => app.post(`mutation($n: String!) { createOrganisation(input: { name: $n, legalForm: CIO }) { organisation { id } userErrors { code } } }`, { n: name }, adminToken);

/** What the workers do in the background: outbox to deliveries, then deliveries to receivers. */
async function drain() {
  while (await deliverDue(app.db, webhookFanOut, log)) { /* until the outbox is empty */ }
  return deliverWebhooksDue(app.db, log, "test");
}

test("a healthy receiver gets each event exactly once, signed with the subscription's secret and a timestamp", async () => {
  const { key } = await partnerKey("Healthy receiver", ["READ_ORGANISATIONS"]);
  const { secret } = await subscribe(key, "/healthy");
  const org = (await createOrganisation("Webhook Watched CIC")).json.data.createOrganisation.organisation;
  await drain();
  await drain();
  expect(received["/healthy"]).toHaveLength(1);
  const [{ headers, body }] = received["/healthy"];
  const event = JSON.parse(body);
  expect(event).toMatchObject({ type: "organisation.created", subject: { type: "Organisation", id: org.id }, data: { name: "Webhook Watched CIC" } });
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(headers[WEBHOOK.signatureHeader] as string)!;
  expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
  expect(v1).toBe(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  const log = (await app.post(DELIVERIES, {}, key)).json.data.webhookDeliveries.nodes;
  expect(log).toEqual([expect.objectContaining({ eventType: "organisation.created", status: "DELIVERED", attempts: 1, lastStatusCode: 204 })]);
});

test("a verified measurement reaches a receiver subscribed to measurement.verified with read:impact, without its figures", async () => {
  await app.db.transaction((m) => seedDemoCatalogue(m));
  const { key } = await partnerKey("Impact watcher", ["READ_IMPACT"]);
  await subscribe(key, "/impact", ["MEASUREMENT_VERIFIED"]);
  const org = (await createOrganisation("Verified Impact CIC")).json.data.createOrganisation.organisation;
  const recorded = (await app.post(`mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { measurement { id } userErrors { code } } }`,
    { input: { organisationId: org.id, metricCode: "MEALS_PROVIDED", periodStart: "2024-01-01", periodEnd: "2024-03-31", quantity: 640 } }, adminToken)).json.data.recordMeasurement;
  expect(recorded.userErrors).toEqual([]);
  await drain();
  expect(received["/impact"]).toBeUndefined(); // recorded is not verified: nothing for this subscription yet
  const verified = (await app.post(`mutation($input: VerifyMeasurementInput!) { verifyMeasurement(input: $input) { userErrors { code } } }`,
    { input: { measurementId: recorded.measurement.id, expectedVersion: 1 } }, adminToken)).json.data.verifyMeasurement;
  expect(verified.userErrors).toEqual([]);
  await drain();
  expect(received["/impact"]).toHaveLength(1);
  const event = JSON.parse(received["/impact"][0].body);
  expect(event).toMatchObject({
    type: "measurement.verified", subject: { type: "ImpactMeasurement", id: recorded.measurement.id },
    data: { metricCode: "MEALS_PROVIDED", periodStart: "2024-01-01", periodEnd: "2024-03-31", version: 2 },
  });
  expect(JSON.stringify(event.data)).not.toContain("640");
});

test("a failing receiver is retried with exponential backoff until DEAD, and a redelivery reaches it once it is back", async () => {
  const { key } = await partnerKey("Failing receiver", ["READ_ORGANISATIONS"]);
  await subscribe(key, "/failing");
  const other = await partnerKey("Someone else", ["READ_ORGANISATIONS"]);
  behaviour["/failing"] = { status: 500 };
  await createOrganisation("Retried Bakery CIC");
  await drain();
  const row = async () => (await app.db.query(
    `SELECT d.id, d.status, d.attempts, d.last_status_code, extract(epoch FROM d.next_attempt_at - now())::int AS wait
       FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id WHERE s.url = $1`, [`${base}/failing`]))[0];
  expect(await row()).toMatchObject({ status: "PENDING", attempts: 1, last_status_code: 500 });
  expect((await row()).wait).toBeGreaterThanOrEqual(8);
  const makeDue = async () => app.db.query(`UPDATE webhook_delivery d SET next_attempt_at = now() FROM webhook_subscription s WHERE s.id = d.subscription_id AND s.url = $1`, [`${base}/failing`]);
  await makeDue();
  await drain();
  const second = await row();
  expect(second).toMatchObject({ status: "PENDING", attempts: 2 });
  expect(second.wait).toBeGreaterThanOrEqual(18);
  for (let i = 3; i <= WEBHOOK.maxAttempts; i++) {
    await makeDue();
    await drain();
  }
  expect(await row()).toMatchObject({ status: "DEAD", attempts: WEBHOOK.maxAttempts });
  expect(received["/failing"]).toHaveLength(WEBHOOK.maxAttempts);

  const { id } = await row();
  const deliveryId = (await app.post(DELIVERIES, {}, key)).json.data.webhookDeliveries.nodes[0].id;
  expect((await app.post(DELIVERIES, {}, other.key)).json.data.webhookDeliveries.nodes).toEqual([]);
  const REDELIVER = `mutation($id: ID!) { redeliverWebhook(input: { deliveryId: $id }) { delivery { status attempts } userErrors { code } } }`;
  expect((await app.post(REDELIVER, { id: deliveryId }, other.key)).json.data.redeliverWebhook.userErrors).toEqual([{ code: "NOT_ALLOWED" }]);
  expect((await app.post(REDELIVER, { id: deliveryId }, key)).json.data.redeliverWebhook).toEqual({ delivery: { status: "PENDING", attempts: 0 }, userErrors: [] });
  behaviour["/failing"] = { status: 200 };
  await drain();
  expect((await app.db.query("SELECT status FROM webhook_delivery WHERE id = $1", [id]))[0].status).toBe("DELIVERED");
});

test("a slow receiver never holds up the API: deliveries run outside requests, and time out", async () => {
  const { key } = await partnerKey("Slow receiver", ["READ_ORGANISATIONS"]);
  await subscribe(key, "/slow");
  behaviour["/slow"] = { status: 200, delayMs: WEBHOOK.timeoutMs + 1000 };
  await createOrganisation("Slowly Watched CIC");
  while (await deliverDue(app.db, webhookFanOut, log)) { /* fan out */ }
  const delivering = deliverWebhooksDue(app.db, log, "test");
  const started = Date.now();
  const res = await createOrganisation("Not Held Up CIC");
  expect(res.json.data.createOrganisation.userErrors).toEqual([]);
  expect(Date.now() - started).toBeLessThan(1500);
  await delivering;
  const [row] = await app.db.query(`SELECT d.status, d.last_error FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
    WHERE s.url = $1 ORDER BY d.id LIMIT 1`, [`${base}/slow`]);
  expect(row).toEqual({ status: "PENDING", last_error: `The receiver did not answer within ${WEBHOOK.timeoutMs} ms.` });
}, 20_000);

test("URLs that are not https or point at private addresses are refused, and keys subscribe only to events they may read", async () => {
  const { key } = await partnerKey("Careless partner", ["READ_ORGANISATIONS"]);
  const bad = async (url: string, eventTypes = ["ORGANISATION_CREATED"]) =>
    (await app.post(SUBSCRIBE, { input: { url, eventTypes } }, key)).json.data.subscribeWebhook.userErrors.map((e: { code: string }) => e.code);
  expect(await bad("http://partner.example/hook")).toEqual(["INVALID_URL"]);
  expect(await bad("https://10.1.2.3/hook")).toEqual(["INVALID_URL"]);
  expect(await bad("https://192.168.0.7/hook")).toEqual(["INVALID_URL"]);
  expect(await bad("not a url")).toEqual(["INVALID_URL"]);
  expect(await bad("https://partner.example/hook", ["AGREEMENT_ACTIVATED"])).toEqual(["MISSING_SCOPE"]);
  expect(webhookUrlProblem("http://127.0.0.1:9999/hook", "production")).toMatch(/https/);
  expect(webhookUrlProblem("https://127.0.0.1/hook", "production")).toMatch(/public address/);
  expect(webhookUrlProblem("https://partner.example/hook", "production")).toBeNull();
  expect(await app.db.query("SELECT count(*)::int AS n FROM webhook_subscription WHERE url LIKE '%partner.example%' OR url LIKE '%10.1.2.3%'")).toEqual([{ n: 0 }]);
});
