// The demo data shows community assets off: assets in every borough, transfer cases at every stage, moratoria running
// today, the bakery's building in its hands and worth more since, and what each demo principal may see of it.
import { startTestApp, TestApp } from "../support/test-app";
import { loadDemoData } from "../../src/demo/demo";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";
import { DEMO_PASSWORD, DEMO_USERS } from "../../src/demo/demo-accounts";
import { DEMO_BAKERY_ASSET } from "../../src/modules/assets/assets.demo";
import { DEMO_OWNER_ORGANISATION } from "../../src/modules/organisations/organisations.demo";
import { toGlobalId } from "../../src/graphql/ids";

let app: TestApp;
let analyst: string;
beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db, allModules, createLogger("silent"));
  analyst = await app.signIn(DEMO_USERS.analyst.email, DEMO_PASSWORD);
});
afterAll(async () => { await app.close(); });

test("every borough of the city region has assets", async () => {
  const { places } = await app.ok(`{ places(first: 10, filter: { kinds: [LOCAL_AUTHORITY] }) { nodes { id name } } }`);
  expect(places.nodes).toHaveLength(6);
  for (const place of places.nodes) {
    const { assets } = await app.ok(`query($p: ID!) { assets(first: 1, filter: { placeIds: [$p] }) { totalCount } }`, { p: place.id });
    expect({ borough: place.name, some: assets.totalCount > 0 }).toEqual({ borough: place.name, some: true });
  }
});

test("transfer cases stand at every stage", async () => {
  const { assetTransfers } = await app.ok(`{ assetTransfers(first: 100) { nodes { stage stageHistory { movedOn } } } }`, {}, analyst);
  const stages = new Set(assetTransfers.nodes.map((t: { stage: string }) => t.stage));
  expect([...stages].sort()).toEqual(["BUSINESS_CASE", "COMPLETED", "DUE_DILIGENCE", "HANDED_OVER", "HEADS_OF_TERMS", "INTEREST", "WITHDRAWN"]);
});

test("listed assets have an interim and a full moratorium running today, a protected period, and pending and refused nominations", async () => {
  const { assets } = await app.ok(`{ assets(first: 100) { nodes { name acvListings { status state } } } }`);
  const states = assets.nodes.flatMap((a: { acvListings: { state: string }[] }) => a.acvListings.map((l) => l.state)).sort();
  expect(states).toEqual(["FULL_MORATORIUM", "INTERIM_MORATORIUM", "LISTED", "NOMINATED", "NOT_LISTED", "PROTECTED_PERIOD"]);
});

test("the owner's bakery holds its building on a lease, worth £60,000 more since the transfer", async () => {
  const id = toGlobalId("Organisation", (await app.db.query("SELECT id FROM organisation WHERE name = $1", [DEMO_OWNER_ORGANISATION]))[0].id);
  const { node } = await app.ok(`query($id: ID!) { node(id: $id) { ... on Organisation { assets(first: 10) { nodes { name kind tenure leaseTermYears
    valueAtTransfer { pence } upliftSinceTransfer { pence } transfers(first: 1) { nodes { stage communityGain { formatted } } } } } assetUplift { uplift { formatted } } } } }`, { id });
  expect(node.assets.nodes).toEqual([{
    name: DEMO_BAKERY_ASSET, kind: "BUILDING", tenure: "LEASE", leaseTermYears: 25, valueAtTransfer: { pence: 18_000_000 }, upliftSinceTransfer: { pence: 6_000_000 },
    transfers: { nodes: [{ stage: "HANDED_OVER", communityGain: { formatted: "£179,999.00" } }] },
  }]);
  expect(node.assetUplift.uplift.formatted).toBe("£60,000.00");
});

test("cases in negotiation are hidden from the public and shown to the parties: the viewer's repair café sees its withdrawn case", async () => {
  const q = `{ assetTransfers(first: 100) { totalCount nodes { stage toOrganisation { name } } } }`;
  const everyone = (await app.ok(q, {}, analyst)).assetTransfers;
  const anonymous = (await app.ok(q)).assetTransfers;
  const viewer = (await app.ok(q, {}, await app.signIn(DEMO_USERS.viewer.email, DEMO_PASSWORD))).assetTransfers;
  expect(anonymous.nodes.every((t: { stage: string }) => ["COMPLETED", "HANDED_OVER"].includes(t.stage))).toBe(true);
  expect(anonymous.totalCount).toBeLessThan(everyone.totalCount);
  expect(viewer.nodes.filter((t: { stage: string }) => t.stage === "WITHDRAWN")).toEqual([{ stage: "WITHDRAWN", toOrganisation: { name: "Bootle Repair Café Co-operative" } }]);
});
