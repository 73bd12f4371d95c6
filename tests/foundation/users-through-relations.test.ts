// A user named on a record (an assessor, a panel member, who moved a case) shows only what the reader may see of that
// user: roles and when the account was made belong to the person and ADMIN, as node(id:) does; name and email to the
// person, ADMIN and fellow members. The rule is the User type's, so every relation returning a user inherits it (the
// access matrix checks every such relation for every principal; this test names the ones the hostile run found).
import { startTestApp, TestApp } from "../support/test-app";
import { loadDemoData } from "../../src/demo/demo";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";
import { DEMO_PASSWORD, DEMO_USERS } from "../../src/demo/demo-accounts";

interface SeenUser { id: string; roles: string[] | null; createdAt: string | null; email: string | null }

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
}, 120_000);
afterAll(async () => { await app.close(); });

const USER = "id roles createdAt email";
const READ = `{
  viewer { id }
  organisations(first: 100) { nodes { assessments { assessedBy { ${USER} } } } }
  applications(first: 100) { nodes { panelViews { member { ${USER} } } } }
}`;

async function usersSeenBy(who: keyof typeof DEMO_USERS): Promise<{ me: string; seen: SeenUser[] }> {
  const data = await app.ok(READ, {}, await app.signIn(DEMO_USERS[who].email, DEMO_PASSWORD));
  const seen: SeenUser[] = [
    ...data.organisations.nodes.flatMap((o: { assessments: { assessedBy: SeenUser | null }[] | null }) => (o.assessments ?? []).map((a) => a.assessedBy)),
    ...data.applications.nodes.flatMap((a: { panelViews: { member: SeenUser | null }[] | null }) => (a.panelViews ?? []).map((v) => v.member)),
  ].filter((u): u is SeenUser => u !== null);
  return { me: data.viewer.id, seen };
}

test("a panel member reading assessors and fellow panel members sees no one else's roles, account age or email", async () => {
  const { me, seen } = await usersSeenBy("panel");
  const others = seen.filter((u) => u.id !== me);
  expect(others.length).toBeGreaterThan(0);
  for (const u of others) expect({ roles: u.roles, createdAt: u.createdAt, email: u.email }).toEqual({ roles: null, createdAt: null, email: null });
  // Their own account, named on their own views, shows them everything.
  for (const u of seen.filter((x) => x.id === me)) expect(u.roles).toEqual(["PANEL_MEMBER"]);
});

test("ADMIN reading the same records sees every account in full", async () => {
  const { seen } = await usersSeenBy("admin");
  expect(seen.length).toBeGreaterThan(0);
  for (const u of seen) {
    expect(Array.isArray(u.roles)).toBe(true);
    expect(u.createdAt).not.toBeNull();
    expect(u.email).not.toBeNull();
  }
});
