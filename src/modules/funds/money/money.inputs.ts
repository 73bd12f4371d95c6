// GraphQL inputs for money moving for agreements: disburse and repay in cash, claim and review social repayment.
import { Field, InputType } from "type-graphql";
import { DayField, IdField, PenceField, TextField, VersionField } from "../../../graphql/input-fields";

@InputType({ description: "Money moving for an agreement on a given day." })
export class AgreementMoneyInput {
  @IdField("Agreement") agreementId: string;
  @PenceField() amountPence: number;
  @DayField() occurredOn: string;
  @TextField({ nullable: true }) memo?: string | null;
  @TextField() idempotencyKey: string;
}

@InputType()
export class ClaimSocialRepaymentInput {
  @IdField("Agreement") agreementId: string;
  @PenceField({ description: "The agreed value of the social value delivered, in pence." }) valuePence: number;
  @DayField() periodFrom: string;
  @DayField() periodTo: string;
  @TextField() description: string;
  @TextField({ nullable: true }) evidence?: string | null;
  @TextField() idempotencyKey: string;
}

@InputType()
export class ReviewSocialRepaymentInput {
  @IdField("SocialRepaymentClaim") claimId: string;
  @VersionField() expectedVersion: number;
  @Field() accept: boolean;
  @PenceField({ nullable: true, description: "Accept less than claimed; defaults to the claimed value." }) acceptedPence?: number | null;
  @TextField({ nullable: true, description: "Required when rejecting." }) note?: string | null;
  @TextField() idempotencyKey: string;
}
