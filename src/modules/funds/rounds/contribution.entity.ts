// Who contributed to a fund and on what terms; the amount and day are its ledger group's (same id).
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../../graphql/node";

@ObjectType({ implements: Node, description: "Money contributed to a fund, e.g. by a combined authority or a national funder." })
@Entity({ name: "fund_contribution" })
export class Contribution {
  /** The id of the ledger group that recorded it. */
  @PrimaryColumn({ type: "uuid" })
  id: string;

  @Field({ description: "Who contributed, e.g. Liverpool City Region Combined Authority." })
  @Column({ type: "text" })
  contributor: string;

  @Field(() => String, { nullable: true, description: "Any restriction the contributor set on its use." })
  @Column({ type: "text", nullable: true })
  restriction: string | null;
}
