// Who reads a cluster's gathering notes, and how organisations join (issue 10, item 8): notes are for the people of the
// organisations that were members on the day a gathering was held (so joining today does not open years of notes), and
// a cluster says whether joining is OPEN or needs a facilitator's APPROVAL (the default).
import { startTestApp, TestApp } from "../support/test-app";
import { clusterRowCounts, makeCluster } from "../support/cluster-factories";
import { codes, OPS, personWithOrganisation, signedIn } from "../support/cluster-operations";
import { toGlobalId } from "../../src/graphql/ids";
import { londonDate } from "../../src/kit/calendar";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

async function gathering(clusterId: string, startsAt: string): Promise<string> {
  const [{ id }] = await app.db.query(
    "INSERT INTO gathering (cluster_id, starts_at, topic, notes, online) VALUES ($1, $2, 'Money', 'What was said', true) RETURNING id", [clusterId, startsAt]);
  return toGlobalId("Gathering", id);
}
const notes = async (token: string, ids: string[]) =>
  (await app.ok(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Gathering { notes } } }`, { ids }, token)).nodes.map((n: { notes: string | null }) => n.notes);

test("members read the notes of gatherings held while their organisation was a member, and no others", async () => {
  const [early, late, left] = [await personWithOrganisation(app), await personWithOrganisation(app), await personWithOrganisation(app)];
  const cluster = await makeCluster(app.db, { members: [
    { organisationId: early.organisationId, joinedOn: "2024-01-01" },
    { organisationId: late.organisationId, joinedOn: "2025-01-01" },
    { organisationId: left.organisationId, joinedOn: "2024-01-01", leftOn: "2024-12-01" },
  ] });
  // Evening of 31 December 2024 in London: the day before the late member joined.
  const before = await gathering(cluster, "2024-12-31T19:00:00Z");
  const after = await gathering(cluster, "2025-06-01T18:00:00Z");
  expect(await notes(early.token, [before, after])).toEqual(["What was said", "What was said"]);
  expect(await notes(late.token, [before, after])).toEqual([null, "What was said"]);
  expect(await notes(left.token, [before, after])).toEqual([null, null]);
  const stillThere = await makeCluster(app.db, { members: [{ organisationId: left.organisationId, joinedOn: "2024-01-01", leftOn: "2025-01-01" }] });
  expect(await notes(left.token, [await gathering(stillThere, "2024-12-31T19:00:00Z")])).toEqual(["What was said"]);
});

const DECIDE = `mutation($input: DecideJoinRequestInput!) { decideJoinRequest(input: $input) {
  joinRequest { id status decidedAt } membership { joinedOn current organisation { id } } userErrors { field code message } } }`;
const JOIN = `mutation($input: JoinClusterInput!) { joinCluster(input: $input) {
  membership { id joinedOn } joinRequest { id status organisation { id } cluster { id } } userErrors { field code message } } }`;

test("a cluster is created needing approval; an organisation asks, a facilitator approves or refuses, and only then is it a member", async () => {
  const facilitator = await personWithOrganisation(app);
  const created = (await app.ok(OPS.createCluster, { input: { name: "Approval Cluster", kind: "CAUSE", cause: "FOOD", facilitatorOrganisationId: facilitator.organisation } },
    facilitator.token)).createCluster;
  const cluster = created.cluster.id;
  const { node } = await app.ok(`query($id: ID!) { node(id: $id) { ... on Cluster { joining } } }`, { id: cluster });
  expect(node.joining).toBe("APPROVAL");

  const asking = await personWithOrganisation(app);
  const asked = (await app.ok(JOIN, { input: { clusterId: cluster, organisationId: asking.organisation } }, asking.token)).joinCluster;
  expect(asked).toMatchObject({ membership: null, joinRequest: { status: "PENDING", organisation: { id: asking.organisation }, cluster: { id: cluster } }, userErrors: [] });
  expect(codes((await app.ok(JOIN, { input: { clusterId: cluster, organisationId: asking.organisation } }, asking.token)).joinCluster)).toEqual(["ALREADY_REQUESTED"]);
  const members = async () => (await app.db.query("SELECT count(*)::int AS n FROM cluster_membership WHERE organisation_id = $1", [asking.organisationId]))[0].n;
  expect(await members()).toBe(0);

  // The facilitator sees the request on the cluster; others do not, and cannot decide it.
  const requests = async (token?: string) => (await app.ok(`query($id: ID!) { node(id: $id) { ... on Cluster { joinRequests { id } } } }`, { id: cluster }, token)).node.joinRequests;
  expect(await requests(facilitator.token)).toEqual([{ id: asked.joinRequest.id }]);
  expect(await requests(asking.token)).toBeNull();
  expect(await requests()).toBeNull();
  const stranger = await signedIn(app);
  const counts = await clusterRowCounts(app.db);
  expect(codes((await app.ok(DECIDE, { input: { requestId: asked.joinRequest.id, approve: true } }, stranger.token)).decideJoinRequest)).toEqual(["NOT_ALLOWED"]);
  expect(codes((await app.ok(DECIDE, { input: { requestId: asked.joinRequest.id, approve: true } }, asking.token)).decideJoinRequest)).toEqual(["NOT_ALLOWED"]);
  expect(await clusterRowCounts(app.db)).toEqual(counts);

  const approved = (await app.ok(DECIDE, { input: { requestId: asked.joinRequest.id, approve: true } }, facilitator.token)).decideJoinRequest;
  expect(approved).toMatchObject({ joinRequest: { status: "APPROVED" }, membership: { joinedOn: londonDate(), current: true, organisation: { id: asking.organisation } }, userErrors: [] });
  expect(await members()).toBe(1);
  expect(codes((await app.ok(DECIDE, { input: { requestId: asked.joinRequest.id, approve: false } }, facilitator.token)).decideJoinRequest)).toEqual(["WRONG_STATUS"]);
  expect(await requests(facilitator.token)).toEqual([]);

  const refusedOne = await personWithOrganisation(app);
  const second = (await app.ok(JOIN, { input: { clusterId: cluster, organisationId: refusedOne.organisation } }, refusedOne.token)).joinCluster;
  const refused = (await app.ok(DECIDE, { input: { requestId: second.joinRequest.id, approve: false } }, facilitator.token)).decideJoinRequest;
  expect(refused).toMatchObject({ joinRequest: { status: "REFUSED" }, membership: null, userErrors: [] });
  expect((await app.db.query("SELECT count(*)::int AS n FROM cluster_membership WHERE organisation_id = $1", [refusedOne.organisationId]))[0].n).toBe(0);
});

test("an OPEN cluster admits at once; a facilitator opens or closes joining", async () => {
  const facilitator = await personWithOrganisation(app);
  const created = (await app.ok(OPS.createCluster, { input: { name: "Open Cluster", kind: "CAUSE", cause: "FOOD", facilitatorOrganisationId: facilitator.organisation, joining: "OPEN" } },
    facilitator.token)).createCluster;
  const joiner = await personWithOrganisation(app);
  const joined = (await app.ok(JOIN, { input: { clusterId: created.cluster.id, organisationId: joiner.organisation } }, joiner.token)).joinCluster;
  expect(joined).toMatchObject({ membership: { joinedOn: londonDate() }, joinRequest: null, userErrors: [] });
  const { node } = await app.ok(`query($id: ID!) { node(id: $id) { ... on Cluster { version } } }`, { id: created.cluster.id });
  const changed = (await app.ok(`mutation($input: UpdateClusterInput!) { updateCluster(input: $input) { cluster { joining } userErrors { code } } }`,
    { input: { id: created.cluster.id, expectedVersion: node.version, joining: "APPROVAL" } }, facilitator.token)).updateCluster;
  expect(changed).toEqual({ cluster: { joining: "APPROVAL" }, userErrors: [] });
});
