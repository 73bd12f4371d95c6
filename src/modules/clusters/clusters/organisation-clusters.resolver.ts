// What the clusters module adds to Organisation: its clusters now (the directory's contract), its history, its posts.
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
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
  clusters(@Root() o: Organisation, @Args() args: PageArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Cluster>> {
    return ctx.loaders.clustersOfOrganisation.load(o.id, args);
  }

  @FieldResolver(() => [ClusterMembership], { description: "Every membership period in any cluster, earliest first (left and rejoined included)." })
  clusterMemberships(@Root() o: Organisation, @Ctx() ctx: Context): Promise<ClusterMembership[]> {
    return ctx.loaders.clusterMembershipsByOrganisation.load(o.id);
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
