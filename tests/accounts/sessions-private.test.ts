// A person's sessions are theirs alone: listed in their own viewer.sessions and refetched by them only (not by ADMIN,
// not by anyone else), since a session names the devices someone signs in from.
import { startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { Role } from "../../src/auth/roles";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

test("a session is refetched by its person and is null for anyone else, ADMIN included", async () => {
  const person = await makeUser(app.db);
  const other = await makeUser(app.db);
  const admin = await makeUser(app.db, { roles: [Role.ADMIN] });
  const token = await app.signIn(person.email, TEST_PASSWORD);
  const own = await app.ok(`{ viewer { sessions(first: 5) { nodes { id current } } } }`, {}, token);
  const [session] = own.viewer.sessions.nodes;
  expect(session.current).toBe(true);
  const refetch = `query($id: ID!) { node(id: $id) { id } }`;
  expect((await app.ok(refetch, { id: session.id }, token)).node).toEqual({ id: session.id });
  for (const someone of [other, admin]) {
    expect((await app.ok(refetch, { id: session.id }, await app.signIn(someone.email, TEST_PASSWORD))).node).toBeNull();
  }
  expect((await app.ok(refetch, { id: session.id })).node).toBeNull();
});
