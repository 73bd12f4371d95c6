// An organisation in the register: identity, legal form, places, causes, governance, lifecycle, STO status.
import { Column, Entity, Index } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node";
import { DateScalar } from "../../graphql/scalars";
import { EXPECTED_VERSION, VersionedRecord } from "../../kit/versioned-record";
import { Cause, LegalForm, LifecycleStage, StoStatus, SurplusDestination } from "./organisation.enums";

@ObjectType({ implements: Node, description: "An organisation in the network's register (an STO or one being assessed)." })
@Entity({ name: "organisation" })
@Index("organisation_name_idx", { synchronize: false })
@Index("organisation_created_idx", { synchronize: false })
@Index("organisation_updated_idx", { synchronize: false })
@Index("organisation_search_idx", { synchronize: false })
@Index("organisation_name_trgm_idx", { synchronize: false })
export class Organisation extends VersionedRecord({ version: EXPECTED_VERSION }) {
  @Field()
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => LegalForm)
  @Index("organisation_legal_form_idx")
  @Column({ name: "legal_form", type: "text" })
  legalForm: LegalForm;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "founded_on", type: "date", nullable: true })
  foundedOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  website: string | null;

  @Index("organisation_registered_place_idx")
  @Column({ name: "registered_place_id", type: "uuid", nullable: true })
  registeredPlaceId: string | null;

  @Field(() => [Cause])
  @Index("organisation_causes_idx", { synchronize: false })
  @Column({ type: "text", array: true, default: () => "'{}'" })
  causes: Cause[];

  /** A lock declared in the rules of a form without a statutory one; `assetLocked` combines both. */
  @Field({ description: "Declared in the organisation's rules (CICs and charities are locked by law regardless)." })
  @Column({ name: "asset_lock_declared", type: "boolean", default: false })
  assetLockDeclared: boolean;

  @Column({ name: "board_size", type: "int", nullable: true })
  boardSize: number | null;

  @Column({ name: "community_board_members", type: "int", nullable: true })
  communityBoardMembers: number | null;

  @Column({ name: "membership_size", type: "int", nullable: true })
  membershipSize: number | null;

  @Field(() => Int, { nullable: true, description: "Share of income from trading, in whole percent (0-100)." })
  @Column({ name: "trading_income_percent", type: "int", nullable: true })
  tradingIncomePercent: number | null;

  @Field(() => SurplusDestination, { nullable: true, description: "Where surplus goes, relative to the places served; null when not recorded." })
  @Column({ name: "surplus_destination", type: "text", nullable: true })
  surplusDestination: SurplusDestination | null;

  @Field(() => LifecycleStage)
  @Index("organisation_lifecycle_idx")
  @Column({ name: "lifecycle_stage", type: "text" })
  lifecycleStage: LifecycleStage;

  @Field(() => StoStatus, { description: "Follows the latest eligibility assessment." })
  @Index("organisation_sto_status_idx")
  @Column({ name: "sto_status", type: "text", default: StoStatus.UNASSESSED })
  stoStatus: StoStatus;

  @Field(() => Date, { nullable: true })
  @Column({ name: "archived_at", type: "timestamptz", nullable: true })
  archivedAt: Date | null;

  /** Name (weight A) and description (B) as a tsvector, kept by a database trigger; never read or written here. */
  @Column({ name: "search_document", type: "tsvector", nullable: true, select: false, insert: false, update: false })
  searchDocument?: string;
}
