// GraphQL inputs of peer support: offers and needs, matches and exchanges. Hard size limits here; rules live in the services.
import { Field, InputType, Int } from "type-graphql";
import { DayField, IdField, TextField } from "../../../graphql/input-fields";

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
  @DayField({ nullable: true, description: "Defaults to today (UK)." }) completedOn?: string | null;
}
