// Cluster life as domain events: joining, leaving and closing each record exactly their events, in the same
// transaction; a refused request records none.
import { startTestApp, TestApp } from "../../../../tests/support/test-app";
import { makeCluster } from "../../../../tests/support/cluster-factories";
import { codes, OPS, personWithOrganisation, signedIn } from "../../../../tests/support/cluster-operations";
import { Role } from "../../../auth/roles";
import { toGlobalId } from "../../../graphql/ids";
import { londonDate } from "../../../kit/calendar";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

const keyOf = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1];

/** Runs `act` and returns the domain events it recorded, oldest first. */
async function eventsOf(act: () => Promise<unknown>) {
  const [{ last }] = await app.db.query("SELECT coalesce(max(id), 0) AS last FROM domain_event");
  await act();
  return app.db.query(
    "SELECT type, subject_type AS \"subjectType\", subject_id AS \"subjectId\", data FROM domain_event WHERE id > $1 ORDER BY id", [last],
  );
}

test("joining records one cluster.joined for the new membership period, with its cluster, organisation, role and day", async () => {
  const owner = await personWithOrganisation(app);
  const clusterId = await makeCluster(app.db);
  // An earlier joining day is recorded by ADMIN or a facilitator.
  const admin = (await signedIn(app, [Role.ADMIN])).token;
  let membership = "";
  const events = await eventsOf(async () => {
    const r = (await app.ok(OPS.joinCluster, { input: { clusterId: toGlobalId("Cluster", clusterId), organisationId: owner.organisation, joinedOn: "2025-02-03" } }, admin)).joinCluster;
    expect(r.userErrors).toEqual([]);
    membership = keyOf(r.membership.id);
  });
  expect(events).toEqual([{
    type: "cluster.joined", subjectType: "ClusterMembership", subjectId: membership,
    data: { clusterId, organisationId: owner.organisationId, role: "MEMBER", day: "2025-02-03" },
  }]);
});

test("starting a cluster for a facilitating organisation records its joining as FACILITATOR", async () => {
  const owner = await personWithOrganisation(app);
  const events = await eventsOf(async () => {
    const r = (await app.ok(OPS.createCluster, { input: { name: "Events Cluster", kind: "CAUSE", cause: "FOOD", facilitatorOrganisationId: owner.organisation } }, owner.token)).createCluster;
    expect(r.userErrors).toEqual([]);
  });
  const [membership] = await app.db.query("SELECT id, cluster_id FROM cluster_membership WHERE organisation_id = $1", [owner.organisationId]);
  expect(events).toEqual([{
    type: "cluster.joined", subjectType: "ClusterMembership", subjectId: membership.id,
    data: { clusterId: membership.cluster_id, organisationId: owner.organisationId, role: "FACILITATOR", day: londonDate() },
  }]);
});

test("leaving records one cluster.left for the period that ended, on the day it ended", async () => {
  const owner = await personWithOrganisation(app);
  const clusterId = await makeCluster(app.db, { members: [{ organisationId: owner.organisationId, role: "FACILITATOR", joinedOn: "2024-01-01" }] });
  const [membership] = await app.db.query("SELECT id FROM cluster_membership WHERE organisation_id = $1", [owner.organisationId]);
  const events = await eventsOf(async () => {
    const r = (await app.ok(OPS.leaveCluster, { input: { clusterId: toGlobalId("Cluster", clusterId), organisationId: owner.organisation, leftOn: "2025-03-31" } }, owner.token)).leaveCluster;
    expect(r.userErrors).toEqual([]);
  });
  expect(events).toEqual([{
    type: "cluster.left", subjectType: "ClusterMembership", subjectId: membership.id,
    data: { clusterId, organisationId: owner.organisationId, role: "FACILITATOR", day: "2025-03-31" },
  }]);
});

test("closing records a cluster.left for each current membership it ends, then one cluster.closed; past members get none", async () => {
  const admin = (await signedIn(app, [Role.ADMIN])).token;
  const [a, b, past] = [await personWithOrganisation(app), await personWithOrganisation(app), await personWithOrganisation(app)];
  const clusterId = await makeCluster(app.db, { members: [
    { organisationId: a.organisationId, role: "FACILITATOR" }, { organisationId: b.organisationId },
    { organisationId: past.organisationId, leftOn: "2024-06-01" },
  ] });
  const ids: { id: string; organisation_id: string }[] = await app.db.query(
    "SELECT id, organisation_id FROM cluster_membership WHERE cluster_id = $1 AND left_on IS NULL", [clusterId]);
  const membershipOf = (organisationId: string) => ids.find((r) => r.organisation_id === organisationId)!.id;
  const today = londonDate();
  const events = await eventsOf(async () => {
    const r = (await app.ok(OPS.closeCluster, { input: { id: toGlobalId("Cluster", clusterId), expectedVersion: 1 } }, admin)).closeCluster;
    expect(r.userErrors).toEqual([]);
  });
  expect(events).toHaveLength(3);
  expect(events.slice(0, 2)).toEqual(expect.arrayContaining([
    { type: "cluster.left", subjectType: "ClusterMembership", subjectId: membershipOf(a.organisationId),
      data: { clusterId, organisationId: a.organisationId, role: "FACILITATOR", day: today } },
    { type: "cluster.left", subjectType: "ClusterMembership", subjectId: membershipOf(b.organisationId),
      data: { clusterId, organisationId: b.organisationId, role: "MEMBER", day: today } },
  ]));
  expect(events[2]).toEqual({ type: "cluster.closed", subjectType: "Cluster", subjectId: clusterId, data: { clusterId, day: today } });
});

test("closing through updateCluster's status records the same events", async () => {
  const admin = (await signedIn(app, [Role.ADMIN])).token;
  const member = await personWithOrganisation(app);
  const clusterId = await makeCluster(app.db, { members: [{ organisationId: member.organisationId }] });
  const events = await eventsOf(async () => {
    const r = (await app.ok(OPS.updateCluster, { input: { id: toGlobalId("Cluster", clusterId), expectedVersion: 1, status: "CLOSED" } }, admin)).updateCluster;
    expect(r.userErrors).toEqual([]);
  });
  expect(events.map((e: { type: string }) => e.type)).toEqual(["cluster.left", "cluster.closed"]);
});

test("a refused join, leave or close records no event", async () => {
  const admin = (await signedIn(app, [Role.ADMIN])).token;
  const owner = await personWithOrganisation(app);
  const stranger = await personWithOrganisation(app);
  const clusterId = toGlobalId("Cluster", await makeCluster(app.db, { members: [{ organisationId: owner.organisationId }] }));
  const events = await eventsOf(async () => {
    expect(codes((await app.ok(OPS.joinCluster, { input: { clusterId, organisationId: owner.organisation } }, owner.token)).joinCluster)).toEqual(["ALREADY_MEMBER"]);
    expect(codes((await app.ok(OPS.joinCluster, { input: { clusterId, organisationId: owner.organisation } }, stranger.token)).joinCluster)).toEqual(["NOT_ALLOWED"]);
    expect(codes((await app.ok(OPS.leaveCluster, { input: { clusterId, organisationId: stranger.organisation } }, stranger.token)).leaveCluster)).toEqual(["NOT_MEMBER"]);
    expect(codes((await app.ok(OPS.closeCluster, { input: { id: clusterId, expectedVersion: 1 } }, owner.token)).closeCluster)).toEqual(["NOT_ALLOWED"]);
    expect(codes((await app.ok(OPS.closeCluster, { input: { id: clusterId, expectedVersion: 9 } }, admin)).closeCluster)).toEqual(["STALE_VERSION"]);
  });
  expect(events).toEqual([]);
});
