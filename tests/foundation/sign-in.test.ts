// Sign-in and the viewer over real HTTP, against this file's own database.
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { Role } from "../../src/auth/roles";

const SIGN_IN = `mutation SignIn($email: String!, $password: String!) {
  signIn(input: { email: $email, password: $password }) { token viewer { id email roles } userErrors { field code message } }
}`;

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

test("signIn returns a token whose viewer is the user who signed in", async () => {
  await makeUser(app.db, { email: "ada@example.test", roles: [Role.ADMIN] });
  const res = await app.http("/graphql", { body: { query: SIGN_IN, variables: { email: "ADA@example.test", password: TEST_PASSWORD } } });
  expect(res.status).toBe(200);
  const { token, viewer, userErrors } = res.json.data.signIn;
  expect(userErrors).toEqual([]);
  expect(viewer).toMatchObject({ email: "ada@example.test", roles: ["ADMIN"] });
  const me = await app.http("/graphql", { body: { query: "{ viewer { id email } }" }, headers: { authorization: `Bearer ${token}` } });
  expect(me.json.data.viewer).toEqual({ id: viewer.id, email: "ada@example.test" });
});

test("a wrong password and an unknown email get the same user error", async () => {
  await makeUser(app.db, { email: "bo@example.test" });
  const wrong = await app.ok(SIGN_IN, { email: "bo@example.test", password: "nope" });
  const unknown = await app.ok(SIGN_IN, { email: "nobody@example.test", password: "nope" });
  expect(wrong.signIn.token).toBeNull();
  expect(wrong.signIn.userErrors).toEqual(unknown.signIn.userErrors);
  expect(wrong.signIn.userErrors[0].code).toBe("INVALID_CREDENTIALS");
});
