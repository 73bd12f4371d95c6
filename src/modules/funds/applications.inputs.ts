// GraphQL inputs for applications and the panel's views and decisions.
import { Field, ID, InputType, Int } from "type-graphql";
import { MaxLength } from "class-validator";
import { DateScalar, SafeInt } from "../../graphql/scalars";
import { DecisionOutcome, PanelStance } from "./funds.enums";
import { HARD_TEXT_LIMIT } from "./funds.inputs";

@InputType()
export class DraftApplicationInput {
  @Field(() => ID) organisationId: string;
  @Field(() => ID) fundId: string;
  @Field(() => ID, { nullable: true, description: "Defaults, on submission, to the fund's round taking applications." }) roundId?: string | null;
  @Field(() => SafeInt) requestedPence: number;
  @Field() @MaxLength(HARD_TEXT_LIMIT) purpose: string;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) cashRepaymentPlan?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) socialRepaymentPlan?: string | null;
}

@InputType({ description: "Changes a draft. Omitted fields stay as they are." })
export class UpdateApplicationInput {
  @Field(() => ID) applicationId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => ID, { nullable: true }) roundId?: string | null;
  @Field(() => SafeInt, { nullable: true }) requestedPence?: number | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) purpose?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) cashRepaymentPlan?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) socialRepaymentPlan?: string | null;
}

@InputType({
  description: "Submits a new application in one step (organisationId, fundId, requestedPence, purpose, optional roundId and plans), "
    + "or an existing draft as it stands (applicationId and expectedVersion only).",
})
export class SubmitApplicationInput {
  @Field(() => ID, { nullable: true }) applicationId?: string | null;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => ID, { nullable: true }) organisationId?: string | null;
  @Field(() => ID, { nullable: true }) fundId?: string | null;
  @Field(() => ID, { nullable: true }) roundId?: string | null;
  @Field(() => SafeInt, { nullable: true }) requestedPence?: number | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) purpose?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) cashRepaymentPlan?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) socialRepaymentPlan?: string | null;
  @Field() @MaxLength(HARD_TEXT_LIMIT) idempotencyKey: string;
}

@InputType()
export class WithdrawApplicationInput {
  @Field(() => ID) applicationId: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType()
export class RecordPanelViewInput {
  @Field(() => ID) applicationId: string;
  @Field(() => PanelStance) stance: PanelStance;
  @Field() @MaxLength(HARD_TEXT_LIMIT) comment: string;
  @Field(() => String, { nullable: true, description: "Declare a conflict of interest: your view is kept but not counted." })
  @MaxLength(HARD_TEXT_LIMIT) declaredConflict?: string | null;
}

@InputType({ description: "The terms of an offer: 0% interest; the social part is the amount less the cash part." })
export class OfferTermsInput {
  @Field(() => SafeInt) amountPence: number;
  @Field(() => SafeInt) cashRepayablePence: number;
  @Field(() => Int, { description: "Months, holiday included." }) termMonths: number;
  @Field(() => Int) holidayMonths: number;
  @Field(() => DateScalar) startsOn: string;
}

@InputType()
export class DecideApplicationInput {
  @Field(() => ID) applicationId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => DecisionOutcome) outcome: DecisionOutcome;
  @Field() @MaxLength(HARD_TEXT_LIMIT) reasons: string;
  @Field(() => OfferTermsInput, { nullable: true }) offer?: OfferTermsInput | null;
  @Field() @MaxLength(HARD_TEXT_LIMIT) idempotencyKey: string;
}
