// Query cost is computed on the coerced variables for every operation, persisted ones too: a page size counts
// whether it is a literal, a variable or the default; every contract operation fits with pages of 100.
import { createHash } from "node:crypto";
import { HttpResult, startTestApp, TestApp } from "../support/test-app";
import { LIMITS } from "../../src/graphql/limits";
import { atLargestPages, CONTRACT_OPERATIONS } from "./fixtures/contract-operations";

/** organisations -> clusters -> members -> organisation -> clusters: four nested pages (five lists deep). */
const bomb = (page: string) => `query Bomb($n: Int) { organisations${page} { nodes { clusters${page} { nodes {
  members${page} { nodes { organisation { clusters${page} { nodes { name } } } } } } } } } }`;

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

function expectTooComplex(res: HttpResult): void {
  expect(res.status).toBe(400);
  expect(res.json.data).toBeUndefined();
  expect(res.json.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "QUERY_TOO_COMPLEX" }) })]);
  expect(res.json.extensions.costLimit).toBe(LIMITS.maxCost);
  expect(res.json.extensions.cost).toBeGreaterThan(LIMITS.maxCost);
}

describe("the nested bomb is refused the same way however its page sizes are given", () => {
  test("as variables", async () => expectTooComplex(await app.post(bomb("(first: $n)"), { n: 100 })));
  test("as literals", async () => expectTooComplex(await app.post(bomb("(first: 100)").replace("($n: Int)", ""))));
  test("as a variable's default", async () => expectTooComplex(await app.post(bomb("(first: $n)").replace("$n: Int", "$n: Int = 100"))));
  test("left out, each page counting as the default of 20", async () => expectTooComplex(await app.post(bomb("").replace("($n: Int)", ""))));
  test("with last instead of first", async () => expectTooComplex(await app.post(bomb("(last: $n)"), { n: 100 })));
});

test("a persisted query is costed on each request's own variables", async () => {
  const query = bomb("(first: $n)");
  const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };
  const small = await app.http("/graphql", { body: { query, variables: { n: 1 }, extensions: { persistedQuery } } });
  expect(small.status).toBe(200);
  expect(small.json.errors).toBeUndefined();
  expectTooComplex(await app.http("/graphql", { body: { variables: { n: 100 }, extensions: { persistedQuery } } }));
  const get = `/graphql?variables=${encodeURIComponent('{"n":100}')}&extensions=${encodeURIComponent(JSON.stringify({ persistedQuery }))}`;
  expectTooComplex(await app.http(get));
});

test("lists multiply what they hold by their page size; skipped fields cost nothing", async () => {
  const page = "query($n: Int, $skip: Boolean = false) { organisations(first: $n) { nodes { id registeredPlace @skip(if: $skip) { name } } } }";
  expect((await app.post(page, { n: 100 })).json.extensions).toEqual({ cost: 1 + 100 * 2, costLimit: LIMITS.maxCost });
  expect((await app.post(page, {})).json.extensions.cost).toBe(1 + 20 * 2);
  expect((await app.post(page, { n: 100, skip: true })).json.extensions.cost).toBe(1 + 100);
});

describe("every contract operation fits", () => {
  test.each(CONTRACT_OPERATIONS.map((o) => [o.name, o]))("%s, as written and with every page at 100", async (_, op) => {
    for (const query of [op.query, atLargestPages(op.query)]) {
      const res = await app.post(query, op.variables);
      expect(res.json.errors?.map((e: { extensions: { code: string } }) => e.extensions.code) ?? []).not.toContain("QUERY_TOO_COMPLEX");
      expect(res.json.extensions).toEqual({ cost: expect.any(Number), costLimit: LIMITS.maxCost });
      expect(res.json.extensions.cost).toBeLessThanOrEqual(LIMITS.maxCost);
    }
  });
});
