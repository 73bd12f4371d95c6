// Audit events: ADMIN-only listing with filters, newest first, paged; the database refuses edits and deletes.
import { randomUUID } from "node:crypto";
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { Role, ApiScope } from "../../src/auth/roles";
import { audit } from "../../src/audit/audit";
import { toGlobalId } from "../../src/graphql/ids";
import { ANONYMOUS, Viewer } from "../../src/auth/viewer";
import { ApiKeysService } from "../../src/auth/api-keys.service";

const EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { id action entityType entityId occurredAt requestId changes actor { id email } actorApiKeyId }
    pageInfo { hasNextPage endCursor }
  }
}`;

let app: TestApp;
let adminToken: string;
let analystToken: string;
let partnerKey: string;
let partnerKeyId: string;
const place = randomUUID();
const organisation = randomUUID();
let ursula: string;
let viktor: string;

const userViewer = (userId: string): Viewer => ({ ...ANONYMOUS, userId });

async function record(viewer: Viewer, action: string, entityType: string, entityId: string, after: Record<string, unknown>) {
  await app.db.transaction((m) => audit.record(m, { viewer, requestId: `req-${action}` }, { action, entityType, entityId, after }));
}

beforeAll(async () => {
  app = await startTestApp();
  const admin = await makeUser(app.db, { roles: [Role.ADMIN] });
  adminToken = await app.signIn(admin.email, TEST_PASSWORD);
  analystToken = await app.signIn((await makeUser(app.db, { roles: [Role.ANALYST] })).email, TEST_PASSWORD);
  ursula = (await makeUser(app.db, { email: "ursula@example.test" })).id;
  viktor = (await makeUser(app.db, { email: "viktor@example.test" })).id;
  const created = await app.db.transaction((m) =>
    ApiKeysService.insert(m, { viewer: userViewer(admin.id), requestId: "setup" }, "Partner", [ApiScope.READ_PUBLIC]));
  partnerKey = created.secret;
  partnerKeyId = created.apiKey.id;
  await record(userViewer(ursula), "place.update", "Place", place, { name: "Anfield" });
  await record(userViewer(viktor), "organisation.create", "Organisation", organisation, { name: "Kindred CIC" });
  await record(userViewer(ursula), "place.update", "Place", place, { name: "Anfield North" });
  await record({ ...ANONYMOUS, apiKeyId: partnerKeyId }, "organisation.update", "Organisation", organisation, { name: "Kindred" });
  await record(userViewer(viktor), "place.update", "Place", randomUUID(), { name: "Everton" });
});
afterAll(async () => { await app.close(); });

const list = async (filter?: Record<string, unknown>, first = 100) => (await app.ok(EVENTS, { filter, first }, adminToken)).auditEvents;
const idsWhere = async (where: string, params: unknown[] = []) =>
  (await app.db.query(`SELECT id FROM audit_event WHERE ${where} ORDER BY id DESC`, params)).map((r: { id: number }) => toGlobalId("AuditEvent", r.id));

test("auditEvents is FORBIDDEN to anyone but ADMIN (UNAUTHENTICATED when nobody signed in)", async () => {
  for (const as of [analystToken, partnerKey, undefined]) {
    const res = await app.post(EVENTS, {}, as);
    // A key is refused before execution (no data at all); people once it runs (data null).
    expect(res.json.data ?? null).toBeNull();
    expect(res.json.errors[0].extensions.code).toBe(as ? "FORBIDDEN" : "UNAUTHENTICATED");
  }
});

test("lists every event newest first, with actor, entity and changes", async () => {
  const events = await list();
  expect(events.nodes.map((e: { id: string }) => e.id)).toEqual(await idsWhere("true"));
  expect(events.totalCount).toBe(events.nodes.length);
  const times = events.nodes.map((e: { occurredAt: string }) => Date.parse(e.occurredAt));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  const byPartner = events.nodes.find((e: { action: string }) => e.action === "organisation.update");
  expect(byPartner).toMatchObject({
    entityType: "Organisation", entityId: toGlobalId("Organisation", organisation), actor: null,
    actorApiKeyId: toGlobalId("ApiKey", partnerKeyId), requestId: "req-organisation.update",
    changes: { name: { before: null, after: "Kindred" } },
  });
  const byUrsula = events.nodes.find((e: { changes: { name: { after: string } } }) => e.changes.name.after === "Anfield North");
  expect(byUrsula.actor).toEqual({ id: toGlobalId("User", ursula), email: "ursula@example.test" });
});

test.each([
  ["entityType", () => ({ entityType: "Place" }), () => idsWhere("entity_type = 'Place'")],
  ["entityId", () => ({ entityId: toGlobalId("Place", place) }), () => idsWhere("entity_type = 'Place' AND entity_id = $1", [place])],
  ["action", () => ({ action: "place.update" }), () => idsWhere("action = 'place.update'")],
  ["actorId", () => ({ actorId: toGlobalId("User", viktor) }), () => idsWhere("actor_user_id = $1", [viktor])],
  ["several at once", () => ({ entityType: "Organisation", action: "organisation.update" }),
    () => idsWhere("entity_type = 'Organisation' AND action = 'organisation.update'")],
])("filters by %s", async (_, filter, expected) => {
  const events = await list(filter());
  const want = await expected();
  expect(want.length).toBeGreaterThan(0);
  expect(events.nodes.map((e: { id: string }) => e.id)).toEqual(want);
  expect(events.totalCount).toBe(want.length);
});

test("filters by time: from is inclusive, to is exclusive", async () => {
  const all = (await list()).nodes;
  const pivot = all[2].occurredAt;
  const from = (await list({ from: pivot })).nodes.map((e: { occurredAt: string }) => e.occurredAt);
  const to = (await list({ to: pivot })).nodes.map((e: { occurredAt: string }) => e.occurredAt);
  expect(from.every((t: string) => t >= pivot)).toBe(true);
  expect(to.every((t: string) => t < pivot)).toBe(true);
  expect(from.length + to.length).toBe(all.length);
});

test("first/after pages through every event once", async () => {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } =
      (await app.ok(EVENTS, { first: 2, after }, adminToken)).auditEvents;
    seen.push(...page.nodes.map((e) => e.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(seen).toEqual(await idsWhere("true"));
});

test("a filter ID that is not an ID, or not a user's, is BAD_USER_INPUT", async () => {
  for (const filter of [{ entityId: "nonsense" }, { actorId: toGlobalId("Place", place) }]) {
    const r = await app.run(EVENTS, { filter }, adminToken);
    expect(r.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  }
});

describe("the database keeps audit events append-only", () => {
  test.each([
    ["UPDATE", "UPDATE audit_event SET action = 'tampered'"],
    ["DELETE", "DELETE FROM audit_event"],
    ["TRUNCATE", "TRUNCATE audit_event"],
  ])("%s is refused", async (_, sql) => {
    const before = await app.db.query("SELECT * FROM audit_event ORDER BY id");
    await expect(app.db.query(sql)).rejects.toThrow(/audit events cannot be changed/);
    expect(await app.db.query("SELECT * FROM audit_event ORDER BY id")).toEqual(before);
  });
});
