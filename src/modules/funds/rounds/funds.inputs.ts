// GraphQL inputs for funds, contributions and rounds. Hard size limits stop abuse; the services turn rule breaks into userErrors.
import { Field, InputType, Int } from "type-graphql";
import { DayField, IdField, PenceField, TextField, VersionField } from "../../../graphql/input-fields";
import { FundStatus, MajorityRule } from "../funds.enums";

@InputType()
export class CreateFundInput {
  @TextField() name: string;
  @TextField({ nullable: true }) description?: string | null;
  @PenceField({ nullable: true, description: "Smallest award in pence (default 100000, £1,000)." }) minAwardPence?: number | null;
  @PenceField({ nullable: true, description: "Largest award in pence (default 10000000, £100,000)." }) maxAwardPence?: number | null;
}

@InputType({ description: "Omitted fields stay as they are." })
export class UpdateFundInput {
  @IdField("Fund") fundId: string;
  @VersionField() expectedVersion: number;
  @TextField({ nullable: true }) name?: string | null;
  @TextField({ nullable: true }) description?: string | null;
  @Field(() => FundStatus, { nullable: true }) status?: FundStatus | null;
  @PenceField({ nullable: true }) minAwardPence?: number | null;
  @PenceField({ nullable: true }) maxAwardPence?: number | null;
}

@InputType()
export class AddContributionInput {
  @IdField("Fund") fundId: string;
  @TextField({ description: "Who contributed, e.g. Liverpool City Region Combined Authority." }) contributor: string;
  @PenceField() amountPence: number;
  @DayField() receivedOn: string;
  @TextField({ nullable: true }) restriction?: string | null;
  @TextField({ description: "Replays with the same key return the first result; other input under it is refused." })
  idempotencyKey: string;
}

@InputType()
export class OpenRoundInput {
  @IdField("Fund") fundId: string;
  @TextField() name: string;
  @DayField() opensOn: string;
  @DayField() closesOn: string;
  @IdField("PeerPanel", { description: "The peer panel that decides the round's applications." }) panelId: string;
  @Field(() => Int, { nullable: true, description: "Counted views a decision needs (default 3); fixed once the round opens." })
  quorum?: number | null;
  @Field(() => MajorityRule, { nullable: true, description: "What an offer needs of the counted views (default SIMPLE_MAJORITY); fixed once the round opens." })
  majorityRule?: MajorityRule | null;
}

@InputType()
export class CloseRoundInput {
  @IdField("FundRound") roundId: string;
  @VersionField() expectedVersion: number;
}
