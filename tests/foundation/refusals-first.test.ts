// Refused mutations ask who is asking before they read, lock or compare anything (kit/records `allowedFirst`): someone
// who may not act on a record gets the same answer whether or not it exists (no NOT_FOUND, no WRONG_STATUS, no "now
// version 4"), and takes no lock on it. Checked for every mutation of that shape on applications and clusters, as an
// anonymous caller and as a member of an unrelated organisation, against another organisation's records.
import { randomUUID } from "node:crypto";
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { makeOrganisation } from "../support/organisation-factories";
import { raceTest } from "../support/races";
import { loadDemoData } from "../../src/demo/demo";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";
import { toGlobalId } from "../../src/graphql/ids";
import { Membership } from "../../src/auth/membership.entity";
import { OrganisationRole } from "../../src/auth/roles";
import { DEMO_PASSWORD, DEMO_USERS } from "../../src/demo/demo-accounts";

let app: TestApp;
let stranger: string;
let admin: string;
let application: { id: string; fundId: string; roundId: string };
let cluster: string;

beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
  const user = await makeUser(app.db);
  const theirs = await makeOrganisation(app.db);
  await app.db.getRepository(Membership).save({ userId: user.id, organisationId: theirs.id, role: OrganisationRole.OWNER });
  stranger = await app.signIn(user.email, TEST_PASSWORD);
  admin = await app.signIn(DEMO_USERS.admin.email, DEMO_PASSWORD);
  [application] = await app.db.query(
    "SELECT id, fund_id AS \"fundId\", round_id AS \"roundId\" FROM funding_application WHERE status IN ('SUBMITTED', 'IN_REVIEW') LIMIT 1");
  [{ id: cluster }] = await app.db.query("SELECT id FROM cluster LIMIT 1");
}, 120_000);
afterAll(async () => { await app.close(); });

/** Mutations on one record, by the record's global ID. Versions are wrong on purpose: a leak would say so. */
const MUTATIONS: Record<string, { type: string; key: () => string; mutation: (id: string) => string }> = {
  decideApplication: { type: "FundingApplication", key: () => application.id, mutation: (id) =>
    `decideApplication(input: { applicationId: "${id}", expectedVersion: 99, outcome: DECLINE, reasons: "No.", idempotencyKey: "k-${randomUUID()}" })` },
  recordPanelView: { type: "FundingApplication", key: () => application.id, mutation: (id) =>
    `recordPanelView(input: { applicationId: "${id}", stance: SUPPORT, comment: "Yes." })` },
  updateApplication: { type: "FundingApplication", key: () => application.id, mutation: (id) =>
    `updateApplication(input: { applicationId: "${id}", expectedVersion: 99, purpose: "More." })` },
  withdrawApplication: { type: "FundingApplication", key: () => application.id, mutation: (id) =>
    `withdrawApplication(input: { applicationId: "${id}", expectedVersion: 99 })` },
  updateCluster: { type: "Cluster", key: () => cluster, mutation: (id) => `updateCluster(input: { id: "${id}", expectedVersion: 99, name: "Ours now" })` },
  closeCluster: { type: "Cluster", key: () => cluster, mutation: (id) => `closeCluster(input: { id: "${id}", expectedVersion: 99 })` },
  recordGathering: { type: "Cluster", key: () => cluster, mutation: (id) =>
    `recordGathering(input: { clusterId: "${id}", topic: "Ours", startsAt: "2026-01-10T10:00:00Z" })` },
};

async function answer(name: string, id: string, token?: string): Promise<unknown> {
  const r = await app.run(`mutation { ${MUTATIONS[name].mutation(id)} { userErrors { field code message } } }`, {}, token);
  expect(r.errors).toBeUndefined();
  return Object.values(r.data!)[0];
}

test.each(Object.keys(MUTATIONS))("%s refuses anonymous callers and unrelated members alike, whether or not the record exists", async (name) => {
  const m = MUTATIONS[name];
  const existing = toGlobalId(m.type, m.key());
  const missing = toGlobalId(m.type, randomUUID());
  for (const token of [undefined, stranger]) {
    const [a, b] = [await answer(name, existing, token), await answer(name, missing, token)];
    expect(a).toEqual(b);
    expect(a).toEqual({ userErrors: [expect.objectContaining({ code: "NOT_ALLOWED", field: null })] });
  }
  // ADMIN may act on every record, so only ADMIN learns that one does not exist.
  expect(await answer(name, missing, admin)).toEqual({ userErrors: [expect.objectContaining({ code: "NOT_FOUND" })] });
});

raceTest("a refused decision takes no lock: it answers while another connection holds the fund and the application", async () => {
  const holder = app.db.createQueryRunner();
  await holder.connect();
  await holder.startTransaction();
  try {
    await holder.query("SELECT id FROM fund WHERE id = $1 FOR UPDATE", [application.fundId]);
    await holder.query("SELECT id FROM funding_application WHERE id = $1 FOR UPDATE", [application.id]);
    await holder.query("SELECT id FROM cluster WHERE id = $1 FOR UPDATE", [cluster]);
    const blocked = new Promise((resolve) => setTimeout(() => resolve("blocked on a lock"), 5000));
    for (const name of Object.keys(MUTATIONS)) {
      for (const token of [undefined, stranger]) {
        const id = toGlobalId(MUTATIONS[name].type, MUTATIONS[name].key());
        expect(await Promise.race([answer(name, id, token), blocked])).toEqual({ userErrors: [expect.objectContaining({ code: "NOT_ALLOWED" })] });
      }
    }
    // Only the holder's locks are on these rows: nobody else is waiting for them.
    const [{ waiting }] = await app.db.query("SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted");
    expect(waiting).toBe(0);
  } finally {
    await holder.rollbackTransaction();
    await holder.release();
  }
});
