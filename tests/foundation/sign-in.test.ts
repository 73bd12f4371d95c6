// Sign-in and the viewer over real HTTP, against this file's own database; throttling per client address.
import { request } from "node:http";
import { startTestApp, TestApp, TEST_SECRET } from "../support/test-app";
import { ADDRESS_FREE_FAILURES } from "../../src/auth/auth.service";
import { loadConfig } from "../../src/config";
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

describe("over HTTP, failures are counted per client address", () => {
  /** POSTs a sign-in from the given loopback address (Linux routes all of 127.0.0.0/8 to this machine). */
  function signInFrom(port: number, localAddress: string, email: string, password: string, headers: Record<string, string> = {}): Promise<{ token: string | null; code: string | null }> {
    const body = JSON.stringify({ query: SIGN_IN, variables: { email, password } });
    return new Promise((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/graphql", method: "POST", localAddress,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } }, (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => {
          const { signIn } = JSON.parse(text).data;
          resolve({ token: signIn.token, code: signIn.userErrors[0]?.code ?? null });
        });
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  test("someone else's failures do not lock the owner out: the lock holds only at the address that failed", async () => {
    const admin = await makeUser(app.db, { email: "root@example.test", roles: [Role.ADMIN] });
    const port = await app.port();
    for (let i = 0; i < 5; i++) expect((await signInFrom(port, "127.0.0.2", admin.email, `guess-${i}`)).code).toBe("INVALID_CREDENTIALS");
    expect(await signInFrom(port, "127.0.0.2", admin.email, TEST_PASSWORD)).toEqual({ token: null, code: "TOO_MANY_ATTEMPTS" });
    expect((await signInFrom(port, "127.0.0.3", admin.email, TEST_PASSWORD)).token).toEqual(expect.any(String));
  });

  test("an address guessing across many emails is slowed down for all of them; other addresses are not", async () => {
    const user = await makeUser(app.db, { email: "fay@example.test" });
    const port = await app.port();
    for (let i = 0; i < ADDRESS_FREE_FAILURES; i++) await signInFrom(port, "127.0.0.4", `stuffed-${i}@example.test`, "Password1");
    expect(await signInFrom(port, "127.0.0.4", user.email, TEST_PASSWORD)).toEqual({ token: null, code: "TOO_MANY_ATTEMPTS" });
    expect((await signInFrom(port, "127.0.0.5", user.email, TEST_PASSWORD)).token).toEqual(expect.any(String));
  });

  test("X-Forwarded-For is ignored unless KITH_TRUSTED_PROXIES names the proxy", async () => {
    const user = await makeUser(app.db, { email: "gil@example.test" });
    const port = await app.port();
    for (let i = 0; i < 5; i++) await signInFrom(port, "127.0.0.6", user.email, `guess-${i}`, { "x-forwarded-for": `10.1.1.${i}` });
    // A client cannot step round its lock by claiming another address.
    expect((await signInFrom(port, "127.0.0.6", user.email, TEST_PASSWORD, { "x-forwarded-for": "10.9.9.9" })).code).toBe("TOO_MANY_ATTEMPTS");
  });

  test("behind a trusted proxy, the address it forwards is the client's", async () => {
    const proxied = await startTestApp({ KITH_TRUSTED_PROXIES: "127.0.0.7, 10.0.0.0/8" });
    try {
      const user = await makeUser(proxied.db, { email: "hal@example.test" });
      const port = await proxied.port();
      const via = (client: string, password: string) => signInFrom(port, "127.0.0.7", user.email, password, { "x-forwarded-for": `${client}, 10.0.0.5` });
      for (let i = 0; i < 5; i++) await via("198.51.100.1", `guess-${i}`);
      expect((await via("198.51.100.1", TEST_PASSWORD)).code).toBe("TOO_MANY_ATTEMPTS");
      expect((await via("198.51.100.2", TEST_PASSWORD)).token).toEqual(expect.any(String));
      // From an address that is not a trusted proxy, the header counts for nothing.
      for (let i = 0; i < 5; i++) await signInFrom(port, "127.0.0.8", user.email, `guess-${i}`, { "x-forwarded-for": `198.51.100.${10 + i}` });
      expect((await signInFrom(port, "127.0.0.8", user.email, TEST_PASSWORD, { "x-forwarded-for": "198.51.100.99" })).code).toBe("TOO_MANY_ATTEMPTS");
    } finally {
      await proxied.close();
    }
  });
});

test("KITH_TRUSTED_PROXIES is validated at start-up", () => {
  expect(() => loadConfig({ NODE_ENV: "test", KITH_TOKEN_SECRET: TEST_SECRET, KITH_TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/KITH_TRUSTED_PROXIES/);
  expect(() => loadConfig({ NODE_ENV: "test", KITH_TOKEN_SECRET: TEST_SECRET, KITH_TRUSTED_PROXIES: "proxy.internal" })).toThrow(/KITH_TRUSTED_PROXIES/);
  expect(loadConfig({ NODE_ENV: "test", KITH_TOKEN_SECRET: TEST_SECRET, KITH_TRUSTED_PROXIES: "10.0.0.1, fd00::/8" }).trustedProxies.entries).toEqual(["10.0.0.1", "fd00::/8"]);
});
