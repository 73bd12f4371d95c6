// Account rules that two requests at once must not break: one active ADMIN remains, an invitation is accepted once.
import { startTestApp, TestApp } from "../support/test-app";
import { raceTest } from "../support/races";
import { makeUser } from "../support/factories";
import { makeOrganisation } from "../support/organisation-factories";
import { Role } from "../../src/auth/roles";
import { StaffService } from "../../src/modules/accounts/staff.service";
import { InvitationsService } from "../../src/modules/accounts/invitations.service";
import { OrganisationRole } from "../../src/auth/roles";
import type { Viewer } from "../../src/auth/viewer";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

const as = (viewer: Viewer) => ({ viewer, requestId: "race" });
const adminViewer = (userId: string): Viewer => ({ userId, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null });

raceTest("two admins removing each other's ADMIN role at once leave one active ADMIN", async () => {
  await app.db.query("UPDATE app_user SET roles = '{}'");
  const [a, b] = await Promise.all([makeUser(app.db, { roles: [Role.ADMIN] }), makeUser(app.db, { roles: [Role.ADMIN] })]);
  const staff = new StaffService(app.kith.services);
  const results = await Promise.all([
    staff.setRole(as(adminViewer(a.id)), b.id, Role.ADMIN, false, "race"),
    staff.setRole(as(adminViewer(b.id)), a.id, Role.ADMIN, false, "race"),
  ]);
  expect(results.filter((r) => "errors" in r).map((r) => ("errors" in r ? r.errors[0].code : null))).toEqual(["LAST_ADMIN"]);
  const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM app_user WHERE 'ADMIN' = ANY(roles) AND disabled_at IS NULL");
  expect(n).toBe(1);
});

raceTest("an invitation accepted twice at once makes one membership and refuses the other", async () => {
  const org = await makeOrganisation(app.db);
  const admin = await makeUser(app.db, { roles: [Role.ADMIN] });
  const invitations = new InvitationsService(app.kith.services);
  const invited = await invitations.invite(as(adminViewer(admin.id)), null, org.id, "twice@example.org", OrganisationRole.VIEWER);
  expect("invitation" in invited).toBe(true);
  const [row] = await app.db.query("SELECT body FROM outbound_email WHERE recipient = 'twice@example.org'");
  const token = decodeURIComponent(/token=(\S+)/.exec(row.body)![1]);
  const [x, y] = await Promise.all([makeUser(app.db), makeUser(app.db)]);
  const person = (id: string): Viewer => ({ userId: id, apiKeyId: null, roles: new Set(), memberships: new Map(), scopes: null });
  const results = await Promise.all([invitations.accept(as(person(x.id)), token), invitations.accept(as(person(y.id)), token)]);
  expect(results.filter((r) => "membership" in r)).toHaveLength(1);
  const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM organisation_membership WHERE organisation_id = $1", [org.id]);
  expect(n).toBe(1);
});
