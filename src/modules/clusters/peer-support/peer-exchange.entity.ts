// A peer-support exchange: an accepted match between a need and an offer, and, once done, the hours and outcome.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../../../graphql/node";
import { DateScalar } from "../../../graphql/scalars";
import { PeerExchangeStatus } from "../cluster.enums";

@ObjectType({ implements: Node, description: "Help given by one organisation to another, from an accepted match." })
@Entity({ name: "peer_exchange" })
@Index("peer_exchange_match_key", ["needId", "offerId"], { unique: true })
@Index("peer_exchange_giver_idx", ["giverId", "completedOn"])
@Index("peer_exchange_receiver_idx", ["receiverId", "completedOn"])
@Index("peer_exchange_offer_idx", ["offerId"])
export class PeerExchange {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "need_id", type: "uuid" })
  needId: string;

  @Column({ name: "offer_id", type: "uuid" })
  offerId: string;

  /** The organisation that made the offer and gives the help. */
  @Column({ name: "giver_id", type: "uuid" })
  giverId: string;

  /** The organisation whose need it meets. */
  @Column({ name: "receiver_id", type: "uuid" })
  receiverId: string;

  @Field(() => PeerExchangeStatus)
  @Column({ type: "text", default: PeerExchangeStatus.AGREED })
  status: PeerExchangeStatus;

  @Field(() => DateScalar)
  @Column({ name: "agreed_on", type: "date" })
  agreedOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "completed_on", type: "date", nullable: true })
  completedOn: string | null;

  @Field(() => Int, { nullable: true, description: "Whole hours of help given." })
  @Column({ name: "hours_given", type: "int", nullable: true })
  hoursGiven: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  outcome: string | null;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
