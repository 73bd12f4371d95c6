// API types of clusters that are not tables: the connections and the mutation payloads.
import { ConnectionType } from "../../../graphql/connection";
import { PayloadType } from "../../../graphql/payloads";
import { Cluster } from "./cluster.entity";
import { ClusterMembership } from "./cluster-membership.entity";
import { Gathering } from "../gatherings/gathering.entity";
import { PeerPost } from "../peer-support/peer-post.entity";
import { PeerExchange } from "../peer-support/peer-exchange.entity";
import { PeerPanel } from "../panels/peer-panel.entity";

export const ClusterConnection = ConnectionType(Cluster, "Cluster");
export const ClusterMembershipConnection = ConnectionType(ClusterMembership, "ClusterMembership");
export const GatheringConnection = ConnectionType(Gathering, "Gathering");
export const PeerPostConnection = ConnectionType(PeerPost, "PeerPost");
export const PeerPanelConnection = ConnectionType(PeerPanel, "PeerPanel");

export const ClusterPayload = PayloadType("ClusterPayload", { cluster: () => Cluster });
export type ClusterPayload = InstanceType<typeof ClusterPayload>;
export const ClusterMembershipPayload = PayloadType("ClusterMembershipPayload", { membership: () => ClusterMembership });
export type ClusterMembershipPayload = InstanceType<typeof ClusterMembershipPayload>;
export const GatheringPayload = PayloadType("GatheringPayload", { gathering: () => Gathering });
export type GatheringPayload = InstanceType<typeof GatheringPayload>;
export const PeerPostPayload = PayloadType("PeerPostPayload", { post: () => PeerPost });
export type PeerPostPayload = InstanceType<typeof PeerPostPayload>;
export const PeerExchangePayload = PayloadType("PeerExchangePayload", { exchange: () => PeerExchange });
export type PeerExchangePayload = InstanceType<typeof PeerExchangePayload>;
export const PeerPanelPayload = PayloadType("PeerPanelPayload", { panel: () => PeerPanel });
export type PeerPanelPayload = InstanceType<typeof PeerPanelPayload>;
