// The portal's directory contract with clusters: it runs on the demo data, and its SQL does not grow with page size.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startTestApp, TestApp } from "../support/test-app";
import { loadDemoData } from "../../src/demo/demo";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";
import { toGlobalId } from "../../src/graphql/ids";
import { DEMO_OWNER_ORGANISATION } from "../../src/modules/organisations/organisations.demo";
import { makeCluster, makeOrganisationFor } from "../support/cluster-factories";
import { DEMO_PASSWORD, DEMO_USERS } from "../../src/demo/demo-accounts";
import { DEMO_PANEL } from "../../src/modules/clusters/clusters.demo";
import { clustersApi } from "../../src/modules/clusters/clusters.api";

// The client's own operation when ../shared is beside this clone (CI); a bare clone skips the tests that run it.
const DIRECTORY_FILE = join(__dirname, "../../../shared/contract/portal/OrganisationDirectory.graphql");
const DIRECTORY = existsSync(DIRECTORY_FILE) ? readFileSync(DIRECTORY_FILE, "utf8") : "";
const contractTest = DIRECTORY ? test : test.skip;

describe("on the demo data", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await loadDemoData(app.db, allModules, createLogger("silent"));
  });
  afterAll(async () => { await app.close(); });

  contractTest("the directory contract finds the Toxteth bakery in Liverpool with the clusters it is in now", async () => {
    const [liverpool] = await app.db.query("SELECT id FROM place WHERE code = 'E08000012'");
    const data = await app.ok(DIRECTORY, { filter: { search: "bakery", placeIds: [toGlobalId("Place", liverpool.id)] } });
    const bakery = data.organisations.edges.map((e: { node: { name: string } }) => e.node).find((n: { name: string }) => n.name === DEMO_OWNER_ORGANISATION);
    expect(bakery.clusters.nodes.map((c: { name: string; kind: string }) => [c.name, c.kind])).toEqual([
      ["Good Food City Region", "CAUSE"],
      ["Toxteth and Granby Neighbours", "PLACE"],
    ]);
  });

  test("the demo has a dozen clusters of all three kinds, with left and rejoined memberships and gatherings", async () => {
    const [counts] = await app.db.query(`SELECT count(*)::int AS clusters, count(DISTINCT kind)::int AS kinds,
      (SELECT count(*)::int FROM cluster_membership WHERE left_on IS NOT NULL) AS ended,
      (SELECT count(*)::int FROM (SELECT 1 FROM cluster_membership GROUP BY cluster_id, organisation_id HAVING count(*) > 1) r) AS rejoined,
      (SELECT count(*)::int FROM gathering_attendance) AS attendances,
      (SELECT count(*)::int FROM peer_exchange WHERE status = 'COMPLETED') AS exchanges FROM cluster`);
    expect(counts.clusters).toBe(12);
    expect(counts.kinds).toBe(3);
    expect(counts.ended).toBeGreaterThan(0);
    expect(counts.rejoined).toBeGreaterThan(0);
    expect(counts.attendances).toBeGreaterThan(0);
    expect(counts.exchanges).toBeGreaterThan(0);
  });

  test("the demo owner's bakery is in two clusters, panel@demo sits on the demo panel, and the bakery's matches start in its clusters", async () => {
    const [bakery] = await app.db.query("SELECT id FROM organisation WHERE name = $1", [DEMO_OWNER_ORGANISATION]);
    const [panel] = await app.db.query("SELECT id FROM peer_panel WHERE name = $1", [DEMO_PANEL]);
    const [panelUser] = await app.db.query("SELECT id FROM app_user WHERE email = $1", [DEMO_USERS.panel.email]);
    expect(await clustersApi.panelMembers(app.db, panel.id)).toContainEqual({ userId: panelUser.id, organisationId: null });
    const token = await app.signIn(DEMO_USERS.owner.email, DEMO_PASSWORD);
    const { matchesFor } = await app.ok(`query($id: ID!) { matchesFor(organisationId: $id) { inSharedCluster need { skill } } }`, { id: toGlobalId("Organisation", bakery.id) }, token);
    expect(matchesFor[0]).toEqual({ inSharedCluster: true, need: { skill: "FINANCE" } });
    expect(matchesFor.some((m: { inSharedCluster: boolean }) => !m.inSharedCluster)).toBe(true);
  });

  test("the clusters filter on organisations lists a cluster's current members", async () => {
    const { clusters } = await app.ok(`{ clusters(first: 1, filter: { search: "Toxteth" }) { nodes { id members(first: 100) { nodes { organisation { name } } } } } }`);
    const cluster = clusters.nodes[0];
    const { organisations } = await app.ok(`query($ids: [ID!]) { organisations(first: 100, filter: { clusterIds: $ids }) { nodes { name } } }`, { ids: [cluster.id] });
    const members = cluster.members.nodes.map((m: { organisation: { name: string } }) => m.organisation.name);
    expect(organisations.nodes.map((o: { name: string }) => o.name).sort()).toEqual([...members].sort());
    expect(members).toContain(DEMO_OWNER_ORGANISATION);
  });
});

contractTest("the directory query with clusters(first: 5) runs as many SQL statements for 100 organisations as for 5", async () => {
  const app = await startTestApp();
  try {
    const boroughs: { id: string }[] = await app.db.query("SELECT id FROM place WHERE kind = 'LOCAL_AUTHORITY' ORDER BY code");
    const orgs: string[] = [];
    for (let i = 0; i < 100; i++) {
      orgs.push(await makeOrganisationFor(app.db, null, {
        name: `Directory Test ${String(i).padStart(3, "0")}`, registeredPlaceId: boroughs[i % boroughs.length].id,
      }));
    }
    for (let c = 0; c < 10; c++) {
      await makeCluster(app.db, { members: orgs.filter((_, i) => i % 10 === c || i % 7 === c).map((organisationId) => ({ organisationId })) });
    }
    const five = await app.run(DIRECTORY, { first: 5 });
    const hundred = await app.run(DIRECTORY, { first: 100 });
    expect(five.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data!.organisations.edges).toHaveLength(100);
    expect(hundred.data!.organisations.edges.every((e: { node: { clusters: { nodes: unknown[] } } }) => e.node.clusters.nodes.length >= 1)).toBe(true);
    expect(hundred.sql).toBe(five.sql);
  } finally {
    await app.close();
  }
});

test("an organisation's clusters page by name with stable cursors", async () => {
  const app = await startTestApp();
  try {
    const org = await makeOrganisationFor(app.db, null);
    for (const name of ["Charlie cluster", "alpha cluster", "Bravo cluster"]) await makeCluster(app.db, { name, members: [{ organisationId: org }] });
    await makeCluster(app.db, { name: "Delta cluster (left)", members: [{ organisationId: org, leftOn: "2024-06-01" }] });
    const q = `query($id: ID!, $after: String) { node(id: $id) { ... on Organisation {
      clusters(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { name } } } } }`;
    const first = (await app.ok(q, { id: toGlobalId("Organisation", org) })).node.clusters;
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true }, nodes: [{ name: "alpha cluster" }, { name: "Bravo cluster" }] });
    const second = (await app.ok(q, { id: toGlobalId("Organisation", org), after: first.pageInfo.endCursor })).node.clusters;
    expect(second).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false }, nodes: [{ name: "Charlie cluster" }] });
  } finally {
    await app.close();
  }
});
