// GraphQL inputs for agreements and their money: accept, disburse, repay, claim and review, reschedule, close, write off.
import { Field, ID, InputType, Int } from "type-graphql";
import { TextField, IdField } from "../../../graphql/input-fields";
import { DateScalar, SafeInt } from "../../../graphql/scalars";

@InputType()
export class AcceptOfferInput {
  @IdField("Agreement") agreementId: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType({ description: "Money moving for an agreement on a given day." })
export class AgreementMoneyInput {
  @IdField("Agreement") agreementId: string;
  @Field(() => SafeInt) amountPence: number;
  @Field(() => DateScalar) occurredOn: string;
  @TextField({ nullable: true }) memo?: string | null;
  @TextField() idempotencyKey: string;
}

@InputType()
export class ClaimSocialRepaymentInput {
  @IdField("Agreement") agreementId: string;
  @Field(() => SafeInt, { description: "The agreed value of the social value delivered, in pence." }) valuePence: number;
  @Field(() => DateScalar) periodFrom: string;
  @Field(() => DateScalar) periodTo: string;
  @TextField() description: string;
  @TextField({ nullable: true }) evidence?: string | null;
  @TextField() idempotencyKey: string;
}

@InputType()
export class ReviewSocialRepaymentInput {
  @IdField("SocialRepaymentClaim") claimId: string;
  @Field(() => Int) expectedVersion: number;
  @Field() accept: boolean;
  @Field(() => SafeInt, { nullable: true, description: "Accept less than claimed; defaults to the claimed value." }) acceptedPence?: number | null;
  @TextField({ nullable: true, description: "Required when rejecting." }) note?: string | null;
  @TextField() idempotencyKey: string;
}

@InputType()
export class RescheduleAgreementInput {
  @IdField("Agreement") agreementId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => DateScalar) startsOn: string;
  @Field(() => Int) termMonths: number;
  @Field(() => Int) holidayMonths: number;
  @TextField() reason: string;
}

@InputType()
export class CloseAgreementInput {
  @IdField("Agreement") agreementId: string;
  @Field(() => Int) expectedVersion: number;
  @TextField() reason: string;
}

@InputType()
export class WriteOffAgreementInput {
  @IdField("Agreement") agreementId: string;
  @Field(() => Int) expectedVersion: number;
  @TextField() reason: string;
  @TextField() idempotencyKey: string;
}
