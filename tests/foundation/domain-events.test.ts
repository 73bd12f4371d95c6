// The outbox of domain events: written with the change or not at all, delivered to each handler exactly once by any
// number of workers, retried with backoff, and dead after too many failures.
import { audit } from "../../src/audit/audit";
import { ANONYMOUS } from "../../src/auth/viewer";
import { inTransaction, Rollback } from "../../src/db/transaction";
import { domainEvents, eventHandlers, EventHandler, StoredEvent } from "../../src/events/domain-events";
import { deliverDue, retryDelaySeconds } from "../../src/events/event-worker";
import { createLogger } from "../../src/log";
import { raceTest } from "../support/races";
import { startTestApp, TestApp } from "../support/test-app";
import { SYSTEM_ADMIN } from "../support/organisation-factories";

const log = createLogger("silent");
const actor = { viewer: ANONYMOUS, requestId: "events-test" };
const seen: StoredEvent[] = [];
let failing = false;
const recorder: EventHandler = {
  name: "test-recorder", types: ["test.happened", "organisation.created", "organisation.updated"], maxAttempts: 3,
  async handle(event) {
    if (failing) throw new Error("receiver down");
    seen.push(event);
  },
};
eventHandlers.install(recorder);

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });
beforeEach(async () => {
  seen.length = 0;
  failing = false;
  await app.db.query("DELETE FROM event_delivery");
});

const record = (subjectId: string) => inTransaction(app.db, (m) => domainEvents.record(m, actor, {
  type: "test.happened", subjectType: "Test", subjectId, data: { n: Number(subjectId) },
}));

test("an event and its deliveries are written with the change, and not at all when the change rolls back", async () => {
  const id = await record("1");
  const rolledBack = await inTransaction(app.db, async (m) => {
    await domainEvents.record(m, actor, { type: "test.happened", subjectType: "Test", subjectId: "2" });
    await audit.record(m, actor, { action: "test", entityType: "Test", entityId: "2" });
    throw new Rollback("refused");
  });
  expect(rolledBack).toBe("refused");
  expect(await app.db.query("SELECT subject_id FROM domain_event WHERE type = 'test.happened'")).toEqual([{ subject_id: "1" }]);
  expect(await app.db.query("SELECT handler, event_id::text AS event_id, status FROM event_delivery"))
    .toEqual([{ handler: "test-recorder", event_id: id, status: "PENDING" }]);
  expect(await deliverDue(app.db, recorder, log)).toBe(1);
  expect(seen.map((e) => [e.type, e.subjectId, e.data])).toEqual([["test.happened", "1", { n: 1 }]]);
  expect(await deliverDue(app.db, recorder, log)).toBe(0);
});

test("events are append-only: the database refuses edits and deletes", async () => {
  await record("3");
  await expect(app.db.query("UPDATE domain_event SET type = 'x'")).rejects.toThrow();
  await expect(app.db.query("DELETE FROM domain_event")).rejects.toThrow();
});

test("a failing handler is retried later with growing delays, then the delivery is DEAD, never dropped silently", async () => {
  const id = await record("4");
  failing = true;
  expect(await deliverDue(app.db, recorder, log)).toBe(1);
  const [first] = await app.db.query(
    "SELECT status, attempts, last_error, next_attempt_at > now() + interval '5 seconds' AS later FROM event_delivery WHERE event_id = $1", [id]);
  expect(first).toEqual({ status: "PENDING", attempts: 1, last_error: "receiver down", later: true });
  expect(await deliverDue(app.db, recorder, log)).toBe(0);
  for (let attempt = 2; attempt <= 3; attempt++) {
    await app.db.query("UPDATE event_delivery SET next_attempt_at = now() WHERE event_id = $1", [id]);
    expect(await deliverDue(app.db, recorder, log)).toBe(1);
  }
  const [last] = await app.db.query("SELECT status, attempts FROM event_delivery WHERE event_id = $1", [id]);
  expect(last).toEqual({ status: "DEAD", attempts: 3 });
  expect(seen).toEqual([]);
  expect([1, 2, 3, 10].map(retryDelaySeconds)).toEqual([10, 20, 40, 3600]);
});

test("creating and changing an organisation records organisation events; a refused change records none", async () => {
  const created = await app.ok(`mutation { createOrganisation(input: { name: "Evented Co-op", legalForm: CO_OPERATIVE_SOCIETY }) {
    organisation { id version } userErrors { code } } }`, {}, SYSTEM_ADMIN);
  const { id } = created.createOrganisation.organisation;
  const stale = await app.ok(`mutation($id: ID!) { updateOrganisation(input: { id: $id, expectedVersion: 99, name: "Nope" }) {
    userErrors { code } } }`, { id }, SYSTEM_ADMIN);
  expect(stale.updateOrganisation.userErrors[0].code).toBe("STALE_VERSION");
  await app.ok(`mutation($id: ID!) { updateOrganisation(input: { id: $id, expectedVersion: 1, name: "Evented Co-operative" }) {
    userErrors { code } } }`, { id }, SYSTEM_ADMIN);
  while (await deliverDue(app.db, recorder, log)) { /* drain */ }
  expect(seen.map((e) => [e.type, e.data.version, e.data.name]))
    .toEqual([["organisation.created", 1, "Evented Co-op"], ["organisation.updated", 2, "Evented Co-operative"]]);
});

raceTest("four workers draining 200 events at once deliver each exactly once", async () => {
  for (let i = 0; i < 200; i++) await record(String(1000 + i));
  const workers = Array.from({ length: 4 }, async () => {
    let handled = 0;
    for (let n; (n = await deliverDue(app.db, recorder, log, 7)) > 0;) handled += n;
    return handled;
  });
  const handled = await Promise.all(workers);
  expect(handled.reduce((a, b) => a + b, 0)).toBe(200);
  expect(handled.filter((n) => n > 0).length).toBeGreaterThan(1);
  expect(new Set(seen.map((e) => e.id)).size).toBe(200);
  expect(seen).toHaveLength(200);
  const [{ pending }] = await app.db.query("SELECT count(*)::int AS pending FROM event_delivery WHERE status <> 'DONE'");
  expect(pending).toBe(0);
});
