// GraphQL inputs and payloads of cluster life: gatherings and attendance, offers and needs, matches and exchanges.
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ArrayMaxSize, MaxLength } from "class-validator";
import { UserError } from "../../graphql/errors";
import { DateScalar } from "../../graphql/scalars";
import { Gathering } from "./gathering.entity";
import { PeerPost } from "./peer-post.entity";
import { PeerExchange } from "./peer-exchange.entity";

const HARD_TEXT_LIMIT = 20000;

@InputType()
export class AttendanceInput {
  @Field(() => ID, { description: "A member organisation of the cluster on the day of the gathering." }) organisationId: string;
  @Field(() => Int, { description: "How many of its people came (1..1000)." }) people: number;
}

@InputType({ description: "A gathering in a place (placeId) or online, or both." })
export class RecordGatheringInput {
  @Field(() => ID) clusterId: string;
  @Field() startsAt: Date;
  @Field(() => Date, { nullable: true }) endsAt?: Date | null;
  @Field({ defaultValue: false }) online: boolean;
  @Field(() => ID, { nullable: true }) placeId?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) venue?: string | null;
  @Field() @MaxLength(HARD_TEXT_LIMIT) topic: string;
  @Field(() => String, { nullable: true, description: "Visible to the cluster's member organisations and ADMIN only." })
  @MaxLength(HARD_TEXT_LIMIT) notes?: string | null;
  @Field(() => [AttendanceInput], { nullable: true, description: "Only for a gathering that has started." })
  @ArrayMaxSize(500) attendance?: AttendanceInput[] | null;
}

@InputType({ description: "Sets the attendance of the organisations listed (others stay as recorded)." })
export class RecordAttendanceInput {
  @Field(() => ID) gatheringId: string;
  @Field(() => [AttendanceInput]) @ArrayMaxSize(500) attendance: AttendanceInput[];
}

@InputType()
export class PostPeerSupportInput {
  @Field(() => ID, { description: "Your organisation (you must be its owner or editor)." }) organisationId: string;
  @Field({ description: "One of the Skill values, e.g. FINANCE, SPACE, MENTORING." }) @MaxLength(100) skill: string;
  @Field() @MaxLength(HARD_TEXT_LIMIT) description: string;
}

@InputType()
export class ClosePeerPostInput {
  @Field(() => ID) postId: string;
}

@InputType()
export class AcceptPeerMatchInput {
  @Field(() => ID, { description: "Your organisation's open need." }) needId: string;
  @Field(() => ID, { description: "Another organisation's open offer in the same skill." }) offerId: string;
}

@InputType()
export class RecordPeerExchangeInput {
  @Field(() => ID) exchangeId: string;
  @Field(() => Int, { description: "Whole hours of help given." }) hoursGiven: number;
  @Field() @MaxLength(HARD_TEXT_LIMIT) outcome: string;
  @Field(() => DateScalar, { nullable: true, description: "Defaults to today (UK)." }) completedOn?: string | null;
}

@ObjectType()
export class GatheringPayload {
  @Field(() => Gathering, { nullable: true }) gathering: Gathering | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class PeerPostPayload {
  @Field(() => PeerPost, { nullable: true }) post: PeerPost | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class PeerExchangePayload {
  @Field(() => PeerExchange, { nullable: true }) exchange: PeerExchange | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
