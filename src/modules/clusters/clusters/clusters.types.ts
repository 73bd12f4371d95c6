// API types of clusters and memberships that are not tables: their connections and mutation payloads.
import { ConnectionType } from "../../../graphql/connection";
import { PayloadType } from "../../../graphql/payloads";
import { Cluster } from "./cluster.entity";
import { ClusterMembership } from "./cluster-membership.entity";
import { ClusterJoinRequest } from "./join-request.entity";

export const ClusterConnection = ConnectionType(Cluster, "Cluster");
export const ClusterMembershipConnection = ConnectionType(ClusterMembership, "ClusterMembership");

export const ClusterPayload = PayloadType("ClusterPayload", { cluster: () => Cluster });
export type ClusterPayload = InstanceType<typeof ClusterPayload>;
export const ClusterMembershipPayload = PayloadType("ClusterMembershipPayload", {
  membership: () => ClusterMembership,
  joinRequest: { type: () => ClusterJoinRequest, description: "Where the cluster needs approval: the request a facilitator will decide (membership is then null)." },
});
export type ClusterMembershipPayload = InstanceType<typeof ClusterMembershipPayload>;

export const JoinRequestPayload = PayloadType("JoinRequestPayload", { joinRequest: () => ClusterJoinRequest, membership: () => ClusterMembership });
export type JoinRequestPayload = InstanceType<typeof JoinRequestPayload>;
