// What partner API keys may use of clusters: the public list of clusters; peer support, gatherings and panels are the
// members' own.
import { KeyScopes, NO_KEY } from "../../auth/scopes";
import { ApiScope } from "../../auth/roles";

export const clustersScopes: KeyScopes = {
  Query: { clusters: ApiScope.READ_PUBLIC, matchesFor: NO_KEY, peerPanels: NO_KEY },
  Mutation: Object.fromEntries([
    "postPeerOffer", "postPeerNeed", "closePeerPost", "acceptPeerMatch", "recordPeerExchange", "recordGathering", "recordAttendance",
    "createPeerPanel", "updatePeerPanel", "addPeerPanelMember", "removePeerPanelMember", "createCluster", "updateCluster",
    "closeCluster", "joinCluster", "leaveCluster",
  ].map((name) => [name, NO_KEY])),
};
