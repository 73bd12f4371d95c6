// What partner API keys may use of clusters: the public list of clusters (read:public) and peer panels with read:funds
// (they decide funding; access.ts shows keys none today); matching and every change are the members' own.
import { KeyScopes, NO_KEY } from "../../auth/scopes";
import { ApiScope } from "../../auth/roles";

export const clustersScopes: KeyScopes = {
  Query: { clusters: ApiScope.READ_PUBLIC, matchesFor: NO_KEY, peerPanels: ApiScope.READ_FUNDS },
  Mutation: Object.fromEntries([
    "postPeerOffer", "postPeerNeed", "closePeerPost", "acceptPeerMatch", "recordPeerExchange", "recordGathering", "recordAttendance",
    "createPeerPanel", "updatePeerPanel", "addPeerPanelMember", "removePeerPanelMember", "createCluster", "updateCluster",
    "closeCluster", "joinCluster", "leaveCluster", "decideJoinRequest",
  ].map((name) => [name, NO_KEY])),
};
