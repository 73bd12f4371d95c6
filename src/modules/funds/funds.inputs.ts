// GraphQL inputs for funds, contributions and rounds. Hard size limits stop abuse; the services turn rule breaks into userErrors.
import { Field, ID, InputType, Int } from "type-graphql";
import { MaxLength } from "class-validator";
import { DateScalar, SafeInt } from "../../graphql/scalars";
import { FundStatus } from "./funds.enums";

/** Far above any real value: longer input is abuse and is refused before any rule runs. */
export const HARD_TEXT_LIMIT = 20000;

@InputType()
export class CreateFundInput {
  @Field() @MaxLength(HARD_TEXT_LIMIT) name: string;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) description?: string | null;
  @Field(() => SafeInt, { nullable: true, description: "Smallest award in pence (default 100000, £1,000)." }) minAwardPence?: number | null;
  @Field(() => SafeInt, { nullable: true, description: "Largest award in pence (default 10000000, £100,000)." }) maxAwardPence?: number | null;
}

@InputType({ description: "Omitted fields stay as they are." })
export class UpdateFundInput {
  @Field(() => ID) fundId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) name?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) description?: string | null;
  @Field(() => FundStatus, { nullable: true }) status?: FundStatus | null;
  @Field(() => SafeInt, { nullable: true }) minAwardPence?: number | null;
  @Field(() => SafeInt, { nullable: true }) maxAwardPence?: number | null;
}

@InputType()
export class AddContributionInput {
  @Field(() => ID) fundId: string;
  @Field({ description: "Who contributed, e.g. Liverpool City Region Combined Authority." }) @MaxLength(HARD_TEXT_LIMIT) contributor: string;
  @Field(() => SafeInt) amountPence: number;
  @Field(() => DateScalar) receivedOn: string;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) restriction?: string | null;
  @Field({ description: "Replays with the same key return the first result; other input under it is refused." })
  @MaxLength(HARD_TEXT_LIMIT) idempotencyKey: string;
}

@InputType()
export class OpenRoundInput {
  @Field(() => ID) fundId: string;
  @Field() @MaxLength(HARD_TEXT_LIMIT) name: string;
  @Field(() => DateScalar) opensOn: string;
  @Field(() => DateScalar) closesOn: string;
  @Field(() => ID, { description: "The peer panel that decides the round's applications." }) panelId: string;
}

@InputType()
export class CloseRoundInput {
  @Field(() => ID) roundId: string;
  @Field(() => Int) expectedVersion: number;
}
