// Per-request loaders for clusters, memberships and peer panels.
import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey, loaderOfMany } from "../../graphql/loaders";
import { Cluster } from "./cluster.entity";
import { ClusterMembership } from "./cluster-membership.entity";
import { PeerPanel, PeerPanelCluster, PeerPanelMember } from "./peer-panel.entity";

declare module "../../graphql/context" {
  interface Loaders {
    clusterById: DataLoader<string, Cluster | null>;
    /** Current (open) memberships of each cluster, oldest first. */
    openMembershipsByCluster: DataLoader<string, ClusterMembership[]>;
    panelById: DataLoader<string, PeerPanel | null>;
    panelClustersByPanel: DataLoader<string, PeerPanelCluster[]>;
    /** Everyone who has sat on each panel, current and past. */
    panelMembersByPanel: DataLoader<string, PeerPanelMember[]>;
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
    panelById: loaderByKey(db, PeerPanel),
    panelClustersByPanel: loaderOfMany(db, PeerPanelCluster, "panel_id", (l) => l.panelId, "t.cluster_id"),
    panelMembersByPanel: loaderOfMany(db, PeerPanelMember, "panel_id", (m) => m.panelId, "t.added_at"),
  };
}
