// The clusters module: Collaborating Communities (clusters, memberships, gatherings, peer offers and needs) and peer panels.
import type { KithModule } from "../../kith-module";
import { organisationFilters } from "../organisations/organisations.api";
import { clusterAccess } from "./access";
import { Cluster } from "./clusters/cluster.entity";
import { ClusterMembership } from "./clusters/cluster-membership.entity";
import { Gathering, GatheringAttendance } from "./gatherings/gathering.entity";
import { PeerPost } from "./peer-support/peer-post.entity";
import { PeerExchange } from "./peer-support/peer-exchange.entity";
import { PeerPanel, PeerPanelCluster, PeerPanelMember } from "./panels/peer-panel.entity";
import { Clusters1763900000300 } from "./migrations/1763900000300-Clusters";
import { PeerSupport1763900000310 } from "./migrations/1763900000310-PeerSupport";
import { ClustersResolver } from "./clusters/clusters.resolver";
import { ClusterFieldsResolver, ClusterMembershipFieldsResolver } from "./clusters/cluster-fields.resolver";
import { GatheringAttendanceResolver, GatheringsResolver } from "./gatherings/gatherings.resolver";
import { PeerExchangeFieldsResolver, PeerMatchFieldsResolver, PeerPostsResolver } from "./peer-support/peer-support.resolver";
import { OrganisationClustersResolver } from "./clusters/organisation-clusters.resolver";
import { PeerPanelMemberResolver, PeerPanelsResolver } from "./panels/panels.resolver";
import { clustersLoaders } from "./clusters.loaders";
import { clusterRelations, gatheringRelations, membershipRelations, organisationClusterRelations } from "./clusters.relations";
import { visiblePanel } from "./panels/panels.lists";
import { clusterIdsFilter } from "./clusters/clusters.lists";
import { loadDemoClusters } from "./clusters.demo";
import { generateScaleClusters } from "./clusters.scale";
import { clustersPolicy } from "./access.policy";
import { ClusterJoinRequest } from "./clusters/join-request.entity";
import { ClusterJoinRequestsResolver, JoinRequestFieldsResolver, visibleJoinRequest } from "./clusters/join-requests.resolver";
import { ClusterJoining1764200000320 } from "./migrations/1764200000320-ClusterJoining";

export const clustersModule: KithModule = {
  name: "clusters",
  entities: [Cluster, ClusterMembership, Gathering, GatheringAttendance, PeerPost, PeerExchange, PeerPanel, PeerPanelCluster, PeerPanelMember, ClusterJoinRequest],
  migrations: [Clusters1763900000300, PeerSupport1763900000310, ClusterJoining1764200000320],
  resolvers: [
    ClustersResolver, ClusterFieldsResolver, ClusterMembershipFieldsResolver, GatheringsResolver, GatheringAttendanceResolver,
    PeerPostsResolver, PeerExchangeFieldsResolver, PeerMatchFieldsResolver, OrganisationClustersResolver,
    PeerPanelsResolver, PeerPanelMemberResolver, ClusterJoinRequestsResolver, JoinRequestFieldsResolver,
  ],
  loaders: clustersLoaders,
  relations: [organisationClusterRelations, clusterRelations, membershipRelations, gatheringRelations].flatMap((r) => Object.values(r)),
  accessPolicy: clustersPolicy,
  nodeTypes: {
    Cluster: { load: (ctx, key) => ctx.loaders.clusterById.load(key) },
    ClusterMembership: { load: (ctx, key) => ctx.loaders.clusterMembershipById.load(key) },
    Gathering: { load: (ctx, key) => ctx.loaders.gatheringById.load(key) },
    PeerPost: { load: async (ctx, key) => (clusterAccess.seePeerSupport(ctx.viewer) ? ctx.loaders.peerPostById.load(key) : null) },
    PeerExchange: { load: async (ctx, key) => (clusterAccess.seePeerSupport(ctx.viewer) ? ctx.loaders.peerExchangeById.load(key) : null) },
    PeerPanel: { load: visiblePanel },
    ClusterJoinRequest: { load: async (ctx, key) => visibleJoinRequest(ctx, await ctx.loaders.joinRequestById.load(key)) },
    PeerPanelMember: {
      async load(ctx, key) {
        const member = await ctx.loaders.panelMemberById.load(key);
        return member && (await visiblePanel(ctx, member.panelId)) ? member : null;
      },
    },
  },
  // `organisations(filter: { clusterIds })` is answered from this module's tables.
  contributes: [organisationFilters.provide(clusterIdsFilter)],
  demo: loadDemoClusters,
  scale: generateScaleClusters,
};
