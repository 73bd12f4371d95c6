// The connection types of this module, declared once so every field that returns one shares the GraphQL type.
import { ConnectionType } from "../../graphql/connection";
import { Cluster } from "./cluster.entity";
import { ClusterMembership } from "./cluster-membership.entity";
import { Gathering } from "./gathering.entity";
import { PeerPost } from "./peer-post.entity";
import { PeerPanel } from "./peer-panel.entity";

export const ClusterConnection = ConnectionType(Cluster, "Cluster");
export const ClusterMembershipConnection = ConnectionType(ClusterMembership, "ClusterMembership");
export const GatheringConnection = ConnectionType(Gathering, "Gathering");
export const PeerPostConnection = ConnectionType(PeerPost, "PeerPost");
export const PeerPanelConnection = ConnectionType(PeerPanel, "PeerPanel");
