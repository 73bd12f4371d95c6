// Access by role, one test per role: what each may see and change in Collaborating Communities.
import { startTestApp, TestApp } from "../../../tests/support/test-app";
import { clusterRowCounts, makeCluster } from "../../../tests/support/cluster-factories";
import { codes, OPS, Person, personWithOrganisation, signedIn } from "../../../tests/support/cluster-operations";
import { makeUser, TEST_PASSWORD } from "../../../tests/support/factories";
import { ApiKeysService } from "../../auth/api-keys.service";
import { READ_SCOPES, Role } from "../../auth/roles";
import { ANONYMOUS } from "../../auth/viewer";
import { toGlobalId } from "../../graphql/ids";

let app: TestApp;
let facilitator: Person;
let member: Person;
let clusterId: string;
let otherClusterId: string;
beforeAll(async () => {
  app = await startTestApp();
  facilitator = await personWithOrganisation(app, "Roles Facilitator CIC");
  member = await personWithOrganisation(app, "Roles Member Co-operative");
  clusterId = toGlobalId("Cluster", await makeCluster(app.db, { name: "Roles Cluster", members: [
    { organisationId: facilitator.organisationId, role: "FACILITATOR" }, { organisationId: member.organisationId },
  ] }));
  otherClusterId = toGlobalId("Cluster", await makeCluster(app.db, { name: "Someone Else's Cluster" }));
  await app.ok(OPS.recordGathering, { input: { clusterId, startsAt: "2025-01-15T18:00:00Z", online: true, topic: "Roles", notes: "Members only" } }, facilitator.token);
});
afterAll(async () => { await app.close(); });

const update = async (token: string | undefined, id: string, name: string) =>
  (await app.ok(OPS.updateCluster, { input: { id, expectedVersion: (await version(id)), name } }, token)).updateCluster;
const version = async (id: string) => (await app.db.query("SELECT version FROM cluster WHERE id = $1", [Buffer.from(id, "base64url").toString().split(":")[1]]))[0].version;
const notes = async (token?: string) =>
  (await app.ok(`query($id: ID!) { node(id: $id) { ... on Cluster { gatherings(first: 100) { nodes { topic notes } } } } }`, { id: clusterId }, token))
    .node.gatherings.nodes.find((g: { topic: string }) => g.topic === "Roles").notes;

/** A user with the given role in the member organisation. */
async function memberWithRole(role: "EDITOR" | "VIEWER") {
  const user = await makeUser(app.db);
  await app.db.query("INSERT INTO organisation_membership (user_id, organisation_id, role) VALUES ($1, $2, $3)", [user.id, member.organisationId, role]);
  return app.signIn(user.email, TEST_PASSWORD);
}

test("ADMIN may start a cluster without a facilitator, change any cluster, post for any organisation and read notes", async () => {
  const admin = (await signedIn(app, [Role.ADMIN])).token;
  expect((await app.ok(OPS.createCluster, { input: { name: "Admin's cluster", kind: "COMMUNITY_OF_INTEREST", interest: "Shared kitchens" } }, admin)).createCluster.userErrors).toEqual([]);
  expect((await update(admin, otherClusterId, "Renamed by ADMIN")).userErrors).toEqual([]);
  const posted = (await app.ok(OPS.postOffer, { input: { organisationId: member.organisation, skill: "LEGAL", description: "Lease advice" } }, admin)).postPeerOffer;
  expect(posted.userErrors).toEqual([]);
  expect(await notes(admin)).toBe("Members only");
});

test("a facilitator manages their own cluster (change it, add and appoint members, record gatherings) but not another", async () => {
  const newcomer = await personWithOrganisation(app, "Roles Newcomer Ltd");
  const own = toGlobalId("Cluster", await makeCluster(app.db, { name: "Facilitated", members: [{ organisationId: facilitator.organisationId, role: "FACILITATOR" }] }));
  expect((await update(facilitator.token, own, "Facilitated (renamed)")).userErrors).toEqual([]);
  const added = (await app.ok(OPS.joinCluster, { input: { clusterId: own, organisationId: newcomer.organisation, role: "FACILITATOR" } }, facilitator.token)).joinCluster;
  expect(added.membership.role).toBe("FACILITATOR");
  const gathering = (await app.ok(OPS.recordGathering, { input: { clusterId: own, startsAt: "2025-02-01T18:00:00Z", online: true, topic: "Next steps" } }, facilitator.token)).recordGathering;
  expect(gathering.userErrors).toEqual([]);
  const before = await clusterRowCounts(app.db);
  expect(codes(await update(facilitator.token, otherClusterId, "Not mine"))).toEqual(["NOT_ALLOWED"]);
  const elsewhere = (await app.ok(OPS.recordGathering, { input: { clusterId: otherClusterId, startsAt: "2025-02-01T18:00:00Z", online: true, topic: "x" } }, facilitator.token)).recordGathering;
  expect(codes(elsewhere)).toEqual(["NOT_ALLOWED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("a member organisation's owner or editor joins, leaves and posts for it, but does not manage the cluster", async () => {
  const editor = await memberWithRole("EDITOR");
  const offer = (await app.ok(OPS.postOffer, { input: { organisationId: member.organisation, skill: "SPACE", description: "Our hall on Mondays" } }, editor)).postPeerOffer;
  expect(offer.userErrors).toEqual([]);
  expect((await app.ok(OPS.joinCluster, { input: { clusterId: otherClusterId, organisationId: member.organisation } }, member.token)).joinCluster.userErrors).toEqual([]);
  expect((await app.ok(OPS.leaveCluster, { input: { clusterId: otherClusterId, organisationId: member.organisation } }, editor)).leaveCluster.userErrors).toEqual([]);
  const before = await clusterRowCounts(app.db);
  expect(codes(await update(member.token, clusterId, "Taken over"))).toEqual(["NOT_ALLOWED"]);
  const appoint = (await app.ok(OPS.joinCluster, { input: { clusterId: otherClusterId, organisationId: member.organisation, role: "FACILITATOR" } }, member.token)).joinCluster;
  expect(codes(appoint)).toEqual(["NOT_ALLOWED"]);
  const forOther = (await app.ok(OPS.leaveCluster, { input: { clusterId, organisationId: facilitator.organisation } }, member.token)).leaveCluster;
  expect(codes(forOther)).toEqual(["NOT_ALLOWED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("an organisation's VIEWER reads its cluster's notes and matches but may not post or join for it", async () => {
  const viewer = await memberWithRole("VIEWER");
  expect(await notes(viewer)).toBe("Members only");
  expect((await app.run(OPS.matchesFor, { id: member.organisation }, viewer)).errors).toBeUndefined();
  const before = await clusterRowCounts(app.db);
  expect(codes((await app.ok(OPS.postNeed, { input: { organisationId: member.organisation, skill: "LEGAL", description: "x" } }, viewer)).postPeerNeed)).toEqual(["NOT_ALLOWED"]);
  expect(codes((await app.ok(OPS.joinCluster, { input: { clusterId: otherClusterId, organisationId: member.organisation } }, viewer)).joinCluster)).toEqual(["NOT_ALLOWED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("a PANEL_MEMBER sits on a panel for no organisation and sees it, but starts neither clusters nor panels", async () => {
  const panellist = await signedIn(app, [Role.PANEL_MEMBER]);
  const admin = (await signedIn(app, [Role.ADMIN])).token;
  const { createPeerPanel } = await app.ok(`mutation($input: CreatePeerPanelInput!) { createPeerPanel(input: $input) { panel { id } userErrors { code } } }`,
    { input: { name: "Roles panel", clusterIds: [clusterId] } }, admin);
  await app.ok(`mutation($input: AddPeerPanelMemberInput!) { addPeerPanelMember(input: $input) { userErrors { code } } }`,
    { input: { panelId: createPeerPanel.panel.id, email: panellist.email } }, admin);
  const mine = await app.ok(`{ peerPanels(first: 10) { nodes { name members { user { email } organisation { name } } } } }`, {}, panellist.token);
  expect(mine.peerPanels.nodes).toEqual([{ name: "Roles panel", members: [{ user: { email: panellist.email }, organisation: null }] }]);
  const before = await clusterRowCounts(app.db);
  expect(codes((await app.ok(OPS.createCluster, { input: { name: "Panel's own", kind: "CAUSE", cause: "FOOD" } }, panellist.token)).createCluster)).toEqual(["NOT_ALLOWED"]);
  const panel = await app.ok(`mutation($input: CreatePeerPanelInput!) { createPeerPanel(input: $input) { userErrors { code } } }`,
    { input: { name: "Mine", clusterIds: [clusterId] } }, panellist.token);
  expect(codes(panel.createPeerPanel)).toEqual(["NOT_ALLOWED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("an ANALYST reads clusters and their activity, but no notes, and changes nothing", async () => {
  const analyst = (await signedIn(app, [Role.ANALYST])).token;
  const { clusters } = await app.ok(`{ clusters(first: 10, filter: { search: "Roles" }) { nodes { name activity(from: "2025-01-01", to: "2025-12-31") { gatherings } } } }`, {}, analyst);
  expect(clusters.nodes[0].activity.gatherings).toBeGreaterThan(0);
  expect(await notes(analyst)).toBeNull();
  const before = await clusterRowCounts(app.db);
  expect(codes(await update(analyst, clusterId, "Analysed"))).toEqual(["NOT_ALLOWED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("a PARTNER key reads clusters and peer support, but changes nothing", async () => {
  const { secret } = await ApiKeysService.insert(app.db.manager, { viewer: ANONYMOUS, requestId: "test" }, "Roles partner", READ_SCOPES);
  const { clusters } = await app.ok(`{ clusters(first: 10, filter: { search: "Roles" }) { nodes { name offers(first: 5) { totalCount } } } }`, {}, secret);
  expect(clusters.nodes[0].offers).not.toBeNull();
  const before = await clusterRowCounts(app.db);
  // Cluster changes are not open to API keys (clusters.scopes.ts): refused before anything runs.
  const join = await app.run(OPS.joinCluster, { input: { clusterId, organisationId: member.organisation } }, secret);
  expect(join.errors?.[0]).toMatchObject({ message: "Mutation.joinCluster is not open to API keys.", extensions: { code: "FORBIDDEN" } });
  const create = await app.run(OPS.createCluster, { input: { name: "Partner's", kind: "CAUSE", cause: "FOOD" } }, secret);
  expect(create.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("anyone may browse clusters, but offers, needs and notes need signing in, and anonymous changes are refused", async () => {
  const { clusters } = await app.ok(`{ clusters(first: 10, filter: { search: "Roles" }) { nodes { name offers(first: 5) { totalCount } facilitators { name } } } }`);
  expect(clusters.nodes[0]).toMatchObject({ offers: null, facilitators: [{ name: "Roles Facilitator CIC" }] });
  expect(await notes()).toBeNull();
  const before = await clusterRowCounts(app.db);
  expect(codes((await app.ok(OPS.joinCluster, { input: { clusterId, organisationId: member.organisation } })).joinCluster)).toEqual(["NOT_ALLOWED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});
