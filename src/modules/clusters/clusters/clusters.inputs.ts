// GraphQL inputs and filter of clusters and memberships. Hard size limits here; rules live in the services.
import { Field, InputType } from "type-graphql";
import { DayField, IdField, IdListField, ListField, SEARCH_TEXT_LIMIT, TextField, VersionField } from "../../../graphql/input-fields";
import { Cause } from "../../organisations/organisation.enums";
import { ClusterKind, ClusterRole, ClusterStatus, ClusterJoining } from "../cluster.enums";

@InputType({ description: "PLACE needs placeId, CAUSE needs cause, COMMUNITY_OF_INTEREST needs interest. Never a sector." })
export class CreateClusterInput {
  @TextField() name: string;
  @TextField({ nullable: true }) description?: string | null;
  @Field(() => ClusterKind) kind: ClusterKind;
  @IdField("Place", { nullable: true, description: "Required for PLACE; optional for the others (the place the cluster is local to)." })
  placeId?: string | null;
  @Field(() => Cause, { nullable: true }) cause?: Cause | null;
  @Field(() => ClusterJoining, { nullable: true, description: "Default APPROVAL: a facilitator approves each organisation that asks to join." })
  joining?: ClusterJoining | null;
  @TextField({ nullable: true, description: "What the members have in common, e.g. 'community-owned pubs'." })
  interest?: string | null;
  @IdField("Organisation", { nullable: true, description: "The organisation that facilitates it; you must be its owner or editor (ADMIN may leave it out)." })
  facilitatorOrganisationId?: string | null;
}

@InputType({ description: "Omitted fields stay as they are; null clears what may be empty. The kind never changes." })
export class UpdateClusterInput {
  @IdField("Cluster") id: string;
  @VersionField({ description: "The version you read; a newer one means someone else changed it first." }) expectedVersion: number;
  @TextField({ nullable: true }) name?: string | null;
  @TextField({ nullable: true }) description?: string | null;
  @IdField("Place", { nullable: true }) placeId?: string | null;
  @Field(() => Cause, { nullable: true }) cause?: Cause | null;
  @TextField({ nullable: true }) interest?: string | null;
  @Field(() => ClusterJoining, { nullable: true, description: "OPEN: organisations join at once; APPROVAL: a facilitator approves each." })
  joining?: ClusterJoining | null;
  @Field(() => ClusterStatus, { nullable: true, description: "FORMING -> ACTIVE <-> DORMANT; any -> CLOSED (as closeCluster)." })
  status?: ClusterStatus | null;
}

@InputType()
export class CloseClusterInput {
  @IdField("Cluster") id: string;
  @VersionField() expectedVersion: number;
}

@InputType()
export class JoinClusterInput {
  @IdField("Cluster") clusterId: string;
  @IdField("Organisation") organisationId: string;
  @Field(() => ClusterRole, { nullable: true, description: "MEMBER unless a facilitator or ADMIN appoints a FACILITATOR." }) role?: ClusterRole | null;
  @DayField({ nullable: true, description: "Defaults to today (UK); never in the future. Only facilitators and ADMIN record an earlier day." })
  joinedOn?: string | null;
}

@InputType()
export class LeaveClusterInput {
  @IdField("Cluster") clusterId: string;
  @IdField("Organisation") organisationId: string;
  @DayField({ nullable: true, description: "Defaults to today (UK); the first day no longer a member." }) leftOn?: string | null;
}

@InputType()
export class ClusterFilter {
  @ListField(() => ClusterKind, { nullable: true, max: 3 }) kinds?: ClusterKind[] | null;
  @IdListField("Place", { nullable: true, description: "Clusters of these places or places inside them.", max: 50 }) placeIds?: string[] | null;
  @TextField({ nullable: true, description: "Words in the name, description or interest.", max: SEARCH_TEXT_LIMIT }) search?: string | null;
  @IdField("Organisation", { nullable: true, description: "Clusters this organisation is currently a member of." }) hasOrganisation?: string | null;
  @ListField(() => ClusterStatus, { nullable: true, description: "Default: every status but CLOSED.", max: 4 }) statuses?: ClusterStatus[] | null;
}

@InputType()
export class DecideJoinRequestInput {
  @IdField("ClusterJoinRequest") requestId: string;
  @Field({ description: "True admits the organisation as a MEMBER today; false refuses the request." }) approve: boolean;
}
