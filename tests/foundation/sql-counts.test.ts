// A request's SQL count does not grow with page size: relations selected under a list are folded into the list's own
// statement, and where nothing folds them they load through per-request loaders, one statement per relation.
import { startTestApp, TestApp } from "../support/test-app";
import { insertPlaces, LIVERPOOL, LIVERPOOL_WARDS, placeIdsByName } from "../support/places";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await insertPlaces(app.db, LIVERPOOL, LIVERPOOL_WARDS);
});
afterAll(async () => { await app.close(); });

const WITH_RELATIONS = `query($n: Int!) { places(first: $n) { nodes { name parent { name } children { name } } } }`;

test("places with parent and children runs the same statements for first: 2, 7 and 30", async () => {
  const counts: number[] = [];
  for (const n of [2, 7, 30]) {
    const r = await app.run(WITH_RELATIONS, { n });
    expect(r.errors).toBeUndefined();
    expect(r.data!.places.nodes).toHaveLength(n);
    counts.push(r.sql);
  }
  expect(new Set(counts).size).toBe(1);
  // The page, its parents and its children in one statement.
  expect(counts[0]).toBe(1);
});

test("relations not under a list (a place fetched by ID) load through one batched statement each", async () => {
  const ids = await placeIdsByName(app.db);
  const q = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Place { name parent { name } children { name } } } }`;
  const few = await app.run(q, { ids: ids.slice(0, 2) });
  const many = await app.run(q, { ids: ids.slice(0, 30) });
  expect(few.errors).toBeUndefined();
  expect(many.data!.nodes.filter((p: { parent: unknown }) => p.parent).length).toBeGreaterThan(20);
  // The places, one batch of parents, one batch of children.
  expect([few.sql, many.sql]).toEqual([3, 3]);
});

test("the pages asked really have parents and children to load", async () => {
  const r = await app.run(WITH_RELATIONS, { n: 30 });
  const nodes: { parent: unknown; children: unknown[] }[] = r.data!.places.nodes;
  expect(nodes.filter((p) => p.parent).length).toBeGreaterThan(20);
  expect(nodes.some((p) => p.children.length > 0)).toBe(true);
});

test("nodes(ids:) loads any number of places in one statement", async () => {
  const ids = await placeIdsByName(app.db);
  const few = await app.run(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids.slice(0, 2) });
  const many = await app.run(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids.slice(0, 30) });
  expect(few.sql).toBe(1);
  expect(many.sql).toBe(1);
});

test("totalCount rides on the page's statement, and is counted on its own only when the page is empty", async () => {
  const without = await app.run(`{ places(first: 5) { nodes { id } } }`);
  const withTotal = await app.run(`{ places(first: 5) { totalCount nodes { id } } }`);
  const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM place");
  expect(withTotal.data!.places.totalCount).toBe(n);
  expect(withTotal.sql).toBe(without.sql);
  const empty = await app.run(`{ places(first: 5, filter: { search: "no such place anywhere" }) { totalCount nodes { id } } }`);
  expect(empty.data!.places).toEqual({ totalCount: 0, nodes: [] });
  expect(empty.sql).toBe(2);
});
