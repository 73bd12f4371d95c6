// The demo data shows the places import off: wards and neighbourhoods loaded through it, marked demo, with demo
// organisations registered in them and counted in their borough and the region.
import { startTestApp, TestApp } from "../support/test-app";
import { loadDemoData } from "../../src/demo/demo";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
});
afterAll(() => app.close());

const count = async (placeId: string) => (await app.ok(
  `query($p: ID!) { organisations(first: 1, filter: { placeIds: [$p] }) { totalCount } }`, { p: placeId },
)).organisations.totalCount;

test("demo wards and neighbourhoods are marked demo, named so, and each has organisations counted in its borough", async () => {
  const { places } = await app.ok(`{ places(first: 50, filter: { kinds: [WARD, NEIGHBOURHOOD] }) {
    nodes { id name code demo parent { id kind parent { id kind } } } } }`);
  expect(places.nodes.length).toBeGreaterThanOrEqual(4);
  for (const place of places.nodes) {
    expect({ code: place.code, demo: place.demo, named: /\(demo (ward|neighbourhood)\)$/.test(place.name) }).toEqual({ code: place.code, demo: true, named: true });
    const inPlace = await count(place.id);
    expect({ code: place.code, some: inPlace > 0 }).toEqual({ code: place.code, some: true });
    const borough = place.parent.kind === "LOCAL_AUTHORITY" ? place.parent.id : place.parent.parent.id;
    expect(await count(borough)).toBeGreaterThan(inPlace);
  }
  const { places: real } = await app.ok(`{ places(first: 10, filter: { kinds: [COMBINED_AUTHORITY, LOCAL_AUTHORITY] }) { nodes { demo } } }`);
  expect(real.nodes.map((p: { demo: boolean }) => p.demo)).toEqual([false, false, false, false, false, false, false]);
});
