// A declared result: the roll and votes cast, YES and NO on a ballot with whether each threshold was met, the money a
// budget allocated, or what a panel decided in its round, and the outcome. Written once, never changed.
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node";
import { DateScalar } from "../../graphql/scalars";
import { DecisionOutcome } from "./decisions.enums";

@ObjectType({ implements: Node, description: "The declared result of a decision process." })
@Entity({ name: "decision_result" })
@Unique("decision_result_process_key", ["processId"])
export class DecisionResult {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "process_id", type: "uuid" })
  processId: string;

  @Field(() => DecisionOutcome)
  @Column({ type: "text" })
  outcome: DecisionOutcome;

  @Field(() => Int, { description: "Residents on the roll (registered in the area) when the result was declared." })
  @Column({ type: "int" })
  electorate: number;

  @Field(() => Int)
  @Column({ name: "votes_cast", type: "int" })
  votesCast: number;

  @Field(() => Int, { nullable: true, description: "Ballots: YES votes." })
  @Column({ name: "yes_votes", type: "int", nullable: true })
  yesVotes: number | null;

  @Field(() => Int, { nullable: true, description: "Ballots: NO votes." })
  @Column({ name: "no_votes", type: "int", nullable: true })
  noVotes: number | null;

  @Field(() => Boolean, { nullable: true, description: "Ballots: whether turnout reached the minimum." })
  @Column({ name: "turnout_met", type: "boolean", nullable: true })
  turnoutMet: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Ballots: whether the YES share reached the approval threshold." })
  @Column({ name: "approval_met", type: "boolean", nullable: true })
  approvalMet: boolean | null;

  /** Budgets: the pot given to funded pitches (shown as `allocated`). */
  @Column({ name: "allocated_pence", type: "bigint", nullable: true })
  allocatedPence: number | null;

  @Field(() => Int, { nullable: true, description: "Panels: applications in the round offered funding when declared." })
  @Column({ name: "applications_offered", type: "int", nullable: true })
  applicationsOffered: number | null;

  @Field(() => Int, { nullable: true, description: "Panels: applications declined." })
  @Column({ name: "applications_declined", type: "int", nullable: true })
  applicationsDeclined: number | null;

  @Field(() => Int, { nullable: true, description: "Panels: applications still undecided." })
  @Column({ name: "applications_undecided", type: "int", nullable: true })
  applicationsUndecided: number | null;

  /** Panels: the sum of the offers (shown as `offered`). */
  @Column({ name: "offered_pence", type: "bigint", nullable: true })
  offeredPence: number | null;

  @Field(() => DateScalar)
  @Index("decision_result_declared_idx")
  @Column({ name: "declared_on", type: "date" })
  declaredOn: string;

  @Field()
  @Column({ name: "declared_at", type: "timestamptz", default: () => "now()" })
  declaredAt: Date;

  @Column({ name: "declared_by", type: "uuid", nullable: true })
  declaredBy: string | null;
}
