// Gatherings: facilitators record them with attendance by member organisations; notes are for members only.
import { startTestApp, TestApp } from "../../../../tests/support/test-app";
import { clusterRowCounts, makeCluster } from "../../../../tests/support/cluster-factories";
import { codes, OPS, personWithOrganisation, signedIn } from "../../../../tests/support/cluster-operations";
import { Role } from "../../../auth/roles";
import { toGlobalId } from "../../../graphql/ids";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

async function clusterWithMembers() {
  const facilitator = await personWithOrganisation(app, "Gathering Facilitator CIC");
  const member = await personWithOrganisation(app, "Gathering Member Co-operative");
  const former = await personWithOrganisation(app, "Gathering Former Member Ltd");
  const outsider = await personWithOrganisation(app, "Gathering Outsider Trust");
  const id = await makeCluster(app.db, { members: [
    { organisationId: facilitator.organisationId, role: "FACILITATOR", joinedOn: "2024-01-01" },
    { organisationId: member.organisationId, joinedOn: "2024-01-01" },
    { organisationId: former.organisationId, joinedOn: "2024-01-01", leftOn: "2025-02-01" },
  ] });
  return { facilitator, member, former, outsider, id, clusterId: toGlobalId("Cluster", id) };
}

test("a facilitator records a past gathering with the member organisations that came and how many people", async () => {
  const c = await clusterWithMembers();
  const r = (await app.ok(OPS.recordGathering, { input: {
    clusterId: c.clusterId, startsAt: "2025-03-04T18:30:00Z", online: true, topic: "Pricing for social value", notes: "Agreed to share price lists.",
    attendance: [{ organisationId: c.facilitator.organisation, people: 2 }, { organisationId: c.member.organisation, people: 3 }],
  } }, c.facilitator.token)).recordGathering;
  expect(r.userErrors).toEqual([]);
  expect(r.gathering.peopleAttending).toBe(5);
  expect(r.gathering.attendance).toHaveLength(2);
  const update = (await app.ok(OPS.recordAttendance, { input: { gatheringId: r.gathering.id, attendance: [{ organisationId: c.member.organisation, people: 4 }] } }, c.facilitator.token)).recordAttendance;
  expect(update.gathering.peopleAttending).toBe(6);
  const [audited] = await app.db.query("SELECT changes FROM audit_event WHERE action = 'gathering.attendance' ORDER BY id DESC LIMIT 1");
  expect(audited.changes.attendance.after).toEqual(expect.arrayContaining([{ organisationId: c.member.organisationId, people: 4 }]));
});

test("attendance by an organisation that was not a member on the day is NOT_MEMBER, and nothing is written", async () => {
  const c = await clusterWithMembers();
  const before = await clusterRowCounts(app.db);
  const r = (await app.ok(OPS.recordGathering, { input: {
    clusterId: c.clusterId, startsAt: "2025-03-04T18:30:00Z", online: true, topic: "Volunteers",
    attendance: [{ organisationId: c.member.organisation, people: 1 }, { organisationId: c.former.organisation, people: 1 }, { organisationId: c.outsider.organisation, people: 2 }],
  } }, c.facilitator.token)).recordGathering;
  expect(r.gathering).toBeNull();
  expect(r.userErrors.map((e: { field: string[]; code: string }) => [e.field.join("."), e.code])).toEqual([
    ["attendance.1.organisationId", "NOT_MEMBER"], ["attendance.2.organisationId", "NOT_MEMBER"],
  ]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
  const earlier = (await app.ok(OPS.recordGathering, { input: {
    clusterId: c.clusterId, startsAt: "2024-11-04T18:30:00Z", online: true, topic: "Volunteers", attendance: [{ organisationId: c.former.organisation, people: 1 }],
  } }, c.facilitator.token)).recordGathering;
  expect(earlier.userErrors).toEqual([]);
});

test("a gathering in a closed cluster is CLUSTER_CLOSED, and nothing is written", async () => {
  const c = await clusterWithMembers();
  const admin = await signedIn(app, [Role.ADMIN]);
  await app.ok(OPS.closeCluster, { input: { id: c.clusterId, expectedVersion: 1 } }, admin.token);
  const before = await clusterRowCounts(app.db);
  const r = (await app.ok(OPS.recordGathering, { input: { clusterId: c.clusterId, startsAt: "2025-03-04T18:30:00Z", online: true, topic: "After the end" } }, admin.token)).recordGathering;
  expect(codes(r)).toEqual(["CLUSTER_CLOSED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("a gathering is somewhere or online, ends after it starts, and takes attendance only once it has started", async () => {
  const c = await clusterWithMembers();
  const before = await clusterRowCounts(app.db);
  const r = (await app.ok(OPS.recordGathering, { input: {
    clusterId: c.clusterId, startsAt: "2099-03-04T18:30:00Z", endsAt: "2099-03-04T17:00:00Z", online: false, topic: " ",
    attendance: [{ organisationId: c.member.organisation, people: 1 }],
  } }, c.facilitator.token)).recordGathering;
  expect(codes(r)).toEqual(["REQUIRED", "ENDS_BEFORE_START", "PLACE_OR_ONLINE", "NOT_YET_HELD"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("gathering notes are visible to people in the cluster's member organisations and ADMIN, and to no one else", async () => {
  const c = await clusterWithMembers();
  await app.ok(OPS.recordGathering, { input: { clusterId: c.clusterId, startsAt: "2025-05-01T18:00:00Z", online: true, topic: "Energy", notes: "Private notes" } }, c.facilitator.token);
  const q = `query($id: ID!) { node(id: $id) { ... on Cluster { gatherings(first: 1) { nodes { topic notes } } } } }`;
  const notes = async (token?: string) => (await app.ok(q, { id: c.clusterId }, token)).node.gatherings.nodes[0].notes;
  expect(await notes(c.member.token)).toBe("Private notes");
  expect(await notes((await signedIn(app, [Role.ADMIN])).token)).toBe("Private notes");
  expect(await notes(c.former.token)).toBeNull();
  expect(await notes(c.outsider.token)).toBeNull();
  expect(await notes((await signedIn(app, [Role.ANALYST])).token)).toBeNull();
  expect(await notes()).toBeNull();
});

test("an ordinary member may not record a gathering", async () => {
  const c = await clusterWithMembers();
  const before = await clusterRowCounts(app.db);
  const r = (await app.ok(OPS.recordGathering, { input: { clusterId: c.clusterId, startsAt: "2025-03-04T18:30:00Z", online: true, topic: "Mine" } }, c.member.token)).recordGathering;
  expect(codes(r)).toEqual(["NOT_ALLOWED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});
