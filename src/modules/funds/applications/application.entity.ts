// An application for funding: who asks, for how much, for what, how they will repay, and where it stands.
import { Column, Entity, Index } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { VersionedRecord } from "../../../kit/versioned-record";
import { Node } from "../../../graphql/node";
import { ApplicationStatus } from "../funds.enums";

@ObjectType({ implements: Node, description: "An organisation's application to a fund's round." })
@Entity({ name: "funding_application" })
@Index("funding_application_updated_idx", ["updatedAt", "id"])
@Index("funding_application_round_idx", ["roundId", "status"])
export class FundingApplication extends VersionedRecord({ version: "Send it back as expectedVersion when changing the application." }) {
  @Index("funding_application_fund_idx")
  @Column({ name: "fund_id", type: "uuid" })
  fundId: string;

  @Column({ name: "round_id", type: "uuid", nullable: true })
  roundId: string | null;

  @Index("funding_application_organisation_idx")
  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Column({ name: "requested_pence", type: "bigint" })
  requestedPence: number;

  @Field({ description: "What the money is for." })
  @Column({ type: "text" })
  purpose: string;

  @Field(() => String, { nullable: true, description: "How the organisation means to repay the cash part." })
  @Column({ name: "cash_repayment_plan", type: "text", nullable: true })
  cashRepaymentPlan: string | null;

  @Field(() => String, { nullable: true, description: "The social value the organisation means to repay with." })
  @Column({ name: "social_repayment_plan", type: "text", nullable: true })
  socialRepaymentPlan: string | null;

  @Field(() => ApplicationStatus)
  @Index("funding_application_status_idx")
  @Column({ type: "text", default: ApplicationStatus.DRAFT })
  status: ApplicationStatus;

  @Field(() => Date, { nullable: true })
  @Column({ name: "submitted_at", type: "timestamptz", nullable: true })
  submittedAt: Date | null;

  @Column({ name: "created_by", type: "uuid", nullable: true })
  createdBy: string | null;
}
