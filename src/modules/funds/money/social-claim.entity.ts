// A claim to repay part of an agreement in social value: what was done, its agreed value, and the review.
import { Column, Entity, Index } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { VersionedRecord } from "../../../kit/versioned-record";
import { Node } from "../../../graphql/node";
import { DateScalar } from "../../../graphql/scalars";
import { ClaimStatus } from "../funds.enums";

@ObjectType({ implements: Node, description: "A social repayment claim: social value delivered in a period, reviewed before it counts." })
@Entity({ name: "social_repayment_claim" })
@Index("social_repayment_claim_group_key", ["ledgerGroupId"], { unique: true })
@Index("social_repayment_claim_agreement_idx", ["agreementId", "createdAt"])
export class SocialRepaymentClaim extends VersionedRecord() {
  @Column({ name: "agreement_id", type: "uuid" })
  agreementId: string;

  @Field(() => DateScalar)
  @Column({ name: "period_from", type: "date" })
  periodFrom: string;

  @Field(() => DateScalar)
  @Column({ name: "period_to", type: "date" })
  periodTo: string;

  @Column({ name: "value_pence", type: "bigint" })
  valuePence: number;

  /** The value of the measurements cited, costed from the catalogue; null when the claim cites none. */
  @Column({ name: "costed_pence", type: "bigint", nullable: true })
  costedPence: number | null;

  @Field(() => String, { nullable: true, description: "Why the claim's value was agreed rather than costed from the measurements it cites." })
  @Column({ name: "value_reason", type: "text", nullable: true })
  valueReason: string | null;

  @Field({ description: "The social value delivered." })
  @Column({ type: "text" })
  description: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  evidence: string | null;

  @Field(() => ClaimStatus)
  @Column({ type: "text", default: ClaimStatus.CLAIMED })
  status: ClaimStatus;

  @Column({ name: "claimed_by", type: "uuid", nullable: true })
  claimedBy: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: "review_note", type: "text", nullable: true })
  reviewNote: string | null;

  @Column({ name: "reviewed_by", type: "uuid", nullable: true })
  reviewedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: "reviewed_at", type: "timestamptz", nullable: true })
  reviewedAt: Date | null;

  /** The ledger group that credited the agreement when the claim was accepted. */
  @Column({ name: "ledger_group_id", type: "uuid", nullable: true })
  ledgerGroupId: string | null;
}
