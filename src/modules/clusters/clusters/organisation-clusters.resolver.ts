// What the clusters module adds to Organisation: its clusters now (the directory's contract), its history, its posts;
// relations read folded or batched (clusters.relations.ts).
import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { readRelation } from "../../../graphql/relations";
import { organisationClusterRelations as r } from "../clusters.relations";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { Organisation } from "../../organisations/organisation.entity";
import { clusterAccess } from "../access";
import { PeerPostKind, PeerPostStatus } from "../cluster.enums";
import { Cluster } from "./cluster.entity";
import { ClusterMembership } from "./cluster-membership.entity";
import { PeerPost } from "../peer-support/peer-post.entity";
import { ClusterConnection } from "./clusters.types";

@Resolver(() => Organisation)
export class OrganisationClustersResolver {
  @FieldResolver(() => ClusterConnection, { description: "Clusters the organisation is a member of now, by name. One statement for a whole page of organisations." })
  clusters(@Root() o: Organisation, @Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Cluster>> | ConnectionResult<Cluster> {
    return readRelation(r.clusters, o, { ...args }, ctx, info);
  }

  @FieldResolver(() => [ClusterMembership], { description: "Every membership period in any cluster, earliest first (left and rejoined included)." })
  clusterMemberships(@Root() o: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ClusterMembership[]> | ClusterMembership[] {
    return readRelation(r.clusterMemberships, o, {}, ctx, info);
  }

  @FieldResolver(() => [PeerPost], { nullable: true, description: "Open offers of help. Signed-in only." })
  peerOffers(@Root() o: Organisation, @Ctx() ctx: Context): Promise<PeerPost[]> | null {
    return clusterAccess.seePeerSupport(ctx.viewer) ? this.open(ctx, o.id, PeerPostKind.OFFER) : null;
  }

  @FieldResolver(() => [PeerPost], { nullable: true, description: "Open needs for help. Signed-in only." })
  peerNeeds(@Root() o: Organisation, @Ctx() ctx: Context): Promise<PeerPost[]> | null {
    return clusterAccess.seePeerSupport(ctx.viewer) ? this.open(ctx, o.id, PeerPostKind.NEED) : null;
  }

  private async open(ctx: Context, organisationId: string, kind: PeerPostKind): Promise<PeerPost[]> {
    return (await ctx.loaders.peerPostsByOrganisation.load(organisationId)).filter((p) => p.kind === kind && p.status === PeerPostStatus.OPEN);
  }
}
