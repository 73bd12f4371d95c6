// GraphQL inputs for applications (the list's filter, drafting, submitting, withdrawing) and the panel's views and decisions.
import { Field, InputType, Int } from "type-graphql";
import { DayField, IdField, ListField, PenceField, TextField, VersionField } from "../../../graphql/input-fields";
import { ApplicationStatus, DecisionOutcome, PanelStance, PartnerConsent } from "../funds.enums";

@InputType()
export class ApplicationFilter {
  @Field(() => Date, { nullable: true, description: "Changed at or after this time." }) updatedSince?: Date | null;
  @IdField("Fund", { nullable: true }) fund?: string | null;
  @IdField("FundRound", { nullable: true }) round?: string | null;
  @IdField("Organisation", { nullable: true, description: "An organisation's ID: applications it leads or is invited to as a partner." }) organisation?: string | null;
  @ListField(() => ApplicationStatus, { nullable: true, max: 6 }) status?: ApplicationStatus[] | null;
  @IdField("Place", { nullable: true }) place?: string | null;
}

@InputType()
export class DraftApplicationInput {
  @IdField("Organisation") organisationId: string;
  @IdField("Fund") fundId: string;
  @IdField("FundRound", { nullable: true, description: "Defaults, on submission, to the fund's round taking applications." }) roundId?: string | null;
  @PenceField() requestedPence: number;
  @TextField() purpose: string;
  @TextField({ nullable: true }) cashRepaymentPlan?: string | null;
  @TextField({ nullable: true }) socialRepaymentPlan?: string | null;
}

@InputType({ description: "Changes a draft. Omitted fields stay as they are." })
export class UpdateApplicationInput {
  @IdField("FundingApplication") applicationId: string;
  @VersionField() expectedVersion: number;
  @IdField("FundRound", { nullable: true }) roundId?: string | null;
  @PenceField({ nullable: true }) requestedPence?: number | null;
  @TextField({ nullable: true }) purpose?: string | null;
  @TextField({ nullable: true }) cashRepaymentPlan?: string | null;
  @TextField({ nullable: true }) socialRepaymentPlan?: string | null;
}

@InputType({
  description: "Submits a new application in one step (organisationId, fundId, requestedPence, purpose, optional roundId and plans), "
    + "or an existing draft as it stands (applicationId and expectedVersion only).",
})
export class SubmitApplicationInput {
  @IdField("FundingApplication", { nullable: true }) applicationId?: string | null;
  @VersionField({ nullable: true }) expectedVersion?: number | null;
  @IdField("Organisation", { nullable: true }) organisationId?: string | null;
  @IdField("Fund", { nullable: true }) fundId?: string | null;
  @IdField("FundRound", { nullable: true }) roundId?: string | null;
  @PenceField({ nullable: true }) requestedPence?: number | null;
  @TextField({ nullable: true }) purpose?: string | null;
  @TextField({ nullable: true }) cashRepaymentPlan?: string | null;
  @TextField({ nullable: true }) socialRepaymentPlan?: string | null;
  @TextField() idempotencyKey: string;
}

@InputType()
export class WithdrawApplicationInput {
  @IdField("FundingApplication") applicationId: string;
  @VersionField() expectedVersion: number;
}

@InputType({ description: "Invites (or removes) a partner organisation on a draft: the lead's owners and editors." })
export class ApplicationPartnerInput {
  @IdField("FundingApplication") applicationId: string;
  @VersionField() expectedVersion: number;
  @IdField("Organisation") organisationId: string;
}

@InputType({ description: "A partner's answer to a draft it was invited to: its owners and editors, at the version they read." })
export class RespondToApplicationPartnershipInput {
  @IdField("FundingApplication") applicationId: string;
  @VersionField() expectedVersion: number;
  @IdField("Organisation", { description: "The partner organisation you answer for." }) organisationId: string;
  @Field(() => PartnerConsent, { description: "CONSENTED or DECLINED." }) consent: PartnerConsent;
}

@InputType()
export class RecordPanelViewInput {
  @IdField("FundingApplication") applicationId: string;
  @Field(() => PanelStance) stance: PanelStance;
  @TextField() comment: string;
  @TextField({ nullable: true, description: "Declare a conflict of interest: your view is kept but not counted." })
  declaredConflict?: string | null;
}

@InputType({ description: "The terms of an offer: 0% interest; the social part is the amount less the cash part." })
export class OfferTermsInput {
  @PenceField() amountPence: number;
  @PenceField() cashRepayablePence: number;
  @Field(() => Int, { description: "Months, holiday included." }) termMonths: number;
  @Field(() => Int) holidayMonths: number;
  @DayField() startsOn: string;
}

@InputType()
export class DecideApplicationInput {
  @IdField("FundingApplication") applicationId: string;
  @VersionField() expectedVersion: number;
  @Field(() => DecisionOutcome) outcome: DecisionOutcome;
  @TextField() reasons: string;
  @Field(() => OfferTermsInput, { nullable: true }) offer?: OfferTermsInput | null;
  @TextField({
    nullable: true,
    description: "ADMIN only: why this decision departs from the panel (taken without quorum, or against what the counted views carry). "
      + "Kept with the decision, which is then marked as an override.",
  })
  overrideReason?: string | null;
  @TextField() idempotencyKey: string;
}
