// One version of the network's STO eligibility thresholds: the figures, from when they apply, who set them and why.
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "A version of the network's STO eligibility thresholds. Versions are never changed; a new one replaces the last from its validFrom." })
@Entity({ name: "eligibility_thresholds" })
export class EligibilityThresholds {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => Int, { description: "1, 2, 3...: the order they were set in." })
  @Index("eligibility_thresholds_version_key", { unique: true })
  @Column({ type: "int" })
  version: number;

  @Field(() => Int, { description: "Least share of income from trading, in whole percent, for 'trades for a social purpose'." })
  @Column({ name: "min_trading_income_percent", type: "int" })
  minTradingIncomePercent: number;

  @Field(() => Int, { description: "Least share of the board who are community members, in whole percent, for 'community-led'." })
  @Column({ name: "min_community_board_percent", type: "int" })
  minCommunityBoardPercent: number;

  @Field({ description: "Whether 'keeps surplus in the region' needs an asset lock (by law or in the rules)." })
  @Column({ name: "asset_lock_required", type: "boolean" })
  assetLockRequired: boolean;

  @Field({ description: "Assessments recorded from this time use this version (until a later one applies)." })
  @Index("eligibility_thresholds_valid_from_idx")
  @Column({ name: "valid_from", type: "timestamptz" })
  validFrom: Date;

  @Column({ name: "set_by", type: "uuid", nullable: true })
  setBy: string | null;

  @Field({ description: "Why the network set these figures." })
  @Column({ type: "text" })
  reason: string;

  @Field()
  @Column({ name: "set_at", type: "timestamptz", default: () => "now()" })
  setAt: Date;
}
