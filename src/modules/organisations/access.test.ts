// Each role sees exactly what it should: personal data (contacts, memberships, people's emails) and assessments.
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { makeUser } from "../../../tests/support/factories";
import { makeOrganisation, viewerWith } from "../../../tests/support/organisation-factories";
import { toGlobalId } from "../../graphql/ids";
import { ApiScope, OrganisationRole, Role } from "../../auth/roles";
import type { Viewer } from "../../auth/viewer";

const PROFILE = `query($id: ID!) { node(id: $id) { ... on Organisation {
  name stoStatus
  contacts { name email phone }
  memberships { role user { email displayName } }
  assessments { reasons }
} } }`;

let app: TestApp;
let orgId: string;
let otherOrgId: string;
let ownerId: string;

beforeAll(async () => {
  app = await startTestApp();
  const org = await makeOrganisation(app.db, { name: "Garston Food Co-op" });
  const other = await makeOrganisation(app.db, { name: "Wallasey Arts Studio" });
  orgId = org.id;
  otherOrgId = other.id;
  const owner = await makeUser(app.db, { email: "owner@garston.example", displayName: "Olu Owner" });
  ownerId = owner.id;
  await app.db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, 'OWNER')", [owner.id, org.id]);
  await app.db.query("INSERT INTO organisation_contact (organisation_id, name, email, phone) VALUES ($1, 'Cara Contact', 'cara@garston.example', '0151 123 4567')", [org.id]);
  await app.db.query(`INSERT INTO sto_assessment (organisation_id, trades_for_social_purpose, community_led, keeps_surplus_in_region,
    not_grant_only_charity, does_not_export_profit, outcome, reasons) VALUES ($1, true, true, true, true, true, 'ELIGIBLE', 'Trades food locally')`, [org.id]);
});
afterAll(async () => { await app.close(); });

async function profileAs(viewer: Viewer) {
  return (await app.ok(PROFILE, { id: toGlobalId("Organisation", orgId) }, viewer)).node;
}

const PERSONAL_VISIBLE = {
  contacts: [{ name: "Cara Contact", email: "cara@garston.example", phone: "0151 123 4567" }],
  memberships: [{ role: "OWNER", user: { email: "owner@garston.example", displayName: "Olu Owner" } }],
};
const PERSONAL_HIDDEN = { contacts: null, memberships: null };

test("anonymous visitors see the public profile but no personal data and no assessments", async () => {
  expect(await profileAs(viewerWith())).toMatchObject({ name: "Garston Food Co-op", ...PERSONAL_HIDDEN, assessments: null });
});

test("ADMIN sees personal data and assessments", async () => {
  expect(await profileAs(viewerWith({ userId: null, roles: [Role.ADMIN] }))).toMatchObject({ ...PERSONAL_VISIBLE, assessments: [{ reasons: "Trades food locally" }] });
});

test("ANALYST sees assessments but never personal data", async () => {
  const analyst = await makeUser(app.db, { roles: [Role.ANALYST] });
  expect(await profileAs(viewerWith({ userId: analyst.id, roles: [Role.ANALYST] }))).toMatchObject({ ...PERSONAL_HIDDEN, assessments: [{ reasons: "Trades food locally" }] });
});

test("PANEL_MEMBER sees assessments but not personal data", async () => {
  const panel = await makeUser(app.db, { roles: [Role.PANEL_MEMBER] });
  expect(await profileAs(viewerWith({ userId: panel.id, roles: [Role.PANEL_MEMBER] }))).toMatchObject({ ...PERSONAL_HIDDEN, assessments: [{ reasons: "Trades food locally" }] });
});

test("a PARTNER key, even with every scope, never sees personal data", async () => {
  const partner = viewerWith({ apiKeyId: "00000000-0000-4000-8000-000000000001", roles: [Role.PARTNER], scopes: Object.values(ApiScope) });
  expect(await profileAs(partner)).toMatchObject({ ...PERSONAL_HIDDEN, assessments: null });
});

test.each([OrganisationRole.OWNER, OrganisationRole.EDITOR, OrganisationRole.VIEWER])("a %s of the organisation sees its personal data", async (role) => {
  const member = await makeUser(app.db);
  expect(await profileAs(viewerWith({ userId: member.id, memberships: [[orgId, role]] }))).toMatchObject(PERSONAL_VISIBLE);
});

test("a member of another organisation sees none of this one's personal data", async () => {
  const stranger = await makeUser(app.db);
  expect(await profileAs(viewerWith({ userId: stranger.id, memberships: [[otherOrgId, OrganisationRole.OWNER]] }))).toMatchObject({ ...PERSONAL_HIDDEN, assessments: null });
});

test("the person sees their own email through their user, and a contact cannot be fetched by node(id) by outsiders", async () => {
  const me = await app.ok("{ viewer { email memberships { role organisation { name } } } }", {}, viewerWith({ userId: ownerId }));
  expect(me.viewer).toEqual({ email: "owner@garston.example", memberships: [{ role: "OWNER", organisation: { name: "Garston Food Co-op" } }] });
  const [contact] = await app.db.query("SELECT id FROM organisation_contact WHERE organisation_id = $1", [orgId]);
  const q = `query($id: ID!) { node(id: $id) { ... on Contact { email } } }`;
  expect((await app.ok(q, { id: toGlobalId("Contact", contact.id) }, viewerWith({ roles: [Role.ANALYST], userId: ownerId.replace(/.$/, "0") }))).node).toBeNull();
  expect((await app.ok(q, { id: toGlobalId("Contact", contact.id) }, viewerWith({ userId: ownerId, memberships: [[orgId, OrganisationRole.OWNER]] }))).node)
    .toEqual({ email: "cara@garston.example" });
});
