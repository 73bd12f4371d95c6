// The clusters module: Collaborating Communities (clusters, memberships, gatherings, peer offers and needs) and peer panels.
import type { KithModule } from "../../kith-module";
import { Cluster } from "./cluster.entity";
import { ClusterMembership } from "./cluster-membership.entity";
import { PeerPanel, PeerPanelCluster, PeerPanelMember } from "./peer-panel.entity";
import { Clusters1763900000300 } from "./migrations/1763900000300-Clusters";
import { PeerPanelMemberResolver, PeerPanelsResolver } from "./panels.resolver";
import { clustersLoaders } from "./clusters.loaders";
import { visiblePanel } from "./panels.queries";

export const clustersModule: KithModule = {
  name: "clusters",
  entities: [Cluster, ClusterMembership, PeerPanel, PeerPanelCluster, PeerPanelMember],
  migrations: [Clusters1763900000300],
  resolvers: [PeerPanelsResolver, PeerPanelMemberResolver],
  loaders: clustersLoaders,
  nodeTypes: {
    Cluster: { load: (ctx, key) => ctx.loaders.clusterById.load(key) },
    PeerPanel: { load: visiblePanel },
  },
};
