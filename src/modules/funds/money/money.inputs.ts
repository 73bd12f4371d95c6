// GraphQL inputs for money moving for agreements: disburse and repay in cash, claim and review social repayment.
import { Field, InputType } from "type-graphql";
import { DayField, IdField, IdListField, PenceField, TextField, VersionField } from "../../../graphql/input-fields";

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
  @PenceField({ nullable: true, description: "An agreed value in pence, given with valueReason; leave it out to cost the claim from the measurements it cites." }) valuePence?: number | null;
  @IdListField("ImpactMeasurement", { max: 100, nullable: true, description: "Verified measurements of the organisation, with period ends inside the claim's period: each is worth quantity × the proxy value in force at its period's end." }) measurementIds?: string[] | null;
  @TextField({ max: 2000, nullable: true, description: "Why the value is agreed rather than costed from the catalogue (required with valuePence)." }) valueReason?: string | null;
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
