// GraphQL inputs for agreements and their money: accept, disburse, repay, claim and review, reschedule, close, write off.
import { Field, ID, InputType, Int } from "type-graphql";
import { MaxLength } from "class-validator";
import { DateScalar, SafeInt } from "../../graphql/scalars";
import { HARD_TEXT_LIMIT } from "./funds.inputs";

@InputType()
export class AcceptOfferInput {
  @Field(() => ID) agreementId: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType({ description: "Money moving for an agreement on a given day." })
export class AgreementMoneyInput {
  @Field(() => ID) agreementId: string;
  @Field(() => SafeInt) amountPence: number;
  @Field(() => DateScalar) occurredOn: string;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) memo?: string | null;
  @Field() @MaxLength(HARD_TEXT_LIMIT) idempotencyKey: string;
}

@InputType()
export class ClaimSocialRepaymentInput {
  @Field(() => ID) agreementId: string;
  @Field(() => SafeInt, { description: "The agreed value of the social value delivered, in pence." }) valuePence: number;
  @Field(() => DateScalar) periodFrom: string;
  @Field(() => DateScalar) periodTo: string;
  @Field() @MaxLength(HARD_TEXT_LIMIT) description: string;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) evidence?: string | null;
  @Field() @MaxLength(HARD_TEXT_LIMIT) idempotencyKey: string;
}

@InputType()
export class ReviewSocialRepaymentInput {
  @Field(() => ID) claimId: string;
  @Field(() => Int) expectedVersion: number;
  @Field() accept: boolean;
  @Field(() => SafeInt, { nullable: true, description: "Accept less than claimed; defaults to the claimed value." }) acceptedPence?: number | null;
  @Field(() => String, { nullable: true, description: "Required when rejecting." }) @MaxLength(HARD_TEXT_LIMIT) note?: string | null;
  @Field() @MaxLength(HARD_TEXT_LIMIT) idempotencyKey: string;
}

@InputType()
export class RescheduleAgreementInput {
  @Field(() => ID) agreementId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => DateScalar) startsOn: string;
  @Field(() => Int) termMonths: number;
  @Field(() => Int) holidayMonths: number;
  @Field() @MaxLength(HARD_TEXT_LIMIT) reason: string;
}

@InputType()
export class CloseAgreementInput {
  @Field(() => ID) agreementId: string;
  @Field(() => Int) expectedVersion: number;
  @Field() @MaxLength(HARD_TEXT_LIMIT) reason: string;
}

@InputType()
export class WriteOffAgreementInput {
  @Field(() => ID) agreementId: string;
  @Field(() => Int) expectedVersion: number;
  @Field() @MaxLength(HARD_TEXT_LIMIT) reason: string;
  @Field() @MaxLength(HARD_TEXT_LIMIT) idempotencyKey: string;
}
