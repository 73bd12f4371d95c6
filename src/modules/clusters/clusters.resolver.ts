// Clusters' queries and mutations: decode IDs, call one service method, return the payload.
import { Arg, Args, ArgsType, Ctx, Field, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ConnectionResult, PageArgs } from "../../graphql/connection";
import { decodeId, payload } from "../../graphql/payloads";
import { ClusterRole } from "./cluster.enums";
import { Cluster } from "./cluster.entity";
import { ClustersService } from "./clusters.service";
import { MembershipService } from "./membership.service";
import { listClusters } from "./clusters.directory";
import { ClusterConnection } from "./clusters.connections";
import {
  CloseClusterInput, ClusterFilter, ClusterMembershipPayload, ClusterPayload, CreateClusterInput, JoinClusterInput,
  LeaveClusterInput, UpdateClusterInput,
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
    const facilitator = input.facilitatorOrganisationId ? decodeId(input.facilitatorOrganisationId, "Organisation", "facilitatorOrganisationId") : null;
    if (facilitator && "errors" in facilitator) return payload("cluster", facilitator);
    return payload("cluster", await new ClustersService(ctx.app.db).create(ctx, input, facilitator?.key ?? null));
  }

  @Mutation(() => ClusterPayload, { description: "Change a cluster (its facilitators, ADMIN)." })
  async updateCluster(@Arg("input") input: UpdateClusterInput, @Ctx() ctx: Context): Promise<ClusterPayload> {
    const id = decodeId(input.id, "Cluster", "id");
    if ("errors" in id) return payload("cluster", id);
    return payload("cluster", await new ClustersService(ctx.app.db).update(ctx, id.key, input));
  }

  @Mutation(() => ClusterPayload, { description: "Close a cluster (its facilitators, ADMIN): current memberships end today; history stays." })
  async closeCluster(@Arg("input") input: CloseClusterInput, @Ctx() ctx: Context): Promise<ClusterPayload> {
    const id = decodeId(input.id, "Cluster", "id");
    if ("errors" in id) return payload("cluster", id);
    return payload("cluster", await new ClustersService(ctx.app.db).close(ctx, id.key, input.expectedVersion));
  }

  @Mutation(() => ClusterMembershipPayload, { description: "Join an organisation to a cluster: a new membership period." })
  async joinCluster(@Arg("input") input: JoinClusterInput, @Ctx() ctx: Context): Promise<ClusterMembershipPayload> {
    const clusterId = decodeId(input.clusterId, "Cluster", "clusterId");
    if ("errors" in clusterId) return payload("membership", clusterId);
    const organisationId = decodeId(input.organisationId, "Organisation", "organisationId");
    if ("errors" in organisationId) return payload("membership", organisationId);
    return payload("membership", await new MembershipService(ctx.app.db)
      .join(ctx, clusterId.key, organisationId.key, input.role ?? ClusterRole.MEMBER, input.joinedOn ?? null));
  }

  @Mutation(() => ClusterMembershipPayload, { description: "End an organisation's current membership of a cluster." })
  async leaveCluster(@Arg("input") input: LeaveClusterInput, @Ctx() ctx: Context): Promise<ClusterMembershipPayload> {
    const clusterId = decodeId(input.clusterId, "Cluster", "clusterId");
    if ("errors" in clusterId) return payload("membership", clusterId);
    const organisationId = decodeId(input.organisationId, "Organisation", "organisationId");
    if ("errors" in organisationId) return payload("membership", organisationId);
    return payload("membership", await new MembershipService(ctx.app.db).leave(ctx, clusterId.key, organisationId.key, input.leftOn ?? null));
  }
}
