// Peer panels through the API: who may run them, who may sit on them, and that refusals write nothing.
import { startTestApp, TestApp } from "../../../../tests/support/test-app";
import { clusterRowCounts, makeCluster, makeOrganisationFor } from "../../../../tests/support/cluster-factories";
import { makeUser, TEST_PASSWORD } from "../../../../tests/support/factories";
import { Role } from "../../../auth/roles";
import { toGlobalId } from "../../../graphql/ids";
import { clustersApi } from "../clusters.api";
import { raceTest } from "../../../../tests/support/races";

const CREATE = `mutation($input: CreatePeerPanelInput!) {
  createPeerPanel(input: $input) { panel { id name status version clusters { name } } userErrors { field code message } } }`;
const ADD = `mutation($input: AddPeerPanelMemberInput!) {
  addPeerPanelMember(input: $input) { panel { id members { id organisation { name } } } userErrors { field code message } } }`;
const REMOVE = `mutation($input: RemovePeerPanelMemberInput!) {
  removePeerPanelMember(input: $input) { panel { id members { id } } userErrors { field code message } } }`;
const UPDATE = `mutation($input: UpdatePeerPanelInput!) {
  updatePeerPanel(input: $input) { panel { id status version } userErrors { field code message } } }`;

let app: TestApp;
let adminToken: string;
beforeAll(async () => {
  app = await startTestApp();
  const admin = await makeUser(app.db, { roles: [Role.ADMIN] });
  adminToken = await app.signIn(admin.email, TEST_PASSWORD);
});
afterAll(async () => { await app.close(); });

const keyOfPanel = (id: string) => Buffer.from(id, "base64url").toString().split(":")[1];

async function facilitatedCluster() {
  const facilitator = await makeUser(app.db);
  const memberPerson = await makeUser(app.db);
  const facilitatorOrg = await makeOrganisationFor(app.db, facilitator, { name: "Garston Facilitating CIC" });
  const memberOrg = await makeOrganisationFor(app.db, memberPerson, { name: "Speke Member Co-operative" });
  const cluster = await makeCluster(app.db, { members: [{ organisationId: facilitatorOrg, role: "FACILITATOR" }, { organisationId: memberOrg }] });
  return { facilitator, memberPerson, facilitatorOrg, memberOrg, cluster, token: await app.signIn(facilitator.email, TEST_PASSWORD) };
}

test("a facilitator of one of its clusters draws a panel from them and puts a member organisation's person on it", async () => {
  const f = await facilitatedCluster();
  const created = await app.ok(CREATE, { input: { name: "Spring round panel", clusterIds: [toGlobalId("Cluster", f.cluster)] } }, f.token);
  expect(created.createPeerPanel.userErrors).toEqual([]);
  expect(created.createPeerPanel.panel).toMatchObject({ name: "Spring round panel", status: "FORMING", version: 1 });
  const panelId = created.createPeerPanel.panel.id;
  const added = await app.ok(ADD, { input: { panelId, email: f.memberPerson.email, organisationId: toGlobalId("Organisation", f.memberOrg) } }, f.token);
  expect(added.addPeerPanelMember.userErrors).toEqual([]);
  expect(added.addPeerPanelMember.panel.members.map((m: { organisation: { name: string } }) => m.organisation.name)).toEqual(["Speke Member Co-operative"]);
  expect(await clustersApi.panelMembers(app.db, keyOfPanel(panelId))).toEqual([{ userId: f.memberPerson.id, organisationId: f.memberOrg }]);
  const events = await app.db.query("SELECT action FROM audit_event WHERE action LIKE 'peerPanel.%' AND request_id <> 'test-factory' ORDER BY id");
  expect(events.map((e: { action: string }) => e.action).slice(-2)).toEqual(["peerPanel.create", "peerPanel.addMember"]);
});

test("an ordinary member organisation's owner may not create a panel, and nothing is written", async () => {
  const f = await facilitatedCluster();
  const before = await clusterRowCounts(app.db);
  const token = await app.signIn(f.memberPerson.email, TEST_PASSWORD);
  const r = await app.ok(CREATE, { input: { name: "Not mine", clusterIds: [toGlobalId("Cluster", f.cluster)] } }, token);
  expect(r.createPeerPanel.userErrors.map((e: { code: string }) => e.code)).toEqual(["NOT_ALLOWED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("a person sits for an organisation only if they belong to it and it is in one of the panel's clusters", async () => {
  const f = await facilitatedCluster();
  const outsider = await makeUser(app.db);
  const outsideOrg = await makeOrganisationFor(app.db, outsider);
  const { createPeerPanel: { panel } } = await app.ok(CREATE, { input: { name: "Panel", clusterIds: [toGlobalId("Cluster", f.cluster)] } }, adminToken);
  const before = await clusterRowCounts(app.db);
  const notInCluster = await app.ok(ADD, { input: { panelId: panel.id, email: outsider.email, organisationId: toGlobalId("Organisation", outsideOrg) } }, adminToken);
  expect(notInCluster.addPeerPanelMember.userErrors.map((e: { code: string }) => e.code)).toEqual(["NOT_MEMBER"]);
  const notTheirs = await app.ok(ADD, { input: { panelId: panel.id, email: outsider.email, organisationId: toGlobalId("Organisation", f.memberOrg) } }, adminToken);
  expect(notTheirs.addPeerPanelMember.userErrors.map((e: { code: string }) => e.code)).toEqual(["NOT_ELIGIBLE"]);
  const noOrganisation = await app.ok(ADD, { input: { panelId: panel.id, email: outsider.email } }, adminToken);
  expect(noOrganisation.addPeerPanelMember.userErrors.map((e: { code: string }) => e.code)).toEqual(["NOT_ELIGIBLE"]);
  const unknown = await app.ok(ADD, { input: { panelId: panel.id, email: "nobody@example.test" } }, adminToken);
  expect(unknown.addPeerPanelMember.userErrors).toEqual(noOrganisation.addPeerPanelMember.userErrors);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("a PANEL_MEMBER may sit for no organisation, once at a time; removal keeps the record and frees the seat", async () => {
  const f = await facilitatedCluster();
  const panellist = await makeUser(app.db, { roles: [Role.PANEL_MEMBER] });
  const { createPeerPanel: { panel } } = await app.ok(CREATE, { input: { name: "Panel", clusterIds: [toGlobalId("Cluster", f.cluster)] } }, adminToken);
  const added = await app.ok(ADD, { input: { panelId: panel.id, email: panellist.email.toUpperCase() } }, f.token);
  expect(added.addPeerPanelMember.userErrors).toEqual([]);
  const twice = await app.ok(ADD, { input: { panelId: panel.id, email: panellist.email } }, f.token);
  expect(twice.addPeerPanelMember.userErrors.map((e: { code: string }) => e.code)).toEqual(["ALREADY_ON_PANEL"]);
  const seat = added.addPeerPanelMember.panel.members[0].id;
  const removed = await app.ok(REMOVE, { input: { panelMemberId: seat } }, f.token);
  expect(removed.removePeerPanelMember.panel.members).toEqual([]);
  expect(await clustersApi.panelMembers(app.db, keyOfPanel(panel.id))).toEqual([]);
  const [row] = await app.db.query("SELECT removed_at FROM peer_panel_member WHERE user_id = $1", [panellist.id]);
  expect(row.removed_at).toBeInstanceOf(Date);
  const again = await app.ok(ADD, { input: { panelId: panel.id, email: panellist.email } }, f.token);
  expect(again.addPeerPanelMember.userErrors).toEqual([]);
});

test("a closed panel changes no more, and its status moves only as the table allows", async () => {
  const f = await facilitatedCluster();
  const panellist = await makeUser(app.db, { roles: [Role.PANEL_MEMBER] });
  const { createPeerPanel: { panel } } = await app.ok(CREATE, { input: { name: "Panel", clusterIds: [toGlobalId("Cluster", f.cluster)] } }, adminToken);
  const active = await app.ok(UPDATE, { input: { id: panel.id, expectedVersion: 1, status: "ACTIVE" } }, f.token);
  expect(active.updatePeerPanel.panel).toMatchObject({ status: "ACTIVE", version: 2 });
  const back = await app.ok(UPDATE, { input: { id: panel.id, expectedVersion: 2, status: "FORMING" } }, f.token);
  expect(back.updatePeerPanel.userErrors.map((e: { code: string }) => e.code)).toEqual(["WRONG_STATUS"]);
  const stale = await app.ok(UPDATE, { input: { id: panel.id, expectedVersion: 1, status: "CLOSED" } }, f.token);
  expect(stale.updatePeerPanel.userErrors.map((e: { code: string }) => e.code)).toEqual(["STALE_VERSION"]);
  await app.ok(UPDATE, { input: { id: panel.id, expectedVersion: 2, status: "CLOSED" } }, f.token);
  const before = await clusterRowCounts(app.db);
  const late = await app.ok(ADD, { input: { panelId: panel.id, email: panellist.email } }, f.token);
  expect(late.addPeerPanelMember.userErrors.map((e: { code: string }) => e.code)).toEqual(["PANEL_CLOSED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("a panel is drawn only from open clusters that exist", async () => {
  const [{ id }] = await app.db.query("INSERT INTO cluster (name, kind, cause, status, closed_at) VALUES ('Old', 'CAUSE', 'FOOD', 'CLOSED', now()) RETURNING id");
  const before = await clusterRowCounts(app.db);
  const r = await app.ok(CREATE, { input: { name: "Panel", clusterIds: [toGlobalId("Cluster", id), toGlobalId("Cluster", "00000000-0000-4000-8000-000000000000")] } }, adminToken);
  expect(r.createPeerPanel.userErrors.map((e: { field: string[]; code: string }) => [e.field.join("."), e.code]))
    .toEqual([["clusterIds.0", "CLUSTER_CLOSED"], ["clusterIds.1", "NOT_FOUND"]]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("panels are visible to ADMIN, the people on them and their clusters' facilitators only", async () => {
  const f = await facilitatedCluster();
  const { createPeerPanel: { panel } } = await app.ok(CREATE, { input: { name: "Private panel", clusterIds: [toGlobalId("Cluster", f.cluster)] } }, adminToken);
  await app.ok(ADD, { input: { panelId: panel.id, email: f.memberPerson.email, organisationId: toGlobalId("Organisation", f.memberOrg) } }, adminToken);
  const stranger = await makeUser(app.db);
  const NODE = `query($id: ID!) { node(id: $id) { ... on PeerPanel { name } } }`;
  const seen = async (token?: string) => (await app.ok(NODE, { id: panel.id }, token)).node?.name ?? null;
  expect(await seen(adminToken)).toBe("Private panel");
  expect(await seen(f.token)).toBe("Private panel");
  expect(await seen(await app.signIn(f.memberPerson.email, TEST_PASSWORD))).toBe("Private panel");
  expect(await seen(await app.signIn(stranger.email, TEST_PASSWORD))).toBeNull();
  expect(await seen()).toBeNull();
  const listed = await app.ok(`{ peerPanels(first: 100) { nodes { name } } }`, {}, await app.signIn(stranger.email, TEST_PASSWORD));
  expect(listed.peerPanels.nodes).toEqual([]);
});

raceTest("one person put on a panel twice at once has one seat; the other request is ALREADY_ON_PANEL", async () => {
  const f = await facilitatedCluster();
  const panellist = await makeUser(app.db, { roles: [Role.PANEL_MEMBER] });
  const { createPeerPanel: { panel } } = await app.ok(CREATE, { input: { name: "Race panel", clusterIds: [toGlobalId("Cluster", f.cluster)] } }, adminToken);
  const add = async () => (await app.ok(ADD, { input: { panelId: panel.id, email: panellist.email } }, f.token)).addPeerPanelMember.userErrors
    .map((e: { code: string }) => e.code);
  expect((await Promise.all([add(), add()])).sort()).toEqual([[], ["ALREADY_ON_PANEL"]]);
  expect(await clustersApi.panelMembers(app.db, keyOfPanel(panel.id))).toEqual([{ userId: panellist.id, organisationId: null }]);
});
