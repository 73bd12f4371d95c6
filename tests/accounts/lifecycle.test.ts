// The account lifecycle end to end over HTTP, with kith's mail worker sending real email to an SMTP server in this process.
import { startTestApp, TestApp } from "../support/test-app";
import { startMailbox, Mailbox } from "../support/mailbox";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { makeOrganisation } from "../support/organisation-factories";
import { rowCounts } from "../support/row-counts";
import { toGlobalId } from "../../src/graphql/ids";
import { Role } from "../../src/auth/roles";

const SIGN_UP = `mutation SignUp($email: String!, $password: String!, $displayName: String!) {
  signUp(input: { email: $email, password: $password, displayName: $displayName }) { userErrors { field code message } } }`;
const VERIFY = `mutation VerifyEmail($token: String!) { verifyEmail(input: { token: $token }) { viewer { id email emailVerified } userErrors { field code message } } }`;
const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { token userErrors { code } } }`;
const ME = `{ viewer { id email emailVerified roles sessions(first: 20) { totalCount nodes { id current client } } memberships { role organisation { name } } } }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) { userErrors { field code message } } }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, newPassword: $password }) { userErrors { field code } } }`;
const CHANGE = `mutation($current: String!, $next: String!) { changePassword(input: { currentPassword: $current, newPassword: $next }) { userErrors { field code } } }`;
const INVITE = `mutation InviteMember($organisationId: ID!, $email: String!, $role: OrganisationRole!) {
  inviteOrganisationMember(input: { organisationId: $organisationId, email: $email, role: $role }) {
    invitation { id email role expiresAt } userErrors { field code message } } }`;
const ACCEPT = `mutation($token: String!) { acceptInvitation(input: { token: $token }) { membership { role organisation { name } } userErrors { field code } } }`;
const SIGN_OUT_EVERYWHERE = `mutation SignOutEverywhere { signOutEverywhere { userErrors { field code message } } }`;
const GRANT = `mutation($input: SetRoleInput!) { grantRole(input: $input) { user { id roles } userErrors { field code message } } }`;
const REMOVE_ROLE = `mutation($input: SetRoleInput!) { removeRole(input: $input) { user { id roles } userErrors { field code message } } }`;
const DISABLE = `mutation($input: SetAccountStatusInput!) { disableAccount(input: $input) { user { id disabled } userErrors { field code } } }`;
const EXPORT = `{ viewer { personalData } }`;
const DELETE = `mutation($password: String!) { deleteAccount(input: { password: $password }) { userErrors { field code message } } }`;

const NEW_PASSWORD = "lantern otter quietly tuesday";

let app: TestApp;
let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startTestApp({ SMTP_URL: mailbox.url, KITH_WORKERS: "true", KITH_APP_URL: "https://portal.example.test" });
});
afterAll(async () => {
  await app.close();
  await mailbox.close();
});

async function signIn(email: string, password: string): Promise<string> {
  const res = await app.post(SIGN_IN, { email, password });
  if (!res.json.data.signIn.token) throw new Error(`sign-in refused: ${JSON.stringify(res.json.data.signIn.userErrors)}`);
  return res.json.data.signIn.token;
}

const data = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
  const res = await app.post(query, variables, token);
  expect(res.json.errors).toBeUndefined();
  return res.json.data;
};

test("sign up, verify the email from the link that arrives, and sign in; the link works once and is stored only hashed", async () => {
  const email = "amara.okoro@example.org";
  expect((await data(SIGN_UP, { email, password: NEW_PASSWORD, displayName: "Amara Okoro" })).signUp.userErrors).toEqual([]);
  const message = await mailbox.next(email, /Confirm your email/);
  expect(message.text).toContain("Hello Amara Okoro");
  const link = message.links[0];
  expect(link.startsWith("https://portal.example.test/verify-email?token=")).toBe(true);
  const token = decodeURIComponent(new URL(link).searchParams.get("token")!);

  // Stored hashed; once sent the email's body (with its link) is gone from the database.
  expect(await app.db.query("SELECT 1 FROM account_token WHERE token_hash = $1", [token])).toEqual([]);
  const bodyOf = async () => (await app.db.query("SELECT body FROM outbound_email WHERE recipient = $1", [email]))[0].body;
  // The worker marks it sent just after the server accepted it.
  for (let i = 0; i < 50 && (await bodyOf()) !== null; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await bodyOf()).toBeNull();

  // An unverified person can sign in.
  const session = await signIn(email, NEW_PASSWORD);
  expect((await data(ME, {}, session)).viewer.emailVerified).toBe(false);
  const verified = await data(VERIFY, { token });
  expect(verified.verifyEmail).toMatchObject({ userErrors: [], viewer: { email, emailVerified: true } });
  expect((await data(ME, {}, session)).viewer.emailVerified).toBe(true);
  expect((await data(VERIFY, { token })).verifyEmail.userErrors[0].code).toBe("INVALID_TOKEN");
});

test("signing up with an email that has an account answers the same, writes no account, and emails the owner", async () => {
  const owner = await makeUser(app.db, { email: "taken@example.org" });
  const fresh = await data(SIGN_UP, { email: "not-taken@example.org", password: NEW_PASSWORD, displayName: "Someone" });
  const before = await app.db.query("SELECT count(*)::int AS n FROM app_user");
  const taken = await data(SIGN_UP, { email: "Taken@Example.org", password: NEW_PASSWORD, displayName: "Someone Else" });
  expect(taken).toEqual(fresh);
  expect(await app.db.query("SELECT count(*)::int AS n FROM app_user")).toEqual(before);
  const notice = await mailbox.next(owner.email, /tried to sign up/);
  expect(notice.text).toContain("already has one");
});

test("passwords: at least 12 characters, not a common one, not containing the email; nothing is written when refused", async () => {
  const before = await rowCounts(app.db);
  const codes = async (password: string) =>
    (await data(SIGN_UP, { email: "rules.person@example.org", password, displayName: "R" })).signUp.userErrors.map((e: { code: string }) => e.code);
  expect(await codes("short pass")).toEqual(["PASSWORD_TOO_SHORT"]);
  expect(await codes("password1234")).toEqual(["PASSWORD_TOO_COMMON"]);
  expect(await codes("qazwsxedcrfv")).toEqual(["PASSWORD_TOO_COMMON"]);
  expect(await codes("Monkey123456!")).toEqual(["PASSWORD_TOO_COMMON"]);
  expect(await codes("aaaaaaaaaaaaaaaa")).toEqual(["PASSWORD_TOO_COMMON"]);
  expect(await codes("my rules.person@example.org pw")).toEqual(["PASSWORD_CONTAINS_EMAIL"]);
  expect(await rowCounts(app.db)).toEqual(before);
});

test("a password reset answers the same for every email, works once within the hour and ends every session", async () => {
  const person = await makeUser(app.db, { email: "forgetful@example.org" });
  const oldSession = await signIn(person.email, TEST_PASSWORD);
  const known = await data(REQUEST_RESET, { email: person.email });
  const unknown = await data(REQUEST_RESET, { email: "nobody-here@example.org" });
  expect(known).toEqual(unknown);
  const token = await mailbox.nextToken(person.email, /Reset your/);
  expect((await data(RESET, { token, password: "password1234" })).resetPassword.userErrors[0].code).toBe("PASSWORD_TOO_COMMON");
  expect((await data(RESET, { token, password: NEW_PASSWORD })).resetPassword.userErrors).toEqual([]);
  expect((await app.post(ME, {}, oldSession)).status).toBe(401);
  expect((await data(RESET, { token, password: `${NEW_PASSWORD} again` })).resetPassword.userErrors[0].code).toBe("INVALID_TOKEN");
  expect((await app.post(SIGN_IN, { email: person.email, password: TEST_PASSWORD })).json.data.signIn.userErrors[0].code).toBe("INVALID_CREDENTIALS");
  await signIn(person.email, NEW_PASSWORD);
  await mailbox.next(person.email, /password was changed/);

  // An expired link is refused like a used one.
  await data(REQUEST_RESET, { email: person.email });
  const late = await mailbox.nextToken(person.email, /Reset your/);
  await app.db.query("UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL", [person.id]);
  expect((await data(RESET, { token: late, password: "a brand new passphrase" })).resetPassword.userErrors[0].code).toBe("INVALID_TOKEN");
});

test("changing a password needs the current one and ends every other session, not this one", async () => {
  const person = await makeUser(app.db);
  const here = await signIn(person.email, TEST_PASSWORD);
  const there = await signIn(person.email, TEST_PASSWORD);
  expect((await data(CHANGE, { current: "not it at all", next: NEW_PASSWORD }, here)).changePassword.userErrors[0].code).toBe("WRONG_PASSWORD");
  expect((await data(CHANGE, { current: TEST_PASSWORD, next: NEW_PASSWORD }, here)).changePassword.userErrors).toEqual([]);
  expect((await app.post(ME, {}, there)).status).toBe(401);
  expect((await data(ME, {}, here)).viewer.sessions.nodes).toEqual([expect.objectContaining({ current: true })]);
});

test("an owner invites a new person, who signs up and accepts; the answer is the same whether or not the email has an account", async () => {
  const org = await makeOrganisation(app.db, { name: "Garston Tool Library" });
  const owner = await makeUser(app.db);
  await app.db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, 'OWNER')", [owner.id, org.id]);
  const ownerToken = await signIn(owner.email, TEST_PASSWORD);
  const organisationId = toGlobalId("Organisation", org.id);
  const existing = await makeUser(app.db, { email: "has-account@example.org" });

  const forNew = (await data(INVITE, { organisationId, email: "Brand.New@Example.org", role: "EDITOR" }, ownerToken)).inviteOrganisationMember;
  const forExisting = (await data(INVITE, { organisationId, email: existing.email, role: "EDITOR" }, ownerToken)).inviteOrganisationMember;
  const shape = (p: { invitation: Record<string, unknown>; userErrors: unknown[] }) => ({ ...p, invitation: { ...p.invitation, id: "x", email: "x", expiresAt: "x" } });
  expect(shape(forNew)).toEqual(shape(forExisting));
  expect(forNew).toMatchObject({ userErrors: [], invitation: { email: "brand.new@example.org", role: "EDITOR" } });
  // Nobody became a member by being invited.
  expect(await app.db.query("SELECT 1 FROM organisation_membership WHERE user_id = $1", [existing.id])).toEqual([]);

  const token = await mailbox.nextToken("brand.new@example.org", /invited to join Garston Tool Library/);
  expect((await data(ACCEPT, { token })).acceptInvitation.userErrors[0].code).toBe("NOT_SIGNED_IN");
  await data(SIGN_UP, { email: "brand.new@example.org", password: NEW_PASSWORD, displayName: "Bea New" });
  const session = await signIn("brand.new@example.org", NEW_PASSWORD);
  const accepted = await data(ACCEPT, { token }, session);
  expect(accepted.acceptInvitation).toMatchObject({ userErrors: [], membership: { role: "EDITOR", organisation: { name: "Garston Tool Library" } } });
  // The same token now answers with the member's access at once, and the invitation's link verified the email.
  const me = (await data(ME, {}, session)).viewer;
  expect(me).toMatchObject({ emailVerified: true, memberships: [{ role: "EDITOR", organisation: { name: "Garston Tool Library" } }] });
  expect((await data(ACCEPT, { token }, session)).acceptInvitation.userErrors[0].code).toBe("INVALID_TOKEN");

  // A viewer of the organisation, or a stranger, cannot invite.
  const stranger = await signIn((await makeUser(app.db)).email, TEST_PASSWORD);
  expect((await data(INVITE, { organisationId, email: "x@example.org", role: "VIEWER" }, stranger)).inviteOrganisationMember.userErrors[0].code).toBe("NOT_ALLOWED");
});

test("signing out everywhere ends every session at once; the old token fails", async () => {
  const person = await makeUser(app.db);
  const a = await signIn(person.email, TEST_PASSWORD);
  const b = await signIn(person.email, TEST_PASSWORD);
  expect((await data(ME, {}, a)).viewer.sessions.totalCount).toBe(2);
  expect((await data(SIGN_OUT_EVERYWHERE, {}, a)).signOutEverywhere.userErrors).toEqual([]);
  for (const token of [a, b]) {
    const res = await app.post(ME, {}, token);
    expect(res.status).toBe(401);
    expect(res.json.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  }
});

test("ADMIN grants a role with a reason (audited, emailed, effective at once), keeps the last ADMIN, and disables accounts", async () => {
  const admin = await makeUser(app.db, { roles: [Role.ADMIN] });
  await app.db.query("UPDATE app_user SET roles = '{}' WHERE 'ADMIN' = ANY(roles) AND id <> $1", [admin.id]);
  const adminToken = await signIn(admin.email, TEST_PASSWORD);
  const person = await makeUser(app.db, { email: "new.analyst@example.org" });
  const personToken = await signIn(person.email, TEST_PASSWORD);
  const userId = toGlobalId("User", person.id);

  const granted = await data(GRANT, { input: { userId, role: "ANALYST", reason: "Joined the combined authority's data team" } }, adminToken);
  expect(granted.grantRole).toMatchObject({ userErrors: [], user: { roles: ["ANALYST"] } });
  expect((await data(ME, {}, personToken)).viewer.roles).toEqual(["ANALYST"]);
  expect((await mailbox.next(person.email, /role/)).text).toContain("ANALYST");
  const [event] = await app.db.query("SELECT actor_user_id, changes FROM audit_event WHERE action = 'account.grantRole' AND entity_id = $1", [person.id]);
  expect(event.actor_user_id).toBe(admin.id);
  expect(event.changes.reason.after).toBe("Joined the combined authority's data team");

  expect((await data(GRANT, { input: { userId, role: "PANEL_MEMBER", reason: "x" } }, personToken)).grantRole.userErrors[0].code).toBe("NOT_ALLOWED");

  // Staff find people by part of a name or email, and by role; nobody else lists them.
  const USERS = `query($filter: UserFilter) { users(first: 10, filter: $filter) { totalCount nodes { id email roles } } }`;
  const found = (await data(USERS, { filter: { search: "NEW.ANALYST", roles: ["ANALYST"] } }, adminToken)).users;
  expect(found).toMatchObject({ totalCount: 1, nodes: [{ id: userId, email: "new.analyst@example.org", roles: ["ANALYST"] }] });
  expect((await data(USERS, { filter: { search: "100%_" } }, adminToken)).users.totalCount).toBe(0);
  expect((await app.post(USERS, {}, personToken)).json.errors[0].extensions.code).toBe("FORBIDDEN");
  const last = await data(REMOVE_ROLE, { input: { userId: toGlobalId("User", admin.id), role: "ADMIN", reason: "Leaving" } }, adminToken);
  expect(last.removeRole.userErrors[0].code).toBe("LAST_ADMIN");

  const disabled = await data(DISABLE, { input: { userId, reason: "Account reported as compromised" } }, adminToken);
  expect(disabled.disableAccount).toMatchObject({ userErrors: [], user: { disabled: true } });
  expect((await app.post(ME, {}, personToken)).status).toBe(401);
  expect((await app.post(SIGN_IN, { email: person.email, password: TEST_PASSWORD })).json.data.signIn.userErrors[0].code).toBe("ACCOUNT_DISABLED");
  expect((await data(DISABLE, { input: { userId: toGlobalId("User", admin.id), reason: "x" } }, adminToken)).disableAccount.userErrors[0].code).toBe("LAST_ADMIN");
});

test("a person exports everything kith holds about them, then deletes the account once no organisation depends on them", async () => {
  const org = await makeOrganisation(app.db, { name: "Everton Allotment Society" });
  const person = await makeUser(app.db, { email: "leaving@example.org", displayName: "Lee Leaving" });
  await app.db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, 'OWNER')", [person.id, org.id]);
  await app.db.query("INSERT INTO organisation_contact (organisation_id, name, email, phone) VALUES ($1, 'Lee Leaving', 'Leaving@example.org', '0151 000 0000')", [org.id]);
  const token = await signIn(person.email, TEST_PASSWORD);
  await data(CHANGE, { current: TEST_PASSWORD, next: NEW_PASSWORD }, token);

  const exported = (await data(EXPORT, {}, token)).viewer.personalData;
  expect(exported.account).toMatchObject({ email: "leaving@example.org", displayName: "Lee Leaving" });
  expect(exported.memberships).toEqual([expect.objectContaining({ organisationName: "Everton Allotment Society", role: "OWNER" })]);
  expect(exported.auditEvents.map((e: { action: string }) => e.action)).toContain("account.changePassword");
  expect(exported.sessions).toHaveLength(1);
  expect(exported.contacts).toEqual([expect.objectContaining({ name: "Lee Leaving", phone: "0151 000 0000" })]);

  expect((await data(DELETE, { password: NEW_PASSWORD }, token)).deleteAccount.userErrors[0].code).toBe("LAST_OWNER");
  const heir = await makeUser(app.db);
  await app.db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, 'OWNER')", [heir.id, org.id]);
  expect((await data(DELETE, { password: "wrong password entirely" }, token)).deleteAccount.userErrors[0].code).toBe("WRONG_PASSWORD");
  expect((await data(DELETE, { password: NEW_PASSWORD }, token)).deleteAccount.userErrors).toEqual([]);

  expect((await app.post(ME, {}, token)).status).toBe(401);
  const [row] = await app.db.query("SELECT email, display_name, erased_at FROM app_user WHERE id = $1", [person.id]);
  expect(row.email).not.toContain("leaving");
  expect(row.display_name).toBe("Erased account");
  expect(await app.db.query("SELECT 1 FROM organisation_membership WHERE user_id = $1", [person.id])).toEqual([]);
  expect(await app.db.query("SELECT name, email, phone FROM organisation_contact WHERE organisation_id = $1", [org.id]))
    .toEqual([{ name: "Erased", email: null, phone: null }]);
  // The audit trail stays whole, its actor now a pseudonym.
  const actions = await app.db.query("SELECT action FROM audit_event WHERE actor_user_id = $1 ORDER BY id", [person.id]);
  expect(actions.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(["account.changePassword", "account.delete"]));
  expect((await app.post(SIGN_IN, { email: "leaving@example.org", password: NEW_PASSWORD })).json.data.signIn.userErrors[0].code).toBe("INVALID_CREDENTIALS");
});

test("sign-ups and reset requests are limited per email; the refusal writes nothing and is the same for every email", async () => {
  const known = await makeUser(app.db, { email: "popular@example.org" });
  for (let i = 0; i < 3; i++) await data(REQUEST_RESET, { email: known.email });
  const before = await rowCounts(app.db);
  const limited = await data(REQUEST_RESET, { email: known.email });
  expect(limited.requestPasswordReset.userErrors[0].code).toBe("TOO_MANY_REQUESTS");
  for (let i = 0; i < 3; i++) await data(REQUEST_RESET, { email: "ghost@example.org" });
  expect(await data(REQUEST_RESET, { email: "ghost@example.org" })).toEqual(limited);
  expect(await rowCounts(app.db)).toEqual(before);
});
