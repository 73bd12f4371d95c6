// Partners and their keys over HTTP: ADMIN registers partners and issues, rotates and revokes keys (a successor works
// before the old key is revoked); what a partner created stays its own across keys; owners link organisations to it.
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { makeOrganisation } from "../support/organisation-factories";
import { Membership } from "../../src/auth/membership.entity";
import { OrganisationRole, Role } from "../../src/auth/roles";
import { toGlobalId } from "../../src/graphql/ids";

const CREATE_PARTNER = `mutation($name: String!) { createPartner(input: { name: $name }) { partner { id name } userErrors { field code } } }`;
const ISSUE = `mutation($partnerId: ID!, $scopes: [ApiScope!]!) { createPartnerKey(input: { partnerId: $partnerId, name: "CRM sync", scopes: $scopes }) {
  secret apiKey { id scopes partner { name } } userErrors { field code } } }`;
const ROTATE = `mutation($id: ID!) { rotatePartnerKey(input: { apiKeyId: $id }) { secret apiKey { id name scopes } previous { id revokedAt } userErrors { field code } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { userErrors { code } } }`;
const CREATE_ORG = `mutation($name: String!) { createOrganisation(input: { name: $name, legalForm: CIO }) { organisation { id version } userErrors { code } } }`;
const UPDATE_ORG = `mutation($id: ID!, $v: Int!, $d: String!) { updateOrganisation(input: { id: $id, expectedVersion: $v, description: $d }) {
  organisation { version description } userErrors { code } } }`;
const LINK = (op: string) => `mutation($o: ID!, $p: ID!) { ${op}(input: { organisationId: $o, partnerId: $p }) { organisation { id } partner { name } userErrors { field code } } }`;

let app: TestApp;
let adminToken: string;
beforeAll(async () => {
  app = await startTestApp();
  adminToken = await app.signIn((await makeUser(app.db, { roles: [Role.ADMIN] })).email, TEST_PASSWORD);
});
afterAll(async () => { await app.close(); });

async function partnerWithKey(name: string, scopes = ["READ_ORGANISATIONS", "WRITE_ORGANISATIONS"]) {
  const p = (await app.post(CREATE_PARTNER, { name }, adminToken)).json.data.createPartner;
  expect(p.userErrors).toEqual([]);
  const k = (await app.post(ISSUE, { partnerId: p.partner.id, scopes }, adminToken)).json.data.createPartnerKey;
  expect(k.userErrors).toEqual([]);
  return { partnerId: p.partner.id as string, key: k.secret as string, keyId: k.apiKey.id as string };
}

test("only ADMIN registers partners and issues their keys; people get NOT_ALLOWED and keys are refused before anything runs", async () => {
  const owner = await app.signIn((await makeUser(app.db)).email, TEST_PASSWORD);
  expect((await app.post(CREATE_PARTNER, { name: "Sneaky" }, owner)).json.data.createPartner.userErrors).toEqual([{ field: null, code: "NOT_ALLOWED" }]);
  const { key, partnerId } = await partnerWithKey("Merseyside CRM");
  const byKey = await app.post(ISSUE, { partnerId, scopes: ["READ_FUNDS"] }, key);
  expect(byKey.json.errors[0]).toMatchObject({ message: "Mutation.createPartnerKey is not open to API keys.", extensions: { code: "FORBIDDEN" } });
  expect((await app.post(CREATE_PARTNER, { name: "merseyside crm" }, adminToken)).json.data.createPartner.userErrors).toEqual([{ field: ["name"], code: "NAME_TAKEN" }]);
  const me = await app.post("{ currentPartner { name keys { scopes } } }", {}, key);
  expect(me.json.data.currentPartner).toEqual({ name: "Merseyside CRM", keys: [{ scopes: ["READ_ORGANISATIONS", "WRITE_ORGANISATIONS"] }] });
});

test("rotation: the successor works at once, the old key until it is revoked, and what the partner created stays its own", async () => {
  const { key: oldKey, keyId } = await partnerWithKey("Council grants system");
  const created = (await app.post(CREATE_ORG, { name: "Rotated Bakery CIC" }, oldKey)).json.data.createOrganisation.organisation;
  const rotated = (await app.post(ROTATE, { id: keyId }, adminToken)).json.data.rotatePartnerKey;
  expect(rotated).toMatchObject({ apiKey: { name: "CRM sync", scopes: ["READ_ORGANISATIONS", "WRITE_ORGANISATIONS"] }, previous: { id: keyId, revokedAt: null }, userErrors: [] });
  const newKey = rotated.secret as string;
  const byNew = await app.post(UPDATE_ORG, { id: created.id, v: 1, d: "Changed with the new key" }, newKey);
  expect(byNew.json.data.updateOrganisation).toEqual({ organisation: { version: 2, description: "Changed with the new key" }, userErrors: [] });
  const byOld = await app.post(UPDATE_ORG, { id: created.id, v: 2, d: "Still works with the old key" }, oldKey);
  expect(byOld.json.data.updateOrganisation.userErrors).toEqual([]);
  expect((await app.post(REVOKE, { id: keyId }, adminToken)).json.data.revokeApiKey.userErrors).toEqual([]);
  expect((await app.post("{ currentPartner { name } }", {}, oldKey)).status).toBe(401);
  expect((await app.post("{ currentPartner { name } }", {}, newKey)).json.data.currentPartner).toEqual({ name: "Council grants system" });
  expect((await app.post(ROTATE, { id: keyId }, adminToken)).json.data.rotatePartnerKey.userErrors).toEqual([{ field: ["apiKeyId"], code: "ALREADY_REVOKED" }]);
});

test("an owner links their organisation to a partner, whose keys may then change it, until unlinked; nobody else may link it", async () => {
  const { key, partnerId } = await partnerWithKey("Regional network sync");
  const org = await makeOrganisation(app.db, { name: "Linked Laundry Co-op" });
  const orgId = toGlobalId("Organisation", org.id);
  const ownerUser = await makeUser(app.db);
  await app.db.getRepository(Membership).insert({ userId: ownerUser.id, organisationId: org.id, role: OrganisationRole.OWNER });
  const owner = await app.signIn(ownerUser.email, TEST_PASSWORD);
  const stranger = await app.signIn((await makeUser(app.db)).email, TEST_PASSWORD);
  const update = (v: number) => app.post(UPDATE_ORG, { id: orgId, v, d: "From the partner" }, key);

  expect((await update(1)).json.data.updateOrganisation.userErrors).toEqual([{ code: "NOT_ALLOWED" }]);
  expect((await app.post(LINK("linkOrganisationToPartner"), { o: orgId, p: partnerId }, stranger)).json.data.linkOrganisationToPartner.userErrors)
    .toEqual([{ field: null, code: "NOT_ALLOWED" }]);
  const linked = (await app.post(LINK("linkOrganisationToPartner"), { o: orgId, p: partnerId }, owner)).json.data.linkOrganisationToPartner;
  expect(linked).toEqual({ organisation: { id: orgId }, partner: { name: "Regional network sync" }, userErrors: [] });
  expect((await update(1)).json.data.updateOrganisation.userErrors).toEqual([]);
  expect((await app.post(LINK("unlinkOrganisationFromPartner"), { o: orgId, p: partnerId }, owner)).json.data.unlinkOrganisationFromPartner.userErrors).toEqual([]);
  expect((await update(2)).json.data.updateOrganisation.userErrors).toEqual([{ code: "NOT_ALLOWED" }]);
  const audit = await app.db.query("SELECT action FROM audit_event WHERE entity_type = 'Organisation' AND entity_id = $1 ORDER BY id", [org.id]);
  expect(audit.map((a: { action: string }) => a.action)).toEqual(["organisation.create", "organisation.linkPartner", "organisation.update", "organisation.unlinkPartner"]);
});

test("a partner key with every scope never sees personal data", async () => {
  const { key } = await partnerWithKey("Everything partner", ["READ_PUBLIC", "READ_ORGANISATIONS", "READ_FUNDS", "READ_IMPACT", "WRITE_ORGANISATIONS"]);
  const org = await makeOrganisation(app.db, { name: "Private People CIC" });
  const ownerUser = await makeUser(app.db, { email: "private.person@example.org" });
  await app.db.getRepository(Membership).insert({ userId: ownerUser.id, organisationId: org.id, role: OrganisationRole.OWNER });
  const res = await app.post(`query($id: ID!) { node(id: $id) { ... on Organisation { name memberships { role } contacts { email } } } viewer { id } }`,
    { id: toGlobalId("Organisation", org.id) }, key);
  expect(res.json.data).toEqual({ node: { name: "Private People CIC", memberships: null, contacts: null }, viewer: null });
  expect(res.text).not.toContain("private.person@example.org");
});
