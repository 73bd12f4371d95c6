// Members and contacts: who manages them, the last-owner rule, contact validation, audit (invitations: tests/accounts).
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { makeUser } from "../../../tests/support/factories";
import { makeOrganisation, viewerWith } from "../../../tests/support/organisation-factories";
import { toGlobalId } from "../../graphql/ids";
import { OrganisationRole } from "../../auth/roles";
import { raceTest } from "../../../tests/support/races";

const REMOVE = `mutation($input: RemoveMemberInput!) { removeOrganisationMember(input: $input) { membership { id } userErrors { field code } } }`;
const ADD_CONTACT = `mutation($input: AddContactInput!) { addOrganisationContact(input: $input) { contact { id name email phone } userErrors { field code } } }`;
const UPDATE_CONTACT = `mutation($input: UpdateContactInput!) { updateOrganisationContact(input: $input) { contact { name role email } userErrors { field code } } }`;
const REMOVE_CONTACT = `mutation($input: RemoveContactInput!) { removeOrganisationContact(input: $input) { contact { name } userErrors { field code } } }`;

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

async function orgWithOwner(name: string) {
  const org = await makeOrganisation(app.db, { name });
  const owner = await makeUser(app.db);
  const [m] = await app.db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, 'OWNER') RETURNING id", [owner.id, org.id]);
  return { org, id: toGlobalId("Organisation", org.id), owner: viewerWith({ userId: owner.id, memberships: [[org.id, OrganisationRole.OWNER]] }), ownerMembership: toGlobalId("Membership", m.id) };
}

test("the last owner can neither leave nor be removed", async () => {
  const { owner, ownerMembership } = await orgWithOwner("Crosby Community Hub");
  const r = await app.ok(REMOVE, { input: { membershipId: ownerMembership } }, owner);
  expect(r.removeOrganisationMember.userErrors).toEqual([{ field: ["membershipId"], code: "LAST_OWNER" }]);
});

test("a member may leave on their own; strangers cannot remove them", async () => {
  const { org } = await orgWithOwner("Seacombe Arts Studio");
  const member = await makeUser(app.db);
  const [m] = await app.db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, 'VIEWER') RETURNING id", [member.id, org.id]);
  const membershipId = toGlobalId("Membership", m.id);
  expect((await app.ok(REMOVE, { input: { membershipId } }, viewerWith({ userId: "00000000-0000-4000-8000-0000000000d2" }))).removeOrganisationMember.userErrors[0].code).toBe("NOT_FOUND");
  expect((await app.ok(REMOVE, { input: { membershipId } }, viewerWith({ userId: member.id, memberships: [[org.id, OrganisationRole.VIEWER]] }))).removeOrganisationMember.userErrors).toEqual([]);
  expect(await app.db.query("SELECT 1 FROM organisation_membership WHERE id = $1", [m.id])).toEqual([]);
});

test("editors manage contacts with checked emails and phones; viewers cannot", async () => {
  const { org, id } = await orgWithOwner("Earlestown Food Co-op");
  const editor = viewerWith({ userId: "00000000-0000-4000-8000-0000000000d3", memberships: [[org.id, OrganisationRole.EDITOR]] });
  const viewer = viewerWith({ userId: "00000000-0000-4000-8000-0000000000d4", memberships: [[org.id, OrganisationRole.VIEWER]] });
  const bad = await app.ok(ADD_CONTACT, { input: { organisationId: id, name: "", email: "not-an-email", phone: "call me" } }, editor);
  expect(bad.addOrganisationContact.userErrors.map((e: { code: string }) => e.code).sort()).toEqual(["INVALID_EMAIL", "INVALID_PHONE", "REQUIRED"]);
  expect((await app.ok(ADD_CONTACT, { input: { organisationId: id, name: "Val" } }, viewer)).addOrganisationContact.userErrors[0].code).toBe("NOT_ALLOWED");
  const added = await app.ok(ADD_CONTACT, { input: { organisationId: id, name: "Femi Okafor", email: "Femi@Example.org", phone: "+44 151 123 4567" } }, editor);
  expect(added.addOrganisationContact.contact).toMatchObject({ name: "Femi Okafor", email: "femi@example.org" });
  const contactId = added.addOrganisationContact.contact.id;
  const updated = await app.ok(UPDATE_CONTACT, { input: { contactId, role: "Chair", email: null } }, editor);
  expect(updated.updateOrganisationContact.contact).toEqual({ name: "Femi Okafor", role: "Chair", email: null });
  expect((await app.ok(REMOVE_CONTACT, { input: { contactId } }, viewer)).removeOrganisationContact.userErrors[0].code).toBe("NOT_FOUND");
  expect((await app.ok(REMOVE_CONTACT, { input: { contactId } }, editor)).removeOrganisationContact.userErrors).toEqual([]);
  const actions = await app.db.query("SELECT action FROM audit_event WHERE entity_type = 'Contact' ORDER BY id");
  expect(actions.map((a: { action: string }) => a.action)).toEqual(["organisation.addContact", "organisation.updateContact", "organisation.removeContact"]);
});

raceTest("a refused member or contact change answers at once while another connection holds the row (access first)", async () => {
  const { org, owner } = await orgWithOwner("Garston Tool Library");
  const [m] = await app.db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, 'VIEWER') RETURNING id",
    [(await makeUser(app.db)).id, org.id]);
  const added = await app.ok(ADD_CONTACT, { input: { organisationId: toGlobalId("Organisation", org.id), name: "Ada" } }, owner);
  const contactId = added.addOrganisationContact.contact.id;
  const stranger = viewerWith({ userId: "00000000-0000-4000-8000-0000000000d5" });
  const holder = app.db.createQueryRunner();
  await holder.connect();
  await holder.startTransaction();
  try {
    await holder.query("SELECT id FROM organisation_membership WHERE id = $1 FOR UPDATE", [m.id]);
    await holder.query("SELECT id FROM organisation_contact WHERE organisation_id = $1 FOR UPDATE", [org.id]);
    const blocked = new Promise((resolve) => setTimeout(() => resolve("blocked on a lock"), 5000).unref());
    const answers = await Promise.race([Promise.all([
      app.ok(REMOVE, { input: { membershipId: toGlobalId("Membership", m.id) } }, stranger),
      app.ok(UPDATE_CONTACT, { input: { contactId, name: "Ours" } }, stranger),
      app.ok(REMOVE_CONTACT, { input: { contactId } }, stranger),
    ]), blocked]);
    expect(answers).not.toBe("blocked on a lock");
    const [a, b, c] = answers as Record<string, { userErrors: { code: string }[] }>[];
    expect([a.removeOrganisationMember, b.updateOrganisationContact, c.removeOrganisationContact].map((r) => r.userErrors[0].code))
      .toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
  } finally {
    await holder.rollbackTransaction();
    await holder.release();
  }
}, 30_000);
