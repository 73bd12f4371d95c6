// A decision process: a participatory budget, a resident ballot on a proposal, or a fund round's panel decision, with
// the area it serves, who delegated the power and to whom it answers, whether its outcome binds, and its rules.
import { Column, Entity, Index } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { EXPECTED_VERSION, VersionedRecord } from "../../kit/versioned-record";
import { Node } from "../../graphql/node";
import { DecisionEffect, DecisionProcessKind, DecisionProcessStatus } from "./decisions.enums";

@ObjectType({ implements: Node, description: "A community decision: a participatory budget, a resident ballot or a panel decision, recorded, counted and auditable." })
@Entity({ name: "decision_process" })
@Index("decision_process_opens_idx", ["opensAt", "id"])
export class DecisionProcess extends VersionedRecord({ version: EXPECTED_VERSION }) {
  @Field(() => DecisionProcessKind)
  @Index("decision_process_kind_idx")
  @Column({ type: "text" })
  kind: DecisionProcessKind;

  @Field(() => DecisionProcessStatus)
  @Index("decision_process_status_idx")
  @Column({ type: "text", default: DecisionProcessStatus.DRAFT })
  status: DecisionProcessStatus;

  @Field(() => DecisionEffect, { description: "BINDING outcomes are acted on as decided; ADVISORY ones inform whoever holds the power." })
  @Column({ type: "text" })
  effect: DecisionEffect;

  @Field()
  @Column({ type: "text" })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Index("decision_process_organiser_idx")
  @Column({ name: "organiser_organisation_id", type: "uuid" })
  organiserOrganisationId: string;

  @Index("decision_process_area_idx")
  @Column({ name: "area_place_id", type: "uuid" })
  areaPlaceId: string;

  @Field({ description: "Who delegated the power to decide (e.g. a council's cabinet, a fund's board)." })
  @Column({ name: "delegated_by", type: "text" })
  delegatedBy: string;

  @Field({ description: "To whom the process answers for its decision." })
  @Column({ name: "answers_to", type: "text" })
  answersTo: string;

  @Field({ description: "Voting opens at this time (UTC)." })
  @Column({ name: "opens_at", type: "timestamptz" })
  opensAt: Date;

  @Field({ description: "Voting closes at this time (UTC); the result is declared after it." })
  @Column({ name: "closes_at", type: "timestamptz" })
  closesAt: Date;

  /** Participatory budgets: the pot (shown as `pot`). */
  @Column({ name: "pot_pence", type: "bigint", nullable: true })
  potPence: number | null;

  @Field(() => Int, { nullable: true, description: "Participatory budgets: how many pitches each voter may vote for." })
  @Column({ name: "votes_per_voter", type: "int", nullable: true })
  votesPerVoter: number | null;

  @Index("decision_process_round_idx")
  @Column({ name: "fund_round_id", type: "uuid", nullable: true })
  fundRoundId: string | null;

  @Index("decision_process_transfer_idx")
  @Column({ name: "transfer_id", type: "uuid", nullable: true })
  transferId: string | null;

  @Index("decision_process_scheme_idx")
  @Column({ name: "housing_scheme_id", type: "uuid", nullable: true })
  housingSchemeId: string | null;

  @Field(() => String, { nullable: true, description: "Ballots: the question residents answer yes or no." })
  @Column({ type: "text", nullable: true })
  question: string | null;

  @Field(() => Int, { nullable: true, description: "Ballots: the share of the roll that must vote, in percent, fixed before opening." })
  @Column({ name: "min_turnout_percent", type: "int", nullable: true })
  minTurnoutPercent: number | null;

  @Field(() => Int, { nullable: true, description: "Ballots: the share of votes cast that must be YES, in percent, fixed before opening." })
  @Column({ name: "approval_percent", type: "int", nullable: true })
  approvalPercent: number | null;
}
