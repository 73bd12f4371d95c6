// A community asset in the register: land or a building, where it is, who owns it, and on what terms the community holds it.
import { Column, Entity, Index } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { EXPECTED_VERSION, VersionedRecord } from "../../../kit/versioned-record";
import { Node } from "../../../graphql/node";
import { DateScalar } from "../../../graphql/scalars";
import { AssetKind, AssetOwnerKind, Tenure } from "../assets.enums";

@ObjectType({ implements: Node, description: "Land or a building in the asset register, and whether (and how) the community holds it." })
@Entity({ name: "asset" })
@Index("asset_name_idx", { synchronize: false })
@Index("asset_uprn_key", { synchronize: false })
@Index("asset_updated_idx", ["updatedAt", "id"])
export class Asset extends VersionedRecord({ version: EXPECTED_VERSION }) {
  @Field()
  @Column({ type: "text" })
  name: string;

  @Field(() => AssetKind)
  @Index("asset_kind_idx")
  @Column({ type: "text" })
  kind: AssetKind;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true, description: "Upper case with one space, e.g. L8 1XY." })
  @Column({ type: "text", nullable: true })
  postcode: string | null;

  @Index("asset_place_idx")
  @Column({ name: "place_id", type: "uuid" })
  placeId: string;

  @Field(() => String, { nullable: true, description: "Unique Property Reference Number (up to 12 digits)." })
  @Column({ type: "text", nullable: true })
  uprn: string | null;

  @Field(() => String, { nullable: true, description: "HM Land Registry title number, e.g. MS123456." })
  @Column({ name: "title_number", type: "text", nullable: true })
  titleNumber: string | null;

  @Field(() => AssetOwnerKind)
  @Column({ name: "owner_kind", type: "text" })
  ownerKind: AssetOwnerKind;

  @Field(() => String, { nullable: true, description: "The public body that owns it (e.g. Liverpool City Council); null when an organisation does." })
  @Column({ name: "public_body_owner", type: "text", nullable: true })
  publicBodyOwner: string | null;

  @Index("asset_owner_organisation_idx")
  @Column({ name: "owner_organisation_id", type: "uuid", nullable: true })
  ownerOrganisationId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: "condition_notes", type: "text", nullable: true })
  conditionNotes: string | null;

  @Field(() => Int, { nullable: true, description: "Floor area in square metres." })
  @Column({ name: "floor_area_sqm", type: "int", nullable: true })
  floorAreaSqm: number | null;

  /** Set by the latest completed transfer, with tenure, lease term and transferredOn. */
  @Index("asset_holder_idx")
  @Column({ name: "community_holder_id", type: "uuid", nullable: true })
  communityHolderId: string | null;

  @Field(() => Tenure, { nullable: true, description: "How the community holds it, from the latest completed transfer; null while it is not in community hands." })
  @Index("asset_tenure_idx")
  @Column({ type: "text", nullable: true })
  tenure: Tenure | null;

  @Field(() => Int, { nullable: true, description: "The term of the community's lease, in years." })
  @Column({ name: "lease_term_years", type: "int", nullable: true })
  leaseTermYears: number | null;

  @Field(() => DateScalar, { nullable: true, description: "The day the latest completed transfer completed." })
  @Index("asset_transferred_idx")
  @Column({ name: "transferred_on", type: "date", nullable: true })
  transferredOn: string | null;
}
