// GraphQL inputs of cluster life: gatherings and attendance, offers and needs, matches and exchanges.
import { Field, InputType, Int } from "type-graphql";
import { TextField, IdField, ListField } from "../../../graphql/input-fields";
import { DateScalar } from "../../../graphql/scalars";
import { Gathering } from "../gatherings/gathering.entity";
import { PeerPost } from "./peer-post.entity";
import { PeerExchange } from "./peer-exchange.entity";


@InputType()
export class AttendanceInput {
  @IdField("Organisation", { description: "A member organisation of the cluster on the day of the gathering." }) organisationId: string;
  @Field(() => Int, { description: "How many of its people came (1..1000)." }) people: number;
}

@InputType({ description: "A gathering in a place (placeId) or online, or both." })
export class RecordGatheringInput {
  @IdField("Cluster") clusterId: string;
  @Field() startsAt: Date;
  @Field(() => Date, { nullable: true }) endsAt?: Date | null;
  @Field({ defaultValue: false }) online: boolean;
  @IdField("Place", { nullable: true }) placeId?: string | null;
  @TextField({ nullable: true }) venue?: string | null;
  @TextField() topic: string;
  @TextField({ nullable: true, description: "Visible to the cluster's member organisations and ADMIN only." })
  notes?: string | null;
  @ListField(() => AttendanceInput, { nullable: true, description: "Only for a gathering that has started.", max: 500 }) attendance?: AttendanceInput[] | null;
}

@InputType({ description: "Sets the attendance of the organisations listed (others stay as recorded)." })
export class RecordAttendanceInput {
  @IdField("Gathering") gatheringId: string;
  @ListField(() => AttendanceInput, { max: 500 }) attendance: AttendanceInput[];
}

@InputType()
export class PostPeerSupportInput {
  @IdField("Organisation", { description: "Your organisation (you must be its owner or editor)." }) organisationId: string;
  @TextField({ description: "One of the Skill values, e.g. FINANCE, SPACE, MENTORING.", max: 100 }) skill: string;
  @TextField() description: string;
}

@InputType()
export class ClosePeerPostInput {
  @IdField("PeerPost") postId: string;
}

@InputType()
export class AcceptPeerMatchInput {
  @IdField("PeerPost", { description: "Your organisation's open need." }) needId: string;
  @IdField("PeerPost", { description: "Another organisation's open offer in the same skill." }) offerId: string;
}

@InputType()
export class RecordPeerExchangeInput {
  @IdField("PeerExchange") exchangeId: string;
  @Field(() => Int, { description: "Whole hours of help given." }) hoursGiven: number;
  @TextField() outcome: string;
  @Field(() => DateScalar, { nullable: true, description: "Defaults to today (UK)." }) completedOn?: string | null;
}
