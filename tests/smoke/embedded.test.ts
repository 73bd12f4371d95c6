// Smoke test that CI also runs on embedded PGlite: migrate, demo data, sign in over HTTP, ask who I am.
import { startTestApp, TestApp } from "../support/test-app";
import { loadDemoData } from "../../src/demo/demo";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";
import { DEMO_PASSWORD, DEMO_USERS } from "../../src/demo/demo-accounts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
});
afterAll(async () => { await app.close(); });

test("the demo sign-in works over HTTP and the token identifies its user", async () => {
  const signIn = await app.http("/graphql", {
    body: {
      query: `mutation SignIn($email: String!, $password: String!) {
        signIn(input: { email: $email, password: $password }) { token viewer { id email roles } userErrors { code } } }`,
      variables: { email: DEMO_USERS.owner.email, password: DEMO_PASSWORD },
    },
  });
  expect(signIn.json.data.signIn.userErrors).toEqual([]);
  const me = await app.http("/graphql", {
    body: { query: "{ viewer { email } }" },
    headers: { authorization: `Bearer ${signIn.json.data.signIn.token}` },
  });
  expect(me.json.data.viewer.email).toBe(DEMO_USERS.owner.email);
  expect((await app.http("/readyz")).status).toBe(200);
});
