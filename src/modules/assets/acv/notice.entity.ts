// The owner's notice of intended disposal of a listed asset, with the moratorium and protected period it starts, the
// community groups' intents to bid, and disposals (exempt ones with their reason).
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "../../../graphql/scalars";
import { AcvExemption } from "../assets.enums";

@ObjectType({ description: "An owner's notice of intended disposal and the clock it starts." })
@Entity({ name: "acv_disposal_notice" })
@Index("acv_disposal_notice_listing_idx", ["listingId", "noticeOn"])
@Index("acv_disposal_notice_moratorium_idx", ["noticeOn", "protectedUntil"])
export class AcvDisposalNotice {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "listing_id", type: "uuid" })
  listingId: string;

  @Field(() => DateScalar, { description: "The day the council received the owner's notice." })
  @Column({ name: "notice_on", type: "date" })
  noticeOn: string;

  @Field(() => DateScalar, { description: "The last day of the interim moratorium: six weeks beginning with noticeOn." })
  @Column({ name: "interim_ends_on", type: "date" })
  interimEndsOn: string;

  @Field(() => DateScalar, { nullable: true, description: "The last day of the full moratorium (six months beginning with noticeOn); null unless a community group registered intent to bid in the interim." })
  @Column({ name: "full_ends_on", type: "date", nullable: true })
  fullEndsOn: string | null;

  @Field(() => DateScalar, { description: "The last day of the protected period: 18 months beginning with noticeOn, in which no new moratorium starts." })
  @Column({ name: "protected_until", type: "date" })
  protectedUntil: string;

  @Column({ name: "recorded_by", type: "uuid", nullable: true })
  recordedBy: string | null;

  @Field()
  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt: Date;
}

@ObjectType({ description: "A community interest group's written request to be treated as a potential bidder." })
@Entity({ name: "acv_intent_to_bid" })
@Index("acv_intent_to_bid_key", ["noticeId", "organisationId"], { unique: true })
export class AcvIntentToBid {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "notice_id", type: "uuid" })
  noticeId: string;

  @Index("acv_intent_to_bid_organisation_idx")
  @Column({ name: "organisation_id", type: "uuid" })
  organisationId: string;

  @Field(() => DateScalar)
  @Column({ name: "requested_on", type: "date" })
  requestedOn: string;

  @Column({ name: "recorded_by", type: "uuid", nullable: true })
  recordedBy: string | null;

  @Field()
  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt: Date;
}

@ObjectType({ description: "A disposal of a listed asset: exempt (with its exemption and reason) or a relevant disposal after the moratorium." })
@Entity({ name: "acv_disposal" })
@Index("acv_disposal_listing_idx", ["listingId", "disposedOn"])
export class AcvDisposal {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "listing_id", type: "uuid" })
  listingId: string;

  @Field(() => DateScalar)
  @Column({ name: "disposed_on", type: "date" })
  disposedOn: string;

  @Field(() => AcvExemption, { nullable: true, description: "Why it is exempt; null for a relevant disposal." })
  @Column({ type: "text", nullable: true })
  exemption: AcvExemption | null;

  @Field()
  @Column({ type: "text" })
  reason: string;

  @Column({ name: "buyer_organisation_id", type: "uuid", nullable: true })
  buyerOrganisationId: string | null;

  @Column({ name: "recorded_by", type: "uuid", nullable: true })
  recordedBy: string | null;

  @Field()
  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt: Date;
}
