// The panel's decision on an application: outcome and reasons, and how many views it rested on. Never edited.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../../graphql/scalars";
import { DecisionOutcome } from "../funds.enums";

@ObjectType({ description: "The peer panel's decision, taken together (not a competition) with its reasons." })
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

  @Column({ name: "decided_by", type: "uuid", nullable: true })
  decidedBy: string | null;

  @Field(() => DateScalar)
  @Column({ name: "decided_on", type: "date" })
  decidedOn: string;

  @Field()
  @Column({ name: "decided_at", type: "timestamptz", default: () => "now()" })
  decidedAt: Date;
}
