// The directory query's SQL count does not grow with page size: first: 5 and first: 100 run the same statements.
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { seededRandom } from "../../demo/seeding";
import { toGlobalId } from "../../graphql/ids";
import { generateOrganisation, insertGenerated } from "./organisations.generator";

const DIRECTORY = `query($first: Int) { organisations(first: $first, orderBy: { field: NAME, direction: ASC }) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id name legalForm stoStatus assetLocked identifiers registeredPlace { id name code }
    placesServed { name parent { name } } governance { boardSize } } }
} }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  const rnd = seededRandom(7);
  await app.db.transaction((m) => insertGenerated(m, Array.from({ length: 120 }, (_, n) => generateOrganisation(n, rnd)), null));
});
afterAll(async () => { await app.close(); });

test("the directory runs the same number of SQL statements for first: 5 and first: 100", async () => {
  const five = await app.run(DIRECTORY, { first: 5 });
  const hundred = await app.run(DIRECTORY, { first: 100 });
  expect(five.errors).toBeUndefined();
  expect(hundred.data!.organisations.edges).toHaveLength(100);
  expect(hundred.sql).toBe(five.sql);
  // page + count + one batch per relation (identifiers, places served, places, parents): a small constant.
  expect(five.sql).toBeLessThanOrEqual(8);
});

test("a search filtered by a borough is one statement once the search has been seen: the place tree is expanded in it", async () => {
  const [{ id: borough }] = await app.db.query("SELECT id FROM place WHERE parent_id IS NOT NULL ORDER BY code LIMIT 1");
  const q = `query($s: String!, $p: ID!) { organisations(first: 20, filter: { search: $s, placeIds: [$p] }) { totalCount nodes { name } } }`;
  const vars = { s: "community", p: toGlobalId("Place", borough) };
  const first = await app.run(q, vars);
  const again = await app.run(q, vars);
  expect(again.errors).toBeUndefined();
  expect(again.data).toEqual(first.data);
  // Whether the words occur in the register (exact or typo matching), then the page; the second time only the page.
  expect([first.sql, again.sql]).toEqual([2, 1]);
});
