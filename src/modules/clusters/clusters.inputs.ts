// GraphQL inputs, filter and payloads of clusters and memberships. Hard size limits here; rules live in the services.
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ArrayMaxSize, MaxLength } from "class-validator";
import { UserError } from "../../graphql/errors";
import { DateScalar } from "../../graphql/scalars";
import { Cause } from "../organisations/organisation.enums";
import { ClusterKind, ClusterRole, ClusterStatus } from "./cluster.enums";
import { Cluster } from "./cluster.entity";
import { ClusterMembership } from "./cluster-membership.entity";

/** Far above any real value: longer input is abuse and is refused before any rule runs. */
const HARD_TEXT_LIMIT = 20000;

@InputType({ description: "PLACE needs placeId, CAUSE needs cause, COMMUNITY_OF_INTEREST needs interest. Never a sector." })
export class CreateClusterInput {
  @Field() @MaxLength(HARD_TEXT_LIMIT) name: string;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) description?: string | null;
  @Field(() => ClusterKind) kind: ClusterKind;
  @Field(() => ID, { nullable: true, description: "Required for PLACE; optional for the others (the place the cluster is local to)." })
  placeId?: string | null;
  @Field(() => Cause, { nullable: true }) cause?: Cause | null;
  @Field(() => String, { nullable: true, description: "What the members have in common, e.g. 'community-owned pubs'." })
  @MaxLength(HARD_TEXT_LIMIT) interest?: string | null;
  @Field(() => ID, { nullable: true, description: "The organisation that facilitates it; you must be its owner or editor (ADMIN may leave it out)." })
  facilitatorOrganisationId?: string | null;
}

@InputType({ description: "Omitted fields stay as they are; null clears what may be empty. The kind never changes." })
export class UpdateClusterInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: "The version you read; a newer one means someone else changed it first." }) expectedVersion: number;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) name?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) description?: string | null;
  @Field(() => ID, { nullable: true }) placeId?: string | null;
  @Field(() => Cause, { nullable: true }) cause?: Cause | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) interest?: string | null;
  @Field(() => ClusterStatus, { nullable: true, description: "FORMING -> ACTIVE <-> DORMANT; any -> CLOSED (as closeCluster)." })
  status?: ClusterStatus | null;
}

@InputType()
export class CloseClusterInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType()
export class JoinClusterInput {
  @Field(() => ID) clusterId: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ClusterRole, { nullable: true, description: "MEMBER unless a facilitator or ADMIN appoints a FACILITATOR." }) role?: ClusterRole | null;
  @Field(() => DateScalar, { nullable: true, description: "Defaults to today (UK); never in the future." }) joinedOn?: string | null;
}

@InputType()
export class LeaveClusterInput {
  @Field(() => ID) clusterId: string;
  @Field(() => ID) organisationId: string;
  @Field(() => DateScalar, { nullable: true, description: "Defaults to today (UK); the first day no longer a member." }) leftOn?: string | null;
}

@InputType()
export class ClusterFilter {
  @Field(() => [ClusterKind], { nullable: true }) @ArrayMaxSize(3) kinds?: ClusterKind[] | null;
  @Field(() => [ID], { nullable: true, description: "Clusters of these places or places inside them." }) @ArrayMaxSize(50) placeIds?: string[] | null;
  @Field(() => String, { nullable: true, description: "Words in the name, description or interest." }) @MaxLength(200) search?: string | null;
  @Field(() => ID, { nullable: true, description: "Clusters this organisation is currently a member of." }) hasOrganisation?: string | null;
  @Field(() => [ClusterStatus], { nullable: true, description: "Default: every status but CLOSED." }) @ArrayMaxSize(4) statuses?: ClusterStatus[] | null;
}

@ObjectType()
export class ClusterPayload {
  @Field(() => Cluster, { nullable: true }) cluster: Cluster | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class ClusterMembershipPayload {
  @Field(() => ClusterMembership, { nullable: true }) membership: ClusterMembership | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
