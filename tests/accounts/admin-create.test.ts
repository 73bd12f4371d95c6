// `npm run admin:create` makes the first ADMIN of a fresh deployment with a one-time link to choose the password.
import { startTestApp, TestApp } from "../support/test-app";
import { createAdmin } from "../../src/modules/accounts/first-admin";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

const RESET = `mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, newPassword: $password }) { userErrors { code } } }`;
const tokenOf = (link: string) => decodeURIComponent(new URL(link).searchParams.get("token")!);

test("the first ADMIN chooses a password through the printed link, once, then signs in as ADMIN", async () => {
  const { link, created } = await createAdmin(app.db, { appUrl: "https://portal.example.test" }, "First.Admin@Example.org", "Fran First");
  expect(created).toBe(true);
  expect(link.startsWith("https://portal.example.test/reset-password?token=")).toBe(true);
  expect((await app.ok(RESET, { token: tokenOf(link), password: "a long first admin passphrase" })).resetPassword.userErrors).toEqual([]);
  const token = await app.signIn("first.admin@example.org", "a long first admin passphrase");
  expect((await app.ok("{ viewer { roles emailVerified } }", {}, token)).viewer).toEqual({ roles: ["ADMIN"], emailVerified: true });
  expect((await app.ok(RESET, { token: tokenOf(link), password: "another long passphrase" })).resetPassword.userErrors[0].code).toBe("INVALID_TOKEN");
  const [event] = await app.db.query("SELECT action FROM audit_event WHERE action = 'account.createAdmin'");
  expect(event).toBeDefined();
});

test("an email that already has an account is made ADMIN rather than duplicated", async () => {
  await app.db.query("INSERT INTO app_user (email, password_hash, display_name) VALUES ('staffer@example.org', 'x', 'Sam Staffer')");
  const { created } = await createAdmin(app.db, { appUrl: "https://portal.example.test" }, "staffer@example.org", "ignored");
  expect(created).toBe(false);
  expect(await app.db.query("SELECT roles FROM app_user WHERE email = 'staffer@example.org'")).toEqual([{ roles: ["ADMIN"] }]);
});
