// A round (cohort) of a fund: when it takes applications and which peer panel decides them.
import { Column, Entity, Index } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { VersionedRecord } from "../../../kit/versioned-record";
import { Node } from "../../../graphql/node";
import { DateScalar } from "../../../graphql/scalars";
import { MajorityRule, RoundStatus } from "../funds.enums";

@ObjectType({ implements: Node, description: "A round of a fund: applications made in it are decided together by its peer panel." })
@Entity({ name: "fund_round" })
@Index("fund_round_name_key", { synchronize: false })
@Index("fund_round_fund_idx", ["fundId", "opensOn", "id"])
export class FundRound extends VersionedRecord() {
  @Column({ name: "fund_id", type: "uuid" })
  fundId: string;

  @Field()
  @Column({ type: "text" })
  name: string;

  @Field(() => DateScalar)
  @Column({ name: "opens_on", type: "date" })
  opensOn: string;

  @Field(() => DateScalar)
  @Column({ name: "closes_on", type: "date" })
  closesOn: string;

  @Index("fund_round_panel_idx")
  @Column({ name: "panel_id", type: "uuid" })
  panelId: string;

  @Field(() => Int, { description: "Counted views (conflicts excluded, abstentions included) a decision needs; set when the round opens." })
  @Column({ type: "int", default: 3 })
  quorum: number;

  @Field(() => MajorityRule, { description: "What an offer needs of the counted views; set when the round opens." })
  @Column({ name: "majority_rule", type: "text", default: MajorityRule.SIMPLE_MAJORITY })
  majorityRule: MajorityRule;

  @Field(() => RoundStatus)
  @Column({ type: "text", default: RoundStatus.OPEN })
  status: RoundStatus;
}
