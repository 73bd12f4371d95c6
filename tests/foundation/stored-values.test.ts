// Input the database cannot store is refused at the edge, for every argument and every caller (anonymous too), before
// anything runs: a NUL character in any string, and a date outside 1800..2200, as BAD_USER_INPUT with HTTP 400.
import { HttpResult, startTestApp, TestApp } from "../support/test-app";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { rowCounts } from "../support/row-counts";
import { Role } from "../../src/auth/roles";
import { toGlobalId } from "../../src/graphql/ids";

const NUL = "\u0000";
let app: TestApp;
let adminToken: string;
let userToken: string;
beforeAll(async () => {
  app = await startTestApp();
  adminToken = await app.signIn((await makeUser(app.db, { roles: [Role.ADMIN] })).email, TEST_PASSWORD);
  userToken = await app.signIn((await makeUser(app.db)).email, TEST_PASSWORD);
});
afterAll(async () => { await app.close(); });

async function expectRefusedAtTheEdge(send: () => Promise<HttpResult>): Promise<HttpResult> {
  const before = await rowCounts(app.db);
  const res = await send();
  expect(res.status).toBe(400);
  expect(res.json.data).toBeUndefined();
  expect(res.json.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })]);
  expect(res.text).not.toMatch(/Internal error/);
  // Nothing ran: not even a sign-in attempt was counted.
  expect(await rowCounts(app.db)).toEqual(before);
  return res;
}

const SIGN_IN = "mutation($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { token userErrors { code } } }";
const CREATE = "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } userErrors { code } } }";
const SUBMIT = "mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { application { id } userErrors { code } } }";

describe("a NUL character is refused wherever it is", () => {
  const cases: [string, () => Promise<HttpResult>][] = [
    ["in the email of an anonymous sign-in (variable)", () => app.post(SIGN_IN, { email: `admin${NUL}@example.test`, password: "x" })],
    ["in the password of a sign-in (variable)", () => app.post(SIGN_IN, { email: "admin@example.test", password: `pass${NUL}word` })],
    ["in a sign-in written as literals", () => app.post(`mutation { signIn(input: { email: "a\\u0000@example.test", password: "x" }) { token } }`)],
    ["in a search, anonymously", () => app.post("query($s: String) { organisations(filter: { search: $s }) { totalCount } }", { s: `bakery${NUL}` })],
    ["in a cursor", () => app.post("query($a: String) { places(after: $a) { totalCount } }", { a: `abc${NUL}` })],
    ["in an ID", () => app.post("query($id: ID!) { node(id: $id) { id } }", { id: `${toGlobalId("Organisation", "x")}${NUL}` })],
    ["in a nested input of a signed-in person's mutation", () => app.post(CREATE, { input: { name: `Bakery${NUL}`, legalForm: "CIC_LIMITED_BY_GUARANTEE" } }, userToken)],
    ["in a list inside an input", () => app.post(CREATE, { input: { name: "Bakery", legalForm: "CIC_LIMITED_BY_GUARANTEE", identifiers: [`GB-CHC-1${NUL}`] } }, userToken)],
    ["in an idempotency key", () => app.post(SUBMIT, { input: { idempotencyKey: `key${NUL}`, requestedPence: 100000 } }, userToken)],
    ["in an idempotency key, anonymously", () => app.post(SUBMIT, { input: { idempotencyKey: `key${NUL}` } })],
    ["in an admin's filter", () => app.post("query($a: String) { auditEvents(filter: { action: $a }) { totalCount } }", { a: NUL }, adminToken)],
  ];
  test.each(cases)("%s", async (_, send) => {
    const res = await expectRefusedAtTheEdge(send);
    expect(res.json.errors[0].message).toMatch(/NUL character/);
  });
});

describe("dates outside 1800..2200, or not dates at all, are BAD_USER_INPUT", () => {
  const ARREARS = (asOf: string) => `{ agreements(first: 1) { nodes { arrears(asOf: ${asOf}) { daysOverdue } } } }`;
  const badDays = ["0000-01-01", "1799-12-31", "2201-01-01", "9999-12-31", "2024-02-30", "2024-13-01", "yesterday", "2024-1-1"];
  test.each(badDays)("Date %s, as a literal and as a variable (arrears asOf)", async (day) => {
    for (const token of [undefined, adminToken]) {
      const literal = await expectRefusedAtTheEdge(() => app.post(ARREARS(JSON.stringify(day)), {}, token));
      expect(literal.json.errors[0].message).toBe("A Date is a calendar day from 1800-01-01 to 2200-12-31, written YYYY-MM-DD.");
      const variable = await expectRefusedAtTheEdge(() => app.post(`query($d: Date) ${ARREARS("$d")}`, { d: day }, token));
      expect(variable.json.errors[0].message).toBe('Variable "$d" has an invalid value: A Date is a calendar day from 1800-01-01 to 2200-12-31, written YYYY-MM-DD.');
    }
  });

  test.each(["0000-01-01T00:00:00Z", "1799-12-31T23:59:59Z", "2201-01-01T00:00:00Z", "not a time"])("DateTime %s, as a literal and as a variable", async (time) => {
    await expectRefusedAtTheEdge(() => app.post(`{ auditEvents(filter: { from: ${JSON.stringify(time)} }) { totalCount } }`, {}, adminToken));
    await expectRefusedAtTheEdge(() => app.post("query($t: DateTime) { agreements(filter: { updatedSince: $t }) { totalCount } }", { t: time }));
  });

  test("the first and last days of the range are accepted", async () => {
    for (const d of ["1800-01-01", "2200-12-31"]) {
      const res = await app.post(`query($d: Date) { agreements(first: 1) { nodes { arrears(asOf: $d) { daysOverdue } } } }`, { d }, adminToken);
      expect(res.status).toBe(200);
      expect(res.json.errors).toBeUndefined();
    }
    const res = await app.post("query($t: DateTime) { agreements(filter: { updatedSince: $t }) { totalCount } }", { t: "1800-01-01T00:00:00Z" }, adminToken);
    expect(res.json.errors).toBeUndefined();
  });
});
