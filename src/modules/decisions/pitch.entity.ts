// A pitch to a participatory budget: an organisation asks residents to fund a project from the pot. Its votes and
// whether it was funded are written when the result is declared (null until then).
import { Column, Entity, Index } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { EXPECTED_VERSION, VersionedRecord } from "../../kit/versioned-record";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "An organisation's pitch to a participatory budget." })
@Entity({ name: "decision_pitch" })
@Index("decision_pitch_process_idx", ["processId", "createdAt", "id"])
export class DecisionPitch extends VersionedRecord({ version: EXPECTED_VERSION }) {
  @Column({ name: "process_id", type: "uuid" })
  processId: string;

  @Index("decision_pitch_organisation_idx")
  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Field()
  @Column({ type: "text" })
  title: string;

  @Field()
  @Column({ type: "text" })
  summary: string;

  /** What it asks from the pot (shown as `amount`). */
  @Column({ name: "amount_pence", type: "bigint" })
  amountPence: number;

  @Field(() => Int, { nullable: true, description: "Votes it received; null until the result is declared." })
  @Column({ type: "int", nullable: true })
  votes: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the count funded it; null until the result is declared." })
  @Column({ type: "boolean", nullable: true })
  funded: boolean | null;

  /** The award the funds module made for it (binding budgets that are part of a fund's round). */
  @Column({ name: "agreement_id", type: "uuid", nullable: true })
  agreementId: string | null;
}
