// Fields of a Cluster and of a membership period: relations read folded or batched (clusters.relations.ts).
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { readRelation } from "../../../graphql/relations";
import { clusterRelations as r, membershipRelations } from "../clusters.relations";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { DateScalar } from "../../../graphql/scalars";
import { Place } from "../../places/place.entity";
import { Organisation } from "../../organisations/organisation.entity";
import { Cluster } from "./cluster.entity";
import { ClusterMembership } from "./cluster-membership.entity";
import { Gathering } from "../gatherings/gathering.entity";
import { PeerPost } from "../peer-support/peer-post.entity";
import { ClusterActivity } from "./activity";
import { ClusterMembersArgs } from "./clusters.lists";
import { ClusterMembershipConnection } from "./clusters.types";
import { GatheringConnection } from "../gatherings/gatherings.types";
import { PeerPostConnection } from "../peer-support/peer-support.types";

type Maybe<T> = Promise<T> | T;

@Resolver(() => Cluster)
export class ClusterFieldsResolver {
  @FieldResolver(() => Place, { nullable: true, description: "The place of a PLACE cluster, or the place another kind is local to." })
  place(@Root() c: Cluster, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Place | null> {
    return readRelation(r.place, c, {}, ctx, info);
  }

  @FieldResolver(() => [Organisation], { description: "Member organisations that facilitate the cluster now." })
  facilitators(@Root() c: Cluster, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation[]> {
    return readRelation(r.facilitators, c, {}, ctx, info);
  }

  @FieldResolver(() => ClusterMembershipConnection, { description: "Membership periods, earliest joined first." })
  members(@Root() c: Cluster, @Args() args: ClusterMembersArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<ConnectionResult<ClusterMembership>> {
    return readRelation(r.members, c, { ...args }, ctx, info);
  }

  @FieldResolver(() => GatheringConnection, { description: "Gatherings, newest first." })
  gatherings(@Root() c: Cluster, @Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<ConnectionResult<Gathering>> {
    return readRelation(r.gatherings, c, { ...args }, ctx, info);
  }

  @FieldResolver(() => PeerPostConnection, { nullable: true, description: "Open offers of the current member organisations, newest first. Signed-in only." })
  offers(@Root() c: Cluster, @Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<ConnectionResult<PeerPost> | null> {
    return readRelation(r.offers, c, { ...args }, ctx, info);
  }

  @FieldResolver(() => PeerPostConnection, { nullable: true, description: "Open needs of the current member organisations, newest first. Signed-in only." })
  needs(@Root() c: Cluster, @Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<ConnectionResult<PeerPost> | null> {
    return readRelation(r.needs, c, { ...args }, ctx, info);
  }

  @FieldResolver(() => ClusterActivity, { description: "Members, gatherings, attendance, exchanges and hours between two UK days, both included." })
  activity(@Root() c: Cluster, @Arg("from", () => DateScalar) from: string, @Arg("to", () => DateScalar) to: string, @Ctx() ctx: Context): Promise<ClusterActivity> {
    return ctx.loaders.clusterActivity.load(c.id, from, to);
  }
}

@Resolver(() => ClusterMembership)
export class ClusterMembershipFieldsResolver {
  @FieldResolver(() => Cluster, { nullable: true })
  cluster(@Root() m: ClusterMembership, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Cluster | null> {
    return readRelation(membershipRelations.cluster, m, {}, ctx, info);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() m: ClusterMembership, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<Organisation | null> {
    return readRelation(membershipRelations.organisation, m, {}, ctx, info);
  }

  @FieldResolver(() => Boolean, { description: "True while the period is open (no leftOn)." })
  current(@Root() m: ClusterMembership): boolean {
    return m.leftOn === null;
  }
}
