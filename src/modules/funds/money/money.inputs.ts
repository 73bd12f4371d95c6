// GraphQL inputs for money moving for agreements: disburse and repay in cash, claim and review social repayment.
import { Field, InputType, Int } from "type-graphql";
import { IdField, TextField } from "../../../graphql/input-fields";
import { DateScalar, SafeInt } from "../../../graphql/scalars";

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
