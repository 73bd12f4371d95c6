// Fields of a Cluster and of a membership period, each read through a per-request loader.
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { DateScalar } from "../../../graphql/scalars";
import { Place } from "../../places/place.entity";
import { Organisation } from "../../organisations/organisation.entity";
import { clusterAccess } from "../access";
import { ClusterRole, PeerPostKind } from "../cluster.enums";
import { Cluster } from "./cluster.entity";
import { ClusterMembership } from "./cluster-membership.entity";
import { Gathering } from "../gatherings/gathering.entity";
import { PeerPost } from "../peer-support/peer-post.entity";
import { ClusterActivity } from "./activity";
import { ClusterMembersArgs } from "./clusters.lists";
import { ClusterMembershipConnection } from "./clusters.types";
import { GatheringConnection } from "../gatherings/gatherings.types";
import { PeerPostConnection } from "../peer-support/peer-support.types";

const isOrganisation = (o: unknown): o is Organisation => o instanceof Organisation;

@Resolver(() => Cluster)
export class ClusterFieldsResolver {
  @FieldResolver(() => Place, { nullable: true, description: "The place of a PLACE cluster, or the place another kind is local to." })
  place(@Root() c: Cluster, @Ctx() ctx: Context): Promise<Place | null> | null {
    return c.placeId ? ctx.loaders.placeById.load(c.placeId) : null;
  }

  @FieldResolver(() => [Organisation], { description: "Member organisations that facilitate the cluster now." })
  async facilitators(@Root() c: Cluster, @Ctx() ctx: Context): Promise<Organisation[]> {
    const open = await ctx.loaders.openMembershipsByCluster.load(c.id);
    const ids = open.filter((m) => m.role === ClusterRole.FACILITATOR).map((m) => m.organisationId);
    return (await ctx.loaders.organisationById.loadMany(ids)).filter(isOrganisation);
  }

  @FieldResolver(() => ClusterMembershipConnection, { description: "Membership periods, earliest joined first." })
  members(@Root() c: Cluster, @Args() args: ClusterMembersArgs, @Ctx() ctx: Context): Promise<ConnectionResult<ClusterMembership>> {
    return ctx.loaders.membersOfCluster.load(c.id, args);
  }

  @FieldResolver(() => GatheringConnection, { description: "Gatherings, newest first." })
  gatherings(@Root() c: Cluster, @Args() args: PageArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Gathering>> {
    return ctx.loaders.gatheringsOfCluster.load(c.id, args);
  }

  @FieldResolver(() => PeerPostConnection, { nullable: true, description: "Open offers of the current member organisations, newest first. Signed-in only." })
  offers(@Root() c: Cluster, @Args() args: PageArgs, @Ctx() ctx: Context): Promise<ConnectionResult<PeerPost>> | null {
    return clusterAccess.seePeerSupport(ctx.viewer) ? ctx.loaders.openPostsOfCluster.load(c.id, { ...args, kind: PeerPostKind.OFFER }) : null;
  }

  @FieldResolver(() => PeerPostConnection, { nullable: true, description: "Open needs of the current member organisations, newest first. Signed-in only." })
  needs(@Root() c: Cluster, @Args() args: PageArgs, @Ctx() ctx: Context): Promise<ConnectionResult<PeerPost>> | null {
    return clusterAccess.seePeerSupport(ctx.viewer) ? ctx.loaders.openPostsOfCluster.load(c.id, { ...args, kind: PeerPostKind.NEED }) : null;
  }

  @FieldResolver(() => ClusterActivity, { description: "Members, gatherings, attendance, exchanges and hours between two UK days, both included." })
  activity(@Root() c: Cluster, @Arg("from", () => DateScalar) from: string, @Arg("to", () => DateScalar) to: string, @Ctx() ctx: Context): Promise<ClusterActivity> {
    return ctx.loaders.clusterActivity.load(c.id, from, to);
  }
}

@Resolver(() => ClusterMembership)
export class ClusterMembershipFieldsResolver {
  @FieldResolver(() => Cluster, { nullable: true })
  cluster(@Root() m: ClusterMembership, @Ctx() ctx: Context): Promise<Cluster | null> {
    return ctx.loaders.clusterById.load(m.clusterId);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() m: ClusterMembership, @Ctx() ctx: Context): Promise<Organisation | null> {
    return ctx.loaders.organisationById.load(m.organisationId);
  }

  @FieldResolver(() => Boolean, { description: "True while the period is open (no leftOn)." })
  current(@Root() m: ClusterMembership): boolean {
    return m.leftOn === null;
  }
}
