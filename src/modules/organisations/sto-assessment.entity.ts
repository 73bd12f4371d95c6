// One STO eligibility assessment: the answers to the network's five tests, outcome, reasons, who and when.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node";
import { StoStatus } from "./organisation.enums";
import type { AssessmentEvidence } from "./eligibility-evidence";

@ObjectType({ implements: Node, description: "An STO eligibility assessment. The latest one sets the organisation's stoStatus." })
@Entity({ name: "sto_assessment" })
@Index("sto_assessment_org_idx", ["organisationId", "assessedAt"])
@Index("sto_assessment_thresholds_idx", ["thresholdsId"])
export class StoAssessment {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Field({ description: "Trades (sells goods or services) for a social purpose." })
  @Column({ name: "trades_for_social_purpose", type: "boolean" })
  tradesForSocialPurpose: boolean;

  @Field({ description: "Community-led or accountable to its community." })
  @Column({ name: "community_led", type: "boolean" })
  communityLed: boolean;

  @Field({ description: "Keeps its surplus in the region." })
  @Column({ name: "keeps_surplus_in_region", type: "boolean" })
  keepsSurplusInRegion: boolean;

  @Field({ description: "Is not a grant-only charity." })
  @Column({ name: "not_grant_only_charity", type: "boolean" })
  notGrantOnlyCharity: boolean;

  @Field({ description: "Is not a business that exports profit from the locality it serves." })
  @Column({ name: "does_not_export_profit", type: "boolean" })
  doesNotExportProfit: boolean;

  @Field(() => StoStatus, { description: "ELIGIBLE when every test is met, otherwise NOT_ELIGIBLE." })
  @Column({ type: "text" })
  outcome: StoStatus;

  @Field({ description: "The assessor's reasons." })
  @Column({ type: "text" })
  reasons: string;

  @Field(() => String, { nullable: true, description: "Why the assessor found the organisation ELIGIBLE although the register contradicts a test (see tests)." })
  @Column({ name: "override_reason", type: "text", nullable: true })
  overrideReason: string | null;

  /** The thresholds version in force when it was recorded (null: recorded before thresholds were settings). */
  @Column({ name: "thresholds_id", type: "uuid", nullable: true })
  thresholdsId: string | null;

  /** What the register held for each test when it was recorded (null: recorded before evidence was kept). */
  @Column({ type: "jsonb", nullable: true })
  evidence: AssessmentEvidence | null;

  @Column({ name: "assessed_by", type: "uuid", nullable: true })
  assessedBy: string | null;

  @Field()
  @Column({ name: "assessed_at", type: "timestamptz", default: () => "now()" })
  assessedAt: Date;
}
