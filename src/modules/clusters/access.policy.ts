// Who may read Collaborating Communities (see graphql/access-policy.ts and access.ts): clusters, memberships and
// gatherings are public, their notes are for the people of the organisations that were members when they were held;
// requests to join are for the cluster's managers and the asking organisation; offers, needs and
// exchanges for anyone signed in; a panel for ADMIN, the people on it and those acting for a facilitator of its clusters.
import { AccessPolicy, anyone, Asker, Facts, idsIn, isAdmin, isSignedIn, Lookup, memberOf } from "../../graphql/access-policy";

/** The people on a panel now, and those acting (OWNER, EDITOR) for an organisation facilitating one of its clusters. */
export function seesPanel(a: Asker, panel: Facts, get: Lookup): boolean {
  if (isAdmin(a)) return true;
  if (idsIn(panel.members).some((m) => get(m).user?.id === a.userId && a.userId !== null)) return true;
  return idsIn(panel.clusters).some((c) => idsIn(get(c).facilitators).some((o) => memberOf(a, o, "EDITOR")));
}

/** Gathering notes: people in the organisations that were members of the cluster on the day it was held, and ADMIN. */
function readsNotes(a: Asker, gathering: Facts, get: Lookup): boolean {
  if (isAdmin(a)) return true;
  const day = new Date(gathering.startsAt).toLocaleDateString("en-CA", { timeZone: "Europe/London" });
  // From the asker's organisations' whole membership history (a cluster's members page could be cut short).
  return [...a.memberships.keys()].some((org) => idsIn(get(org).clusterMemberships).map(get)
    .some((m) => m.cluster.id === gathering.cluster.id && m.joinedOn <= day && (m.leftOn === null || m.leftOn > day)));
}

/** A cluster's managers: ADMIN and those acting (OWNER, EDITOR) for an organisation facilitating it now. */
const managesCluster = (a: Asker, cluster: Facts) => isAdmin(a) || idsIn(cluster.facilitators).some((o) => memberOf(a, o, "EDITOR"));

export const clustersPolicy: AccessPolicy = {
  Cluster: {
    see: anyone,
    fields: "id name kind description cause interest place status closedAt createdAt updatedAt version facilitators members gatherings activity"
      + " joining",
    restricted: { needs: isSignedIn, offers: isSignedIn, joinRequests: managesCluster },
    args: { activity: '(from: "2020-01-01", to: "2030-12-31")' },
  },
  ClusterJoinRequest: {
    see: (a, o, get) => memberOf(a, o.organisation.id) || managesCluster(a, get(o.cluster.id)),
    fields: "id cluster organisation status requestedAt decidedAt",
  },
  ClusterMembership: { see: anyone, fields: "id cluster organisation role joinedOn leftOn current" },
  ClusterActivity: { part: "from to membersNow membersInPeriod joined left gatherings attendances peopleAttending exchanges hoursGiven" },
  Gathering: {
    see: anyone,
    fields: "id cluster topic startsAt endsAt online place venue attendance peopleAttending createdAt",
    restricted: { notes: readsNotes },
  },
  GatheringAttendance: { part: "organisation people" },
  PeerPost: { see: isSignedIn, fields: "id kind skill description organisation status createdAt closedAt" },
  PeerExchange: { see: isSignedIn, fields: "id offer need giver receiver status agreedOn completedOn hoursGiven outcome createdAt" },
  PeerMatch: { part: "rank offer need organisation inSharedCluster sharedClusters" },
  PeerPanel: { see: seesPanel, fields: "id name status clusters members createdAt updatedAt version" },
  PeerPanelMember: {
    see: (a, o, get) => o.__parents.map(get).some((p: Facts) => p.__typename === "PeerPanel" && seesPanel(a, p, get)),
    fields: "id user organisation addedAt removedAt",
  },
  Organisation: {
    extends: true,
    fields: "clusters clusterMemberships",
    restricted: { peerNeeds: isSignedIn, peerOffers: isSignedIn },
  },
  Query: {
    extends: true,
    fields: "clusters peerPanels",
    restricted: { matchesFor: (a, o) => memberOf(a, o.args.$ownOrganisation) },
    args: { matchesFor: '(organisationId: "$ownOrganisation")' },
  },
};
