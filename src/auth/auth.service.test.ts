// AuthService.signIn against a real database: equal answers for wrong and unknown, the locks per address and email and
// per address, where they do not reach, and a table that stays bounded.
import { ADDRESS_FREE_FAILURES, AuthService, FAILURE_MEMORY_SECONDS, FREE_FAILURES, lockSeconds } from "./auth.service";
import { createTestDatabase, TestDatabase } from "../../tests/support/test-db";
import { makeUser, TEST_PASSWORD } from "../../tests/support/factories";
import { raceTest } from "../../tests/support/races";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
let tdb: TestDatabase;
let auth: AuthService;
beforeAll(async () => {
  tdb = await createTestDatabase();
  auth = new AuthService(tdb.db, SECRET);
});
afterAll(async () => { await tdb.drop(); });

const T0 = new Date("2030-01-01T12:00:00Z");
/** Each test signs in from an address of its own, so one test's failures never count against another's. */
let HERE = "";
let addresses = 0;
beforeEach(() => { HERE = `192.0.2.${++addresses}`; });
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const codeOf = (r: Awaited<ReturnType<AuthService["signIn"]>>) => ("errors" in r ? r.errors[0].code : "OK");

async function fail(email: string, times: number, at = T0, from = HERE): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < times; i++) codes.push(codeOf(await auth.signIn(email, "wrong password", { address: from, now: at })));
  return codes;
}

describe("lockSeconds", () => {
  test(`no wait for the first ${FREE_FAILURES - 1} failures`, () => {
    for (let n = 0; n < FREE_FAILURES; n++) expect(lockSeconds(n)).toBe(0);
  });
  test("15 seconds at the fifth failure, doubling with each further one", () => {
    expect([5, 6, 7, 8].map(lockSeconds)).toEqual([15, 30, 60, 120]);
  });
  test("never more than 15 minutes, however many failures", () => {
    expect(lockSeconds(11)).toBe(900);
    expect(lockSeconds(1000)).toBe(900);
  });
});

test("the fifth failure locks the email; the right password is refused until the lock passes", async () => {
  const user = await makeUser(tdb.db);
  expect(await fail(user.email, FREE_FAILURES)).toEqual(Array(FREE_FAILURES).fill("INVALID_CREDENTIALS"));
  const locked = await auth.signIn(user.email, TEST_PASSWORD, { address: HERE, now: later(1) });
  expect(locked).toEqual({ errors: [expect.objectContaining({ code: "TOO_MANY_ATTEMPTS", message: expect.stringMatching(/14 seconds/) })] });
  expect(codeOf(await auth.signIn(user.email, TEST_PASSWORD, { address: HERE, now: later(14) }))).toBe("TOO_MANY_ATTEMPTS");
  expect(codeOf(await auth.signIn(user.email, TEST_PASSWORD, { address: HERE, now: later(16) }))).toBe("OK");
});

test("each failure after the lock passes locks for twice as long", async () => {
  const user = await makeUser(tdb.db);
  await fail(user.email, FREE_FAILURES);
  expect(await fail(user.email, 1, later(16))).toEqual(["INVALID_CREDENTIALS"]);
  expect(codeOf(await auth.signIn(user.email, TEST_PASSWORD, { address: HERE, now: later(16 + 29) }))).toBe("TOO_MANY_ATTEMPTS");
  expect(codeOf(await auth.signIn(user.email, TEST_PASSWORD, { address: HERE, now: later(16 + 31) }))).toBe("OK");
});

test("an unknown email is locked exactly like a known one", async () => {
  expect(await fail("nobody@example.test", FREE_FAILURES + 1)).toEqual([...Array(FREE_FAILURES).fill("INVALID_CREDENTIALS"), "TOO_MANY_ATTEMPTS"]);
  expect(codeOf(await auth.signIn("nobody@example.test", "anything", { address: HERE, now: later(16) }))).toBe("INVALID_CREDENTIALS");
});

test("the email is matched without regard to case or surrounding spaces", async () => {
  const user = await makeUser(tdb.db, { email: "Case.Person@Example.test" });
  await fail("  case.person@example.TEST ", FREE_FAILURES);
  expect(codeOf(await auth.signIn("CASE.PERSON@EXAMPLE.TEST", TEST_PASSWORD, { address: HERE, now: later(1) }))).toBe("TOO_MANY_ATTEMPTS");
  expect(codeOf(await auth.signIn(user.email, TEST_PASSWORD, { address: HERE, now: later(16) }))).toBe("OK");
});

test("a successful sign-in clears the failure count", async () => {
  const user = await makeUser(tdb.db);
  await fail(user.email, FREE_FAILURES - 1);
  expect(codeOf(await auth.signIn(user.email, TEST_PASSWORD, { address: HERE, now: T0 }))).toBe("OK");
  expect(await fail(user.email, FREE_FAILURES - 1)).toEqual(Array(FREE_FAILURES - 1).fill("INVALID_CREDENTIALS"));
  expect(codeOf(await auth.signIn(user.email, TEST_PASSWORD, { address: HERE, now: T0 }))).toBe("OK");
});

test("failures an hour old are forgotten", async () => {
  const user = await makeUser(tdb.db);
  await fail(user.email, FREE_FAILURES - 1);
  await fail(user.email, 1, later(61 * 60));
  expect(codeOf(await auth.signIn(user.email, TEST_PASSWORD, { address: HERE, now: later(61 * 60 + 1) }))).toBe("OK");
});

raceTest("guesses sent at once cannot get past the lock: at most five are checked", async () => {
  const user = await makeUser(tdb.db);
  const codes = await Promise.all(Array.from({ length: 12 }, () => auth.signIn(user.email, "wrong password", { address: HERE, now: T0 }).then(codeOf)));
  expect(codes.filter((c) => c === "INVALID_CREDENTIALS")).toHaveLength(FREE_FAILURES);
  expect(codes.filter((c) => c === "TOO_MANY_ATTEMPTS")).toHaveLength(12 - FREE_FAILURES);
});

raceTest("overlapping right sign-ins for one email never fail with an error", async () => {
  const user = await makeUser(tdb.db);
  // Staggered starts interleave one attempt's counting with another's success clearing the count.
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
    new Promise((r) => setTimeout(r, (i * 7) % 200)).then(() => auth.signIn(user.email, TEST_PASSWORD, { address: HERE, now: T0 }))));
  const codes = results.map(codeOf);
  expect(codes.filter((c) => c !== "OK" && c !== "TOO_MANY_ATTEMPTS")).toEqual([]);
  expect(codes.filter((c) => c === "OK").length).toBeGreaterThanOrEqual(FREE_FAILURES);
});

test("failures from one address never lock the email for another address", async () => {
  const user = await makeUser(tdb.db);
  await fail(user.email, FREE_FAILURES + 3, T0, "198.51.100.66");
  expect(codeOf(await auth.signIn(user.email, TEST_PASSWORD, { address: "198.51.100.66", now: later(1) }))).toBe("TOO_MANY_ATTEMPTS");
  expect(codeOf(await auth.signIn(user.email, TEST_PASSWORD, { address: HERE, now: later(1) }))).toBe("OK");
});

test("an address that fails across many emails is slowed down for every email, and only that address is", async () => {
  const user = await makeUser(tdb.db);
  const sprayer = "198.51.100.77";
  for (let i = 0; i < ADDRESS_FREE_FAILURES; i++) {
    expect(codeOf(await auth.signIn(`nobody-${i}@example.test`, "Summer2030!", { address: sprayer, now: T0 }))).toBe("INVALID_CREDENTIALS");
  }
  const locked = await auth.signIn(user.email, TEST_PASSWORD, { address: sprayer, now: later(1) });
  expect(locked).toEqual({ errors: [expect.objectContaining({ code: "TOO_MANY_ATTEMPTS", message: expect.stringMatching(/from this address/) })] });
  expect(codeOf(await auth.signIn(user.email, TEST_PASSWORD, { address: HERE, now: later(1) }))).toBe("OK");
});

test("rows whose failures are forgotten are removed when the table grows", async () => {
  await fail("old-1@example.test", 2, T0);
  await fail("old-2@example.test", 2, T0);
  const count = async (like: string) => (await tdb.db.query("SELECT count(*)::int AS n FROM sign_in_throttle WHERE email_key LIKE $1", [like]))[0].n;
  expect(await count("email % old-_@example.test")).toBe(2);
  await fail("new@example.test", 1, later(FAILURE_MEMORY_SECONDS + 1), "203.0.113.9");
  expect(await count("email % old-_@example.test")).toBe(0);
  expect(await count("email 203.0.113.9 new@example.test")).toBe(1);
});

test("the table never holds more rows than its cap, however many addresses and emails fail", async () => {
  const small = new AuthService(tdb.db, SECRET, 30);
  const at = later(10 * FAILURE_MEMORY_SECONDS); // later than every other test's rows
  for (let i = 0; i < 45; i++) await small.signIn(`guess-${i}@example.test`, "x", { address: `203.0.113.${i}`, now: at });
  const [{ n }] = await tdb.db.query("SELECT count(*)::int AS n FROM sign_in_throttle");
  expect(n).toBeLessThanOrEqual(30 + 2);
});
