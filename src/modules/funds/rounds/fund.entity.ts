// A pay-it-forward fund: its name, status and award limits. Its money lives in the ledger, never in columns here.
import { Column, Entity, Index } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { EXPECTED_VERSION, VersionedRecord } from "../../../kit/versioned-record";
import { Node } from "../../../graphql/node";
import { FundStatus } from "../funds.enums";

@ObjectType({ implements: Node, description: "A pay-it-forward fund: patient, flexible money at 0%, repaid in cash and in social value." })
@Entity({ name: "fund" })
@Index("fund_name_key", { synchronize: false })
@Index("fund_name_idx", { synchronize: false })
export class Fund extends VersionedRecord({ version: EXPECTED_VERSION }) {
  @Field()
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => FundStatus)
  @Column({ type: "text", default: FundStatus.OPEN })
  status: FundStatus;

  @Column({ name: "min_award_pence", type: "bigint", default: 100000 })
  minAwardPence: number;

  @Column({ name: "max_award_pence", type: "bigint", default: 10000000 })
  maxAwardPence: number;
}
