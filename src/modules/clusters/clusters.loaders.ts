// Per-request loaders for clusters, memberships, gatherings, peer support and peer panels.
import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey, loaderOfMany } from "../../graphql/loaders";
import { Cluster } from "./clusters/cluster.entity";
import { ClusterMembership } from "./clusters/cluster-membership.entity";
import { Gathering, GatheringAttendance } from "./gatherings/gathering.entity";
import { PeerPost } from "./peer-support/peer-post.entity";
import { PeerExchange } from "./peer-support/peer-exchange.entity";
import { PeerPanel, PeerPanelCluster, PeerPanelMember } from "./panels/peer-panel.entity";
import { ActivityLoader, activityLoader } from "./clusters/activity";
import { ClusterJoinRequest } from "./clusters/join-request.entity";

declare module "../../graphql/context" {
  interface Loaders {
    clusterById: DataLoader<string, Cluster | null>;
    /** Current (open) memberships of each cluster, earliest joined first. */
    openMembershipsByCluster: DataLoader<string, ClusterMembership[]>;
    clusterMembershipById: DataLoader<string, ClusterMembership | null>;
    /** Every membership period of each cluster, current and past, earliest joined first (who was a member on a day). */
    membershipPeriodsByCluster: DataLoader<string, ClusterMembership[]>;
    /** Each cluster's requests to join, oldest first. */
    joinRequestsByCluster: DataLoader<string, ClusterJoinRequest[]>;
    joinRequestById: DataLoader<string, ClusterJoinRequest | null>;
    clusterActivity: ActivityLoader;
    gatheringById: DataLoader<string, Gathering | null>;
    attendanceByGathering: DataLoader<string, GatheringAttendance[]>;
    peerPostById: DataLoader<string, PeerPost | null>;
    /** Every offer and need of each organisation, oldest first. */
    peerPostsByOrganisation: DataLoader<string, PeerPost[]>;
    peerExchangeById: DataLoader<string, PeerExchange | null>;
    panelById: DataLoader<string, PeerPanel | null>;
    panelClustersByPanel: DataLoader<string, PeerPanelCluster[]>;
    /** Everyone who has sat on each panel, current and past. */
    panelMembersByPanel: DataLoader<string, PeerPanelMember[]>;
    panelMemberById: DataLoader<string, PeerPanelMember | null>;
  }
}

function openMembershipsByCluster(db: DataSource): DataLoader<string, ClusterMembership[]> {
  return new DataLoader(async (keys) => {
    const rows = await db.getRepository(ClusterMembership).createQueryBuilder("t")
      .where("t.cluster_id = ANY(:keys) AND t.left_on IS NULL", { keys: [...keys] }).orderBy("t.joined_on").addOrderBy("t.id").getMany();
    const byCluster = new Map<string, ClusterMembership[]>();
    for (const r of rows) byCluster.set(r.clusterId, [...(byCluster.get(r.clusterId) ?? []), r]);
    return keys.map((k) => byCluster.get(k) ?? []);
  });
}

export function clustersLoaders(db: DataSource) {
  return {
    clusterById: loaderByKey(db, Cluster),
    openMembershipsByCluster: openMembershipsByCluster(db),
    clusterMembershipById: loaderByKey(db, ClusterMembership),
    membershipPeriodsByCluster: loaderOfMany(db, ClusterMembership, "cluster_id", (p) => p.clusterId, "t.joined_on"),
    joinRequestsByCluster: loaderOfMany(db, ClusterJoinRequest, "cluster_id", (r) => r.clusterId, "t.requested_at"),
    joinRequestById: loaderByKey(db, ClusterJoinRequest),
    clusterActivity: activityLoader(db),
    gatheringById: loaderByKey(db, Gathering),
    attendanceByGathering: loaderOfMany(db, GatheringAttendance, "gathering_id", (a) => a.gatheringId, "t.organisation_id"),
    peerPostById: loaderByKey(db, PeerPost),
    peerPostsByOrganisation: loaderOfMany(db, PeerPost, "organisation_id", (p) => p.organisationId, "t.created_at"),
    peerExchangeById: loaderByKey(db, PeerExchange),
    panelById: loaderByKey(db, PeerPanel),
    panelClustersByPanel: loaderOfMany(db, PeerPanelCluster, "panel_id", (l) => l.panelId, "t.cluster_id"),
    panelMembersByPanel: loaderOfMany(db, PeerPanelMember, "panel_id", (m) => m.panelId, "t.added_at"),
    panelMemberById: loaderByKey(db, PeerPanelMember),
  };
}
