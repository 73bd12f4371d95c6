// Clusters' queries and mutations: call one service method and return its payload (IDs arrive decoded).
import { Arg, Args, ArgsType, Ctx, Field, Resolver } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { ConnectionResult, PageArgs } from "../../../graphql/connection";
import { Mutation, Query } from "../../../graphql/operations";
import { toPayload } from "../../../graphql/payloads";
import { ClusterRole } from "../cluster.enums";
import { Cluster } from "./cluster.entity";
import { ClustersService } from "./clusters.service";
import { MembershipService } from "./membership.service";
import { listClusters } from "./clusters.lists";
import { ClusterConnection, ClusterMembershipPayload, ClusterPayload } from "./clusters.types";
import {
  CloseClusterInput, ClusterFilter, CreateClusterInput, JoinClusterInput, LeaveClusterInput, UpdateClusterInput,
} from "./clusters.inputs";

@ArgsType()
class ClustersArgs extends PageArgs {
  @Field(() => ClusterFilter, { nullable: true }) filter?: ClusterFilter | null;
}

@Resolver()
export class ClustersResolver {
  @Query(() => ClusterConnection, { description: "Collaborating Communities by name; closed ones only when filter.statuses asks. Public." })
  clusters(@Args() args: ClustersArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Cluster>> {
    return listClusters(ctx.app.db, args, args.filter ?? {});
  }

  @Mutation(() => ClusterPayload, { description: "Start a cluster (ADMIN, or for an organisation you own or edit, which facilitates it)." })
  async createCluster(@Arg("input") input: CreateClusterInput, @Ctx() ctx: Context): Promise<ClusterPayload> {
    return toPayload(await new ClustersService(ctx.app.db).create(ctx, input, input.facilitatorOrganisationId ?? null));
  }

  @Mutation(() => ClusterPayload, { description: "Change a cluster (its facilitators, ADMIN)." })
  async updateCluster(@Arg("input") input: UpdateClusterInput, @Ctx() ctx: Context): Promise<ClusterPayload> {
    return toPayload(await new ClustersService(ctx.app.db).update(ctx, input.id, input));
  }

  @Mutation(() => ClusterPayload, { description: "Close a cluster (its facilitators, ADMIN): current memberships end today; history stays." })
  async closeCluster(@Arg("input") input: CloseClusterInput, @Ctx() ctx: Context): Promise<ClusterPayload> {
    return toPayload(await new ClustersService(ctx.app.db).close(ctx, input.id, input.expectedVersion));
  }

  @Mutation(() => ClusterMembershipPayload, { description: "Join an organisation to a cluster: a new membership period." })
  async joinCluster(@Arg("input") input: JoinClusterInput, @Ctx() ctx: Context): Promise<ClusterMembershipPayload> {
    return toPayload(await new MembershipService(ctx.app.db)
      .join(ctx, input.clusterId, input.organisationId, input.role ?? ClusterRole.MEMBER, input.joinedOn ?? null));
  }

  @Mutation(() => ClusterMembershipPayload, { description: "End an organisation's current membership of a cluster." })
  async leaveCluster(@Arg("input") input: LeaveClusterInput, @Ctx() ctx: Context): Promise<ClusterMembershipPayload> {
    return toPayload(await new MembershipService(ctx.app.db).leave(ctx, input.clusterId, input.organisationId, input.leftOn ?? null));
  }
}
