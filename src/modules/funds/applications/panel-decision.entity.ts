// The panel's decision on an application: outcome and reasons, the tally it rested on under the round's rule, and
// any ADMIN override with its reason. Never edited.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../../graphql/scalars";
import { ConflictOfInterest, DecisionOutcome, MajorityRule } from "../funds.enums";

@ObjectType({ description: "The peer panel's decision, taken together (not a competition) with its reasons and tally." })
@Entity({ name: "panel_decision" })
@Index("panel_decision_application_key", ["applicationId"], { unique: true })
export class PanelDecision {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "application_id", type: "uuid" })
  applicationId: string;

  @Field(() => DecisionOutcome)
  @Column({ type: "text" })
  outcome: DecisionOutcome;

  @Field()
  @Column({ type: "text" })
  reasons: string;

  @Field(() => Int, { description: "Views the decision rested on (conflicted ones excluded)." })
  @Column({ name: "views_counted", type: "int" })
  viewsCounted: number;

  @Field(() => Int, { description: "Views excluded for a conflict of interest." })
  @Column({ name: "views_excluded", type: "int" })
  viewsExcluded: number;

  @Column({ name: "votes_for", type: "int", default: 0 })
  votesFor: number;

  @Column({ name: "votes_against", type: "int", default: 0 })
  votesAgainst: number;

  @Column({ type: "int", default: 0 })
  abstentions: number;

  /** The conflict that excluded each excluded view. */
  @Column({ name: "excluded_for", type: "text", array: true, default: () => "'{}'" })
  excludedFor: ConflictOfInterest[];

  @Field(() => Int, { description: "The round's quorum when the decision was taken." })
  @Column({ type: "int", default: 1 })
  quorum: number;

  @Field(() => MajorityRule, { description: "The round's majority rule when the decision was taken." })
  @Column({ name: "majority_rule", type: "text", default: MajorityRule.SIMPLE_MAJORITY })
  majorityRule: MajorityRule;

  @Field(() => String, { nullable: true, description: "Why ADMIN overrode the panel (null when the decision followed the panel)." })
  @Column({ name: "override_reason", type: "text", nullable: true })
  overrideReason: string | null;

  @Column({ name: "decided_by", type: "uuid", nullable: true })
  decidedBy: string | null;

  @Field(() => DateScalar)
  @Column({ name: "decided_on", type: "date" })
  decidedOn: string;

  @Field()
  @Column({ name: "decided_at", type: "timestamptz", default: () => "now()" })
  decidedAt: Date;
}
