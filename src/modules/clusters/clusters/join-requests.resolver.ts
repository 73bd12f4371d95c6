// Requests to join a cluster that needs approval: a cluster's pending requests for its facilitators, the request's
// own fields, and the facilitator's decision.
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../../graphql/context";
import { Mutation } from "../../../graphql/operations";
import { toPayload } from "../../../graphql/payloads";
import { isAdmin } from "../../../auth/viewer";
import { Organisation } from "../../organisations/organisation.entity";
import { clusterAccess } from "../access";
import { ClusterRole, JoinRequestStatus } from "../cluster.enums";
import { Cluster } from "./cluster.entity";
import { ClusterJoinRequest } from "./join-request.entity";
import { DecideJoinRequestInput } from "./clusters.inputs";
import { JoinRequestPayload } from "./clusters.types";
import { MembershipService } from "./membership.service";

/** The organisations facilitating a cluster now, through the request's loaders. */
async function facilitatorsNow(ctx: Context, clusterId: string): Promise<string[]> {
  return (await ctx.loaders.openMembershipsByCluster.load(clusterId)).filter((m) => m.role === ClusterRole.FACILITATOR).map((m) => m.organisationId);
}

/** The request, or null when the viewer is neither its cluster's manager nor one of the asking organisation's people. */
export async function visibleJoinRequest(ctx: Context, request: ClusterJoinRequest | null): Promise<ClusterJoinRequest | null> {
  if (!request) return null;
  if (isAdmin(ctx.viewer) || ctx.viewer.memberships.has(request.organisationId)) return request;
  return clusterAccess.seeJoinRequest(ctx.viewer, request.organisationId, await facilitatorsNow(ctx, request.clusterId)) ? request : null;
}

@Resolver(() => Cluster)
export class ClusterJoinRequestsResolver {
  @FieldResolver(() => [ClusterJoinRequest], { nullable: true, description: "Requests to join waiting for a decision, oldest first: its facilitators and ADMIN; null otherwise." })
  async joinRequests(@Root() c: Cluster, @Ctx() ctx: Context): Promise<ClusterJoinRequest[] | null> {
    if (ctx.viewer.memberships.size === 0 && !isAdmin(ctx.viewer)) return null;
    if (!clusterAccess.decideJoining(ctx.viewer, await facilitatorsNow(ctx, c.id))) return null;
    return (await ctx.loaders.joinRequestsByCluster.load(c.id)).filter((r) => r.status === JoinRequestStatus.PENDING);
  }

  @Mutation(() => JoinRequestPayload, { description: "Approve (the organisation joins today) or refuse a request to join: the cluster's facilitators and ADMIN." })
  async decideJoinRequest(@Arg("input") input: DecideJoinRequestInput, @Ctx() ctx: Context): Promise<JoinRequestPayload> {
    return toPayload(await new MembershipService(ctx.app.db).decide(ctx, input.requestId, input.approve));
  }
}

@Resolver(() => ClusterJoinRequest)
export class JoinRequestFieldsResolver {
  @FieldResolver(() => Cluster, { nullable: true, description: "The cluster asked to join." })
  cluster(@Root() r: ClusterJoinRequest, @Ctx() ctx: Context): Promise<Cluster | null> {
    return ctx.loaders.clusterById.load(r.clusterId);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation asking to join." })
  organisation(@Root() r: ClusterJoinRequest, @Ctx() ctx: Context): Promise<Organisation | null> {
    return ctx.loaders.organisationById.load(r.organisationId);
  }
}
