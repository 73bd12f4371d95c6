// A funding agreement: the award, its split between cash and social repayment, and its lifecycle. Money is in the ledger.
import { Column, Entity, Index } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { VersionedRecord } from "../../../kit/versioned-record";
import { Node } from "../../../graphql/node";
import { DateScalar } from "../../../graphql/scalars";
import { AgreementStatus } from "../funds.enums";

@ObjectType({ implements: Node, description: "A funding agreement between a fund and an organisation." })
@Entity({ name: "agreement" })
@Index("agreement_application_key", ["applicationId"], { unique: true })
@Index("agreement_updated_idx", ["updatedAt", "id"])
@Index("agreement_awarded_idx", ["awardedOn", "id"])
@Index("agreement_fund_idx", ["fundId", "awardedOn", "id"])
@Index("agreement_organisation_idx", ["organisationId", "awardedOn", "id"])
export class Agreement extends VersionedRecord({ version: "Increases with every change, money movements included.", updatedAt: "Changes with every change to the agreement or its money: partners sync on it." }) {
  @Column({ name: "application_id", type: "uuid" })
  applicationId: string;

  @Column({ name: "fund_id", type: "uuid" })
  fundId: string;

  @Index("agreement_round_idx")
  @Column({ name: "round_id", type: "uuid" })
  roundId: string;

  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Column({ name: "amount_pence", type: "bigint" })
  amountPence: number;

  /** The social part is the rest of the amount: never stored, so the two always add up. */
  @Column({ name: "cash_repayable_pence", type: "bigint" })
  cashRepayablePence: number;

  @Field(() => AgreementStatus)
  @Index("agreement_status_idx")
  @Column({ type: "text", default: AgreementStatus.OFFERED })
  status: AgreementStatus;

  @Field(() => DateScalar, { description: "The day the panel made the award." })
  @Column({ name: "awarded_on", type: "date" })
  awardedOn: string;

  @Field(() => Date, { nullable: true, description: "When the organisation accepted the offer; money moves only after." })
  @Column({ name: "accepted_at", type: "timestamptz", nullable: true })
  acceptedAt: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "The day it was repaid, closed or written off." })
  @Column({ name: "ended_on", type: "date", nullable: true })
  endedOn: string | null;
}
