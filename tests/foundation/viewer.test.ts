// `viewer` and personal data: a user sees themself, ADMIN sees everyone, nobody else sees a person's email or name.
import { startTestApp, TestApp, withoutCost } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { Role } from "../../src/auth/roles";
import { toGlobalId } from "../../src/graphql/ids";
import { ApiKeysService } from "../../src/auth/api-keys.service";
import { ApiScope } from "../../src/auth/roles";
import { ANONYMOUS } from "../../src/auth/viewer";
import { makeOrganisation } from "../support/organisation-factories";

const PERSON = `query($id: ID!) { node(id: $id) { ... on User { id email displayName roles memberships { role } } } }`;

let app: TestApp;
let person: { id: string; token: string };
let adminToken: string;
let analystToken: string;
let partnerKey: string;
beforeAll(async () => {
  app = await startTestApp();
  const p = await makeUser(app.db, { email: "pat@example.test", displayName: "Pat Person", roles: [Role.PANEL_MEMBER] });
  const org = await makeOrganisation(app.db, { name: "Pat's Pantry" });
  await app.db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, 'OWNER')", [p.id, org.id]);
  person = { id: toGlobalId("User", p.id), token: await app.signIn(p.email, TEST_PASSWORD) };
  adminToken = await app.signIn((await makeUser(app.db, { roles: [Role.ADMIN] })).email, TEST_PASSWORD);
  analystToken = await app.signIn((await makeUser(app.db, { roles: [Role.ANALYST] })).email, TEST_PASSWORD);
  partnerKey = (await app.db.transaction((m) =>
    ApiKeysService.insert(m, { viewer: ANONYMOUS, requestId: "test" }, "Partner", [ApiScope.READ_PUBLIC]))).secret;
});
afterAll(async () => { await app.close(); });

test("viewer is the signed-in user, with their own personal data", async () => {
  const res = await app.post("{ viewer { id email displayName roles memberships { role } } }", {}, person.token);
  expect(withoutCost(res.json)).toEqual({
    data: { viewer: { id: person.id, email: "pat@example.test", displayName: "Pat Person", roles: ["PANEL_MEMBER"], memberships: [{ role: "OWNER" }] } },
  });
});

test("viewer is null for anonymous requests and for a partner API key", async () => {
  expect(withoutCost((await app.post("{ viewer { id } }")).json)).toEqual({ data: { viewer: null } });
  const asPartner = await app.post("{ viewer { id } }", {}, partnerKey);
  expect(asPartner.status).toBe(200);
  expect(withoutCost(asPartner.json)).toEqual({ data: { viewer: null } });
});

test("ADMIN sees a person's email, name and memberships", async () => {
  const { node } = await app.ok(PERSON, { id: person.id }, adminToken);
  expect(node).toEqual({ id: person.id, email: "pat@example.test", displayName: "Pat Person", roles: ["PANEL_MEMBER"], memberships: [{ role: "OWNER" }] });
});

test("another user, a partner key and anonymous get nothing of the person", async () => {
  for (const as of [analystToken, partnerKey, undefined]) {
    const res = await app.post(PERSON, { id: person.id }, as);
    expect(withoutCost(res.json)).toEqual({ data: { node: null } });
    expect(res.text).not.toContain("pat@example.test");
    expect(res.text).not.toContain("Pat Person");
  }
});

test("the signIn payload shows the person their own data", async () => {
  const res = await app.post(`mutation { signIn(input: { email: "pat@example.test", password: "${TEST_PASSWORD}" }) { viewer { email displayName } } }`);
  expect(res.json.data.signIn.viewer).toEqual({ email: "pat@example.test", displayName: "Pat Person" });
});
