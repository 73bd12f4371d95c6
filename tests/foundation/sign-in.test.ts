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

describe("after five failures for one email", () => {
  const attempt = async (email: string, password: string) => (await app.ok(SIGN_IN, { email, password })).signIn;

  test("further attempts get TOO_MANY_ATTEMPTS, even with the right password, and no token", async () => {
    const user = await makeUser(app.db, { email: "cy@example.test" });
    for (let i = 0; i < 5; i++) expect((await attempt(user.email, `guess-${i}`)).userErrors[0].code).toBe("INVALID_CREDENTIALS");
    const locked = await attempt(user.email, TEST_PASSWORD);
    expect(locked).toEqual({ token: null, viewer: null, userErrors: [{ field: null, code: "TOO_MANY_ATTEMPTS", message: expect.stringMatching(/Try again in \d+ seconds/) }] });
  });

  test("an unknown email is locked the same way, so the answer does not tell who has an account", async () => {
    for (let i = 0; i < 5; i++) await attempt("ghost@example.test", `guess-${i}`);
    expect((await attempt("ghost@example.test", "guess")).userErrors[0].code).toBe("TOO_MANY_ATTEMPTS");
  });

  test("other emails are not affected", async () => {
    for (let i = 0; i < 5; i++) await attempt("dee@example.test", `guess-${i}`);
    const other = await makeUser(app.db, { email: "eve@example.test" });
    expect((await attempt(other.email, TEST_PASSWORD)).token).toEqual(expect.any(String));
  });
});
