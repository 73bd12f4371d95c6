// Relation fields load through per-request DataLoaders: a request's SQL count does not grow with page size.
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
  // One page query, one batch of parents, one batch of children.
  expect(counts[0]).toBe(3);
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

test("totalCount costs one more statement only when asked for", async () => {
  const without = await app.run(`{ places(first: 5) { nodes { id } } }`);
  const withTotal = await app.run(`{ places(first: 5) { totalCount nodes { id } } }`);
  expect(withTotal.sql).toBe(without.sql + 1);
});
