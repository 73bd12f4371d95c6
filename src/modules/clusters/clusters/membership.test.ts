// Membership periods: joining, leaving and rejoining keep the history; bad moves are userErrors that write nothing.
import { startTestApp, TestApp } from "../../../../tests/support/test-app";
import { clusterRowCounts, makeCluster } from "../../../../tests/support/cluster-factories";
import { codes, OPS, personWithOrganisation } from "../../../../tests/support/cluster-operations";
import { toGlobalId } from "../../../graphql/ids";
import { londonDate } from "../../../kit/calendar";
import { raceTest } from "../../../../tests/support/races";
import { makeUser, TEST_PASSWORD } from "../../../../tests/support/factories";
import { Role } from "../../../auth/roles";

let app: TestApp;
/** Recording an earlier joining day is for facilitators and ADMIN; an organisation's own people join today. */
let admin: string;
beforeAll(async () => {
  app = await startTestApp();
  admin = await app.signIn((await makeUser(app.db, { roles: [Role.ADMIN] })).email, TEST_PASSWORD);
});
afterAll(async () => { await app.close(); });

const join = async (token: string, input: Record<string, unknown>) => (await app.ok(OPS.joinCluster, { input }, token)).joinCluster;
const leave = async (token: string, input: Record<string, unknown>) => (await app.ok(OPS.leaveCluster, { input }, token)).leaveCluster;

test("leaving closes the period and rejoining opens a new one; the organisation's history shows both", async () => {
  const owner = await personWithOrganisation(app, "Everton Youth Theatre CIC");
  const cluster = toGlobalId("Cluster", await makeCluster(app.db, { name: "Everton Together" }));
  const input = { clusterId: cluster, organisationId: owner.organisation };
  expect((await join(admin, { ...input, joinedOn: "2024-02-01" })).membership).toMatchObject({ role: "MEMBER", joinedOn: "2024-02-01", leftOn: null, current: true });
  expect((await leave(owner.token, { ...input, leftOn: "2024-09-30" })).membership).toMatchObject({ joinedOn: "2024-02-01", leftOn: "2024-09-30", current: false });
  expect((await join(admin, { ...input, joinedOn: "2025-03-01" })).membership).toMatchObject({ joinedOn: "2025-03-01", current: true });
  const { node } = await app.ok(`query($id: ID!) { node(id: $id) { ... on Organisation {
    clusterMemberships { joinedOn leftOn cluster { name } } clusters(first: 5) { totalCount nodes { name } } } } }`, { id: owner.organisation });
  expect(node.clusterMemberships).toEqual([
    { joinedOn: "2024-02-01", leftOn: "2024-09-30", cluster: { name: "Everton Together" } },
    { joinedOn: "2025-03-01", leftOn: null, cluster: { name: "Everton Together" } },
  ]);
  expect(node.clusters).toEqual({ totalCount: 1, nodes: [{ name: "Everton Together" }] });
  const actions = await app.db.query(`SELECT action FROM audit_event WHERE entity_type = 'ClusterMembership'
    AND entity_id IN (SELECT id::text FROM cluster_membership WHERE organisation_id = $1) ORDER BY id`, [owner.organisationId]);
  expect(actions.map((a: { action: string }) => a.action)).toEqual(["cluster.join", "cluster.leave", "cluster.join"]);
});

test("joining twice is ALREADY_MEMBER and leaving a cluster one is not in is NOT_MEMBER; neither writes anything", async () => {
  const owner = await personWithOrganisation(app, "Walton Food Co-op");
  const stranger = await personWithOrganisation(app, "Garston Bike Kitchen CIC");
  const clusterId = await makeCluster(app.db, { members: [{ organisationId: owner.organisationId }] });
  const before = await clusterRowCounts(app.db);
  const twice = await join(owner.token, { clusterId: toGlobalId("Cluster", clusterId), organisationId: owner.organisation });
  expect(twice.userErrors).toEqual([expect.objectContaining({ field: ["organisationId"], code: "ALREADY_MEMBER" })]);
  const notIn = await leave(stranger.token, { clusterId: toGlobalId("Cluster", clusterId), organisationId: stranger.organisation });
  expect(notIn.userErrors).toEqual([expect.objectContaining({ field: ["organisationId"], code: "NOT_MEMBER" })]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("the database keeps at most one open period per organisation and cluster", async () => {
  const owner = await personWithOrganisation(app);
  const clusterId = await makeCluster(app.db, { members: [{ organisationId: owner.organisationId }] });
  await expect(app.db.query("INSERT INTO cluster_membership (cluster_id, organisation_id, role, joined_on) VALUES ($1, $2, 'MEMBER', '2025-01-01')",
    [clusterId, owner.organisationId])).rejects.toThrow(/cluster_membership_open_key/);
});

test("joining a closed cluster is CLUSTER_CLOSED; dates in the future or inside an earlier period are refused", async () => {
  const owner = await personWithOrganisation(app);
  const [closed] = await app.db.query("INSERT INTO cluster (name, kind, cause, status, closed_at) VALUES ('Closed one', 'CAUSE', 'FOOD', 'CLOSED', now()) RETURNING id");
  const open = await makeCluster(app.db, { members: [{ organisationId: owner.organisationId, joinedOn: "2023-01-01", leftOn: "2024-06-01" }] });
  const before = await clusterRowCounts(app.db);
  expect(codes(await join(owner.token, { clusterId: toGlobalId("Cluster", closed.id), organisationId: owner.organisation }))).toEqual(["CLUSTER_CLOSED"]);
  expect(codes(await join(admin, { clusterId: toGlobalId("Cluster", open), organisationId: owner.organisation, joinedOn: "2099-01-01" }))).toEqual(["IN_FUTURE"]);
  expect(codes(await join(admin, { clusterId: toGlobalId("Cluster", open), organisationId: owner.organisation, joinedOn: "2024-01-01" }))).toEqual(["OVERLAPS_EARLIER_PERIOD"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
  expect((await join(admin, { clusterId: toGlobalId("Cluster", open), organisationId: owner.organisation, joinedOn: "2024-06-01" })).userErrors).toEqual([]);
});

test("a period cannot end before it began, and leaving defaults to today (UK)", async () => {
  const owner = await personWithOrganisation(app);
  const clusterId = toGlobalId("Cluster", await makeCluster(app.db, { members: [{ organisationId: (await personWithOrganisation(app)).organisationId }] }));
  await join(admin, { clusterId, organisationId: owner.organisation, joinedOn: "2025-01-10" });
  expect(codes(await leave(owner.token, { clusterId, organisationId: owner.organisation, leftOn: "2025-01-09" }))).toEqual(["BEFORE_JOINED"]);
  expect((await leave(owner.token, { clusterId, organisationId: owner.organisation })).membership.leftOn).toBe(londonDate());
});

test("a cluster's members list shows current periods, or the whole history with includePast", async () => {
  const [a, b, c] = [await personWithOrganisation(app, "Members A"), await personWithOrganisation(app, "Members B"), await personWithOrganisation(app, "Members C")];
  const clusterId = await makeCluster(app.db, { members: [
    { organisationId: a.organisationId, joinedOn: "2023-01-01" },
    { organisationId: b.organisationId, joinedOn: "2023-02-01", leftOn: "2024-01-01" },
    { organisationId: b.organisationId, joinedOn: "2024-06-01" },
    { organisationId: c.organisationId, joinedOn: "2023-03-01", leftOn: "2023-12-01" },
  ] });
  const q = `query($id: ID!, $past: Boolean) { node(id: $id) { ... on Cluster { members(first: 10, includePast: $past) {
    totalCount nodes { joinedOn current organisation { name } } } } } }`;
  const now = (await app.ok(q, { id: toGlobalId("Cluster", clusterId), past: false })).node.members;
  expect(now.nodes.map((n: { organisation: { name: string } }) => n.organisation.name)).toEqual(["Members A", "Members B"]);
  const all = (await app.ok(q, { id: toGlobalId("Cluster", clusterId), past: true })).node.members;
  expect(all.totalCount).toBe(4);
  expect(all.nodes.map((n: { joinedOn: string; current: boolean }) => [n.joinedOn, n.current])).toEqual([
    ["2023-01-01", true], ["2023-02-01", false], ["2023-03-01", false], ["2024-06-01", true],
  ]);
});

raceTest("two requests joining one organisation to a cluster at once make one membership period and one cluster.joined", async () => {
  const owner = await personWithOrganisation(app);
  const clusterId = await makeCluster(app.db);
  const input = { clusterId: toGlobalId("Cluster", clusterId), organisationId: owner.organisation };
  const results = await Promise.all([join(owner.token, input), join(owner.token, input)]);
  expect(results.map(codes).sort()).toEqual([[], ["ALREADY_MEMBER"]]);
  const [{ periods }] = await app.db.query("SELECT count(*)::int AS periods FROM cluster_membership WHERE cluster_id = $1", [clusterId]);
  const [{ events }] = await app.db.query("SELECT count(*)::int AS events FROM domain_event WHERE type = 'cluster.joined' AND data->>'clusterId' = $1", [clusterId]);
  expect({ periods, events }).toEqual({ periods: 1, events: 1 });
});

test("an organisation's own people join today: an earlier day, which would open older gatherings' notes, is refused", async () => {
  const owner = await personWithOrganisation(app);
  const clusterId = toGlobalId("Cluster", await makeCluster(app.db));
  const before = await clusterRowCounts(app.db);
  expect(codes(await join(owner.token, { clusterId, organisationId: owner.organisation, joinedOn: "2020-01-01" }))).toEqual(["EARLIER_DAY_NOT_ALLOWED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
  expect((await join(owner.token, { clusterId, organisationId: owner.organisation, joinedOn: londonDate() })).membership.joinedOn).toBe(londonDate());
});
