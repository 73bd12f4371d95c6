// Clusters through the API: what each kind must name, never by sector, changing and closing, and the clusters list.
import { startTestApp, TestApp } from "../../../../tests/support/test-app";
import { clusterRowCounts, makeCluster } from "../../../../tests/support/cluster-factories";
import { codes, OPS, personWithOrganisation, signedIn } from "../../../../tests/support/cluster-operations";
import { Role } from "../../../auth/roles";
import { toGlobalId } from "../../../graphql/ids";

let app: TestApp;
let admin: string;
let liverpool: string;
let sefton: string;
beforeAll(async () => {
  app = await startTestApp();
  admin = (await signedIn(app, [Role.ADMIN])).token;
  const places: { id: string; code: string }[] = await app.db.query("SELECT id, code FROM place WHERE code IN ('E08000012', 'E08000014')");
  liverpool = toGlobalId("Place", places.find((p) => p.code === "E08000012")!.id);
  sefton = toGlobalId("Place", places.find((p) => p.code === "E08000014")!.id);
});
afterAll(async () => { await app.close(); });

const create = async (input: Record<string, unknown>, token = admin) => (await app.ok(OPS.createCluster, { input }, token)).createCluster;

test("a cluster described by sector only is refused with SECTOR_CLUSTER, and nothing is written", async () => {
  const before = await clusterRowCounts(app.db);
  for (const [input, field] of [
    [{ name: "Hospitality", kind: "PLACE", placeId: liverpool }, "name"],
    [{ name: "Retail and wholesale network", kind: "CAUSE", cause: "FOOD" }, "name"],
    [{ name: "Makers", kind: "COMMUNITY_OF_INTEREST", interest: "Construction & manufacturing firms" }, "interest"],
    [{ name: "Southport peers", description: "Tourism and hospitality sector businesses", kind: "PLACE", placeId: sefton }, "description"],
  ] as const) {
    const r = await create(input);
    expect(r.cluster).toBeNull();
    expect(r.userErrors).toEqual([expect.objectContaining({ field: [field], code: "SECTOR_CLUSTER" })]);
    expect(r.userErrors[0].message).toMatch(/place, cause or community of interest, never by sector/);
  }
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("a place, cause or interest named alongside a sector word is not a sector cluster", async () => {
  const r = await create({ name: "Retail in Bootle", kind: "PLACE", placeId: sefton });
  expect(r.userErrors).toEqual([]);
  expect(r.cluster).toMatchObject({ name: "Retail in Bootle", kind: "PLACE", status: "FORMING", place: { name: "Sefton" } });
});

test("each kind names what brings it together: PLACE a place, CAUSE a cause, COMMUNITY_OF_INTEREST an interest", async () => {
  const before = await clusterRowCounts(app.db);
  expect(codes(await create({ name: "Somewhere", kind: "PLACE" }))).toEqual(["PLACE_REQUIRED"]);
  expect(codes(await create({ name: "Something", kind: "CAUSE" }))).toEqual(["CAUSE_REQUIRED"]);
  expect(codes(await create({ name: "Someone", kind: "COMMUNITY_OF_INTEREST" }))).toEqual(["INTEREST_REQUIRED"]);
  expect(codes(await create({ name: "Mixed", kind: "PLACE", placeId: liverpool, cause: "FOOD", interest: "pubs" }))).toEqual(["NOT_FOR_KIND", "NOT_FOR_KIND"]);
  expect(codes(await create({ name: "Nowhere", kind: "PLACE", placeId: toGlobalId("Place", "00000000-0000-4000-8000-000000000000") }))).toEqual(["UNKNOWN_PLACE"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
  const cause = await create({ name: "Good Food Wirral", kind: "CAUSE", cause: "FOOD", placeId: sefton });
  const interest = await create({ name: "Community pubs", kind: "COMMUNITY_OF_INTEREST", interest: "Running a community-owned pub" });
  expect([cause.cluster.cause, interest.cluster.interest]).toEqual(["FOOD", "Running a community-owned pub"]);
});

test("an organisation's owner starts a cluster their organisation facilitates; without one only ADMIN may", async () => {
  const owner = await personWithOrganisation(app, "Anfield Bakers CIC");
  const r = await create({ name: "Anfield Neighbours", kind: "PLACE", placeId: liverpool, facilitatorOrganisationId: owner.organisation }, owner.token);
  expect(r.userErrors).toEqual([]);
  expect(r.cluster.facilitators).toEqual([{ name: "Anfield Bakers CIC" }]);
  const [row] = await app.db.query("SELECT role, left_on FROM cluster_membership WHERE organisation_id = $1", [owner.organisationId]);
  expect(row).toEqual({ role: "FACILITATOR", left_on: null });
  const before = await clusterRowCounts(app.db);
  expect(codes(await create({ name: "Anfield Two", kind: "PLACE", placeId: liverpool }, owner.token))).toEqual(["NOT_ALLOWED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("updating needs the version read; the status moves only as its table allows; the kind rules still hold", async () => {
  const { cluster } = await create({ name: "Kensington Traders' Circle", kind: "PLACE", placeId: liverpool });
  const ok = (await app.ok(OPS.updateCluster, { input: { id: cluster.id, expectedVersion: 1, name: "Kensington Circle", status: "ACTIVE" } }, admin)).updateCluster;
  expect(ok.cluster).toMatchObject({ name: "Kensington Circle", status: "ACTIVE", version: 3 });
  const stale = (await app.ok(OPS.updateCluster, { input: { id: cluster.id, expectedVersion: 1, name: "Late" } }, admin)).updateCluster;
  expect(codes(stale)).toEqual(["STALE_VERSION"]);
  const back = (await app.ok(OPS.updateCluster, { input: { id: cluster.id, expectedVersion: 3, status: "FORMING" } }, admin)).updateCluster;
  expect(codes(back)).toEqual(["WRONG_STATUS"]);
  const noPlace = (await app.ok(OPS.updateCluster, { input: { id: cluster.id, expectedVersion: 3, placeId: null } }, admin)).updateCluster;
  expect(codes(noPlace)).toEqual(["PLACE_REQUIRED"]);
  const sector = (await app.ok(OPS.updateCluster, { input: { id: cluster.id, expectedVersion: 3, name: "Retail" } }, admin)).updateCluster;
  expect(codes(sector)).toEqual(["SECTOR_CLUSTER"]);
  const [row] = await app.db.query("SELECT name, status, version FROM cluster WHERE id = $1", [Buffer.from(cluster.id, "base64url").toString().split(":")[1]]);
  expect(row).toEqual({ name: "Kensington Circle", status: "ACTIVE", version: 3 });
});

test("closing a cluster ends its current memberships today, keeps the history, and refuses further changes", async () => {
  const a = await personWithOrganisation(app);
  const b = await personWithOrganisation(app);
  const id = await makeCluster(app.db, { members: [{ organisationId: a.organisationId, role: "FACILITATOR" }, { organisationId: b.organisationId, leftOn: "2024-05-01" }] });
  const closed = (await app.ok(OPS.closeCluster, { input: { id: toGlobalId("Cluster", id), expectedVersion: 1 } }, a.token)).closeCluster;
  expect(closed.cluster).toMatchObject({ status: "CLOSED", version: 2 });
  const rows = await app.db.query("SELECT organisation_id, left_on FROM cluster_membership WHERE cluster_id = $1 ORDER BY left_on", [id]);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  expect(rows).toEqual([{ organisation_id: b.organisationId, left_on: "2024-05-01" }, { organisation_id: a.organisationId, left_on: today }]);
  const [event] = await app.db.query("SELECT changes FROM audit_event WHERE action = 'cluster.close' AND entity_id = $1", [id]);
  const [ended] = await app.db.query("SELECT id FROM cluster_membership WHERE organisation_id = $1", [a.organisationId]);
  expect(event.changes).toEqual({
    status: { before: "ACTIVE", after: "CLOSED" }, closedAt: { before: null, after: expect.any(String) }, endedMemberships: { before: [], after: [ended.id] },
  });
  const before = await clusterRowCounts(app.db);
  const again = (await app.ok(OPS.updateCluster, { input: { id: toGlobalId("Cluster", id), expectedVersion: 2, name: "Reopened" } }, admin)).updateCluster;
  expect(codes(again)).toEqual(["CLUSTER_CLOSED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("a CLOSED cluster is never reopened or closed again: each is WRONG_STATUS and writes nothing", async () => {
  const admin = (await signedIn(app, [Role.ADMIN])).token;
  const id = toGlobalId("Cluster", await makeCluster(app.db, { status: "ACTIVE" }));
  expect((await app.ok(OPS.closeCluster, { input: { id, expectedVersion: 1 } }, admin)).closeCluster.userErrors).toEqual([]);
  const before = await clusterRowCounts(app.db);
  for (const status of ["ACTIVE", "DORMANT", "FORMING"]) {
    const reopen = (await app.ok(OPS.updateCluster, { input: { id, expectedVersion: 2, status } }, admin)).updateCluster;
    expect({ status, codes: codes(reopen), cluster: reopen.cluster }).toEqual({ status, codes: ["WRONG_STATUS"], cluster: null });
  }
  expect(codes((await app.ok(OPS.closeCluster, { input: { id, expectedVersion: 2 } }, admin)).closeCluster)).toEqual(["WRONG_STATUS"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
  const [row] = await app.db.query("SELECT status, version FROM cluster WHERE id = $1", [Buffer.from(id, "base64url").toString().split(":")[1]]);
  expect(row).toEqual({ status: "CLOSED", version: 2 });
});

test("a FORMING cluster becomes ACTIVE before it can rest as DORMANT; the refused move writes nothing", async () => {
  const admin = (await signedIn(app, [Role.ADMIN])).token;
  const id = toGlobalId("Cluster", await makeCluster(app.db, { status: "FORMING" }));
  const before = await clusterRowCounts(app.db);
  expect(codes((await app.ok(OPS.updateCluster, { input: { id, expectedVersion: 1, status: "DORMANT" } }, admin)).updateCluster)).toEqual(["WRONG_STATUS"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
  const active = (await app.ok(OPS.updateCluster, { input: { id, expectedVersion: 1, status: "ACTIVE" } }, admin)).updateCluster;
  expect(active.cluster).toMatchObject({ status: "ACTIVE", version: 2 });
  const dormant = (await app.ok(OPS.updateCluster, { input: { id, expectedVersion: 2, status: "DORMANT" } }, admin)).updateCluster;
  expect(dormant.cluster).toMatchObject({ status: "DORMANT", version: 3 });
});

test("clusters can be filtered by kind, place (boroughs include their wards), words, and a member organisation; closed ones are hidden unless asked", async () => {
  const member = await personWithOrganisation(app);
  const [ward] = await app.db.query(`INSERT INTO place (kind, code, name, parent_id) SELECT 'WARD', 'E05999001', 'Test Ward', id FROM place WHERE code = 'E08000014' RETURNING id`);
  await app.db.query("INSERT INTO cluster (name, kind, place_id, status) VALUES ('Filter ward cluster', 'PLACE', $1, 'ACTIVE')", [ward.id]);
  await makeCluster(app.db, { name: "Filter cause cluster", members: [{ organisationId: member.organisationId }] });
  await app.db.query("INSERT INTO cluster (name, kind, cause, status, closed_at) VALUES ('Filter closed cluster', 'CAUSE', 'FOOD', 'CLOSED', now())");
  const names = async (filter: Record<string, unknown>) =>
    (await app.ok(`query($f: ClusterFilter) { clusters(first: 100, filter: $f) { nodes { name } } }`, { f: filter })).clusters.nodes
      .map((n: { name: string }) => n.name).filter((n: string) => n.startsWith("Filter"));
  expect(await names({ search: "filter" })).toEqual(["Filter cause cluster", "Filter ward cluster"]);
  expect(await names({ search: "filter", kinds: ["PLACE"] })).toEqual(["Filter ward cluster"]);
  expect(await names({ placeIds: [sefton] })).toEqual(["Filter ward cluster"]);
  expect(await names({ hasOrganisation: member.organisation })).toEqual(["Filter cause cluster"]);
  expect(await names({ search: "filter", statuses: ["CLOSED"] })).toEqual(["Filter closed cluster"]);
});
