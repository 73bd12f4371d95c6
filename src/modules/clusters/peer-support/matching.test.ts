// Offers, needs, matching and exchanges: same-cluster matches first, never oneself, and accepted matches become exchanges.
import { startTestApp, TestApp } from "../../../../tests/support/test-app";
import { clusterRowCounts, makeCluster } from "../../../../tests/support/cluster-factories";
import { codes, OPS, Person, personWithOrganisation } from "../../../../tests/support/cluster-operations";
import { toGlobalId } from "../../../graphql/ids";
import { londonDate } from "../../../kit/calendar";
import { raceTest } from "../../../../tests/support/races";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

async function post(who: Person, kind: "offer" | "need", skill: string, description = `${skill} help`): Promise<string> {
  const r = await app.ok(kind === "offer" ? OPS.postOffer : OPS.postNeed, { input: { organisationId: who.organisation, skill, description } }, who.token);
  const payload = kind === "offer" ? r.postPeerOffer : r.postPeerNeed;
  expect(payload.userErrors).toEqual([]);
  return payload.post.id;
}

async function network() {
  const needy = await personWithOrganisation(app, "Needy Bakery CIC");
  const sameOne = await personWithOrganisation(app, "Same Cluster Finance Co-op");
  const sameBoth = await personWithOrganisation(app, "Same Cluster All-rounder CIC");
  const elsewhere = await personWithOrganisation(app, "Elsewhere Energy Co-operative");
  const former = await personWithOrganisation(app, "Former Neighbour Ltd");
  const archived = await personWithOrganisation(app, "Archived Trust");
  const cluster = await makeCluster(app.db, { name: "Matching Cluster", members: [
    { organisationId: needy.organisationId }, { organisationId: sameOne.organisationId }, { organisationId: sameBoth.organisationId },
    { organisationId: former.organisationId, leftOn: "2024-06-01" },
  ] });
  await makeCluster(app.db, { name: "Elsewhere Cluster", members: [{ organisationId: elsewhere.organisationId }, { organisationId: sameBoth.organisationId }] });
  await post(needy, "need", "FINANCE");
  await post(needy, "need", "MARKETING");
  await post(needy, "offer", "FINANCE");
  const offers = {
    sameOne: await post(sameOne, "offer", "FINANCE"),
    sameBothFinance: await post(sameBoth, "offer", "FINANCE"),
    sameBothMarketing: await post(sameBoth, "offer", "marketing"),
    former: await post(former, "offer", "FINANCE"),
    elsewhere: await post(elsewhere, "offer", "FINANCE"),
    archived: await post(archived, "offer", "FINANCE"),
    unrelated: await post(elsewhere, "offer", "LEGAL"),
  };
  await app.db.query("UPDATE organisation SET archived_at = now() WHERE id = $1", [archived.organisationId]);
  return { needy, sameOne, sameBoth, elsewhere, former, cluster, offers };
}

test("matching ranks offers from the organisation's own clusters first, then the region, and never proposes itself", async () => {
  const n = await network();
  const { matchesFor } = await app.ok(OPS.matchesFor, { id: n.needy.organisation, first: 20 }, n.needy.token);
  expect(matchesFor.map((m: { rank: number; inSharedCluster: boolean; organisation: { name: string }; offer: { skill: string } }) =>
    [m.rank, m.inSharedCluster, m.organisation.name, m.offer.skill])).toEqual([
    // In a shared cluster, meeting both needs, newest offer first.
    [1, true, "Same Cluster All-rounder CIC", "MARKETING"],
    [2, true, "Same Cluster All-rounder CIC", "FINANCE"],
    [3, true, "Same Cluster Finance Co-op", "FINANCE"],
    // Region-wide: a past member counts as elsewhere now.
    [4, false, "Elsewhere Energy Co-operative", "FINANCE"],
    [5, false, "Former Neighbour Ltd", "FINANCE"],
  ]);
  expect(matchesFor[0].sharedClusters).toEqual([{ name: "Matching Cluster" }]);
  const limited = await app.ok(OPS.matchesFor, { id: n.needy.organisation, first: 2 }, n.needy.token);
  expect(limited.matchesFor).toHaveLength(2);
});

test("an organisation's matches are for its own people and ADMIN only", async () => {
  const n = await network();
  const r = await app.run(OPS.matchesFor, { id: n.needy.organisation }, n.elsewhere.token);
  expect(r.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  expect(r.data).toBeNull();
});

test("accepting a match records an agreed exchange; recording hours and outcome completes it and counts in the cluster's activity", async () => {
  const n = await network();
  const [needId] = (await app.db.query("SELECT id FROM peer_post WHERE organisation_id = $1 AND kind = 'NEED' AND skill = 'FINANCE'", [n.needy.organisationId]))
    .map((r: { id: string }) => toGlobalId("PeerPost", r.id));
  const accepted = (await app.ok(OPS.acceptMatch, { input: { needId, offerId: n.offers.sameOne } }, n.needy.token)).acceptPeerMatch;
  expect(accepted.userErrors).toEqual([]);
  expect(accepted.exchange).toMatchObject({ status: "AGREED", agreedOn: londonDate(), giver: { name: "Same Cluster Finance Co-op" }, receiver: { name: "Needy Bakery CIC" } });
  const recorded = (await app.ok(OPS.recordExchange, { input: { exchangeId: accepted.exchange.id, hoursGiven: 6, outcome: "Forecast built together." } }, n.sameOne.token)).recordPeerExchange;
  expect(recorded.exchange).toMatchObject({ status: "COMPLETED", hoursGiven: 6, completedOn: londonDate() });
  const { node } = await app.ok(`query($id: ID!, $d: Date!) { node(id: $id) { ... on Cluster { activity(from: $d, to: $d) { exchanges hoursGiven } } } }`,
    { id: toGlobalId("Cluster", n.cluster), d: londonDate() });
  expect(node.activity).toEqual({ exchanges: 1, hoursGiven: 6 });
  const again = (await app.ok(OPS.recordExchange, { input: { exchangeId: accepted.exchange.id, hoursGiven: 1, outcome: "Again" } }, n.needy.token)).recordPeerExchange;
  expect(codes(again)).toEqual(["ALREADY_RECORDED"]);
});

test("a match is refused when already accepted, for one's own offer, across skills, or once an offer is closed; nothing is written", async () => {
  const n = await network();
  const needs: { id: string; skill: string }[] = await app.db.query("SELECT id, skill FROM peer_post WHERE organisation_id = $1 AND kind = 'NEED'", [n.needy.organisationId]);
  const finance = toGlobalId("PeerPost", needs.find((x) => x.skill === "FINANCE")!.id);
  const [own] = await app.db.query("SELECT id FROM peer_post WHERE organisation_id = $1 AND kind = 'OFFER'", [n.needy.organisationId]);
  await app.ok(OPS.acceptMatch, { input: { needId: finance, offerId: n.offers.sameOne } }, n.needy.token);
  await app.ok(OPS.closePost, { input: { postId: n.offers.elsewhere } }, n.elsewhere.token);
  const before = await clusterRowCounts(app.db);
  const accept = async (offerId: string) => codes((await app.ok(OPS.acceptMatch, { input: { needId: finance, offerId } }, n.needy.token)).acceptPeerMatch);
  expect(await accept(n.offers.sameOne)).toEqual(["ALREADY_ACCEPTED"]);
  expect(await accept(toGlobalId("PeerPost", own.id))).toEqual(["SAME_ORGANISATION"]);
  expect(await accept(n.offers.unrelated)).toEqual(["NOT_A_MATCH"]);
  expect(await accept(n.offers.elsewhere)).toEqual(["POST_CLOSED"]);
  expect(await accept(n.offers.archived)).toEqual(["ARCHIVED"]);
  const otherOrg = codes((await app.ok(OPS.acceptMatch, { input: { needId: finance, offerId: n.offers.sameBothFinance } }, n.sameOne.token)).acceptPeerMatch);
  expect(otherOrg).toEqual(["NOT_ALLOWED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("a need for an unknown skill is UNKNOWN_SKILL, and posting for someone else's organisation is NOT_ALLOWED; nothing is written", async () => {
  const a = await personWithOrganisation(app);
  const b = await personWithOrganisation(app);
  const before = await clusterRowCounts(app.db);
  const unknown = (await app.ok(OPS.postNeed, { input: { organisationId: a.organisation, skill: "JUGGLING", description: "Three balls" } }, a.token)).postPeerNeed;
  expect(unknown.userErrors).toEqual([expect.objectContaining({ field: ["skill"], code: "UNKNOWN_SKILL" })]);
  expect(unknown.userErrors[0].message).toMatch(/FINANCE, GOVERNANCE/);
  const notMine = (await app.ok(OPS.postOffer, { input: { organisationId: b.organisation, skill: "LEGAL", description: "Lease review" } }, a.token)).postPeerOffer;
  expect(codes(notMine)).toEqual(["NOT_ALLOWED"]);
  expect(await clusterRowCounts(app.db)).toEqual(before);
});

test("closing a post takes it out of matching; closing it twice is ALREADY_CLOSED", async () => {
  const n = await network();
  for (const id of [n.offers.sameBothFinance, n.offers.sameBothMarketing]) await app.ok(OPS.closePost, { input: { postId: id } }, n.sameBoth.token);
  const { matchesFor } = await app.ok(OPS.matchesFor, { id: n.needy.organisation }, n.needy.token);
  expect(matchesFor.map((m: { offer: { id: string } }) => m.offer.id)).not.toContain(n.offers.sameBothFinance);
  expect(matchesFor[0].organisation.name).toBe("Same Cluster Finance Co-op");
  const twice = (await app.ok(OPS.closePost, { input: { postId: n.offers.sameBothFinance } }, n.sameBoth.token)).closePeerPost;
  expect(codes(twice)).toEqual(["ALREADY_CLOSED"]);
});

raceTest("a match accepted twice at once becomes one exchange; the other request is ALREADY_ACCEPTED", async () => {
  const n = await network();
  const [need] = await app.db.query("SELECT id FROM peer_post WHERE organisation_id = $1 AND kind = 'NEED' AND skill = 'FINANCE'", [n.needy.organisationId]);
  const input = { needId: toGlobalId("PeerPost", need.id), offerId: n.offers.sameOne };
  const accept = async () => codes((await app.ok(OPS.acceptMatch, { input }, n.needy.token)).acceptPeerMatch);
  expect((await Promise.all([accept(), accept()])).sort()).toEqual([[], ["ALREADY_ACCEPTED"]]);
  const [{ exchanges }] = await app.db.query("SELECT count(*)::int AS exchanges FROM peer_exchange WHERE need_id = $1", [need.id]);
  expect(exchanges).toBe(1);
});
