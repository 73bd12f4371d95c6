// A community asset transfer case: an asset passing from its owner to a community organisation, stage by stage, on
// agreed terms (tenure, consideration against market value, conditions).
import { Column, Entity, Index } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { EXPECTED_VERSION, VersionedRecord } from "../../../kit/versioned-record";
import { Node } from "../../../graphql/node";
import { DateScalar } from "../../../graphql/scalars";
import { Tenure, TransferStage } from "../assets.enums";

@ObjectType({ implements: Node, description: "A community asset transfer case, from INTEREST to HANDED_OVER (or WITHDRAWN before completion)." })
@Entity({ name: "asset_transfer" })
@Index("asset_transfer_open_key", { synchronize: false })
@Index("asset_transfer_asset_idx", ["assetId", "startedOn", "id"])
@Index("asset_transfer_started_idx", ["startedOn", "id"])
@Index("asset_transfer_updated_idx", ["updatedAt", "id"])
export class AssetTransfer extends VersionedRecord({ version: EXPECTED_VERSION }) {
  @Column({ name: "asset_id", type: "uuid" })
  assetId: string;

  @Field(() => TransferStage)
  @Index("asset_transfer_stage_idx")
  @Column({ type: "text", default: TransferStage.INTEREST })
  stage: TransferStage;

  @Field(() => String, { nullable: true, description: "The public body transferring the asset; null when an organisation is." })
  @Column({ name: "from_public_body", type: "text", nullable: true })
  fromPublicBody: string | null;

  @Index("asset_transfer_from_idx")
  @Column({ name: "from_organisation_id", type: "uuid", nullable: true })
  fromOrganisationId: string | null;

  @Index("asset_transfer_to_idx")
  @Column({ name: "to_organisation_id", type: "uuid" })
  toOrganisationId: string;

  @Field(() => Tenure, { nullable: true, description: "The tenure agreed (or proposed); required to complete." })
  @Column({ type: "text", nullable: true })
  tenure: Tenure | null;

  @Field(() => Int, { nullable: true, description: "The lease term in years (1 to 999), for a LEASE." })
  @Column({ name: "lease_term_years", type: "int", nullable: true })
  leaseTermYears: number | null;

  @Column({ name: "market_value_pence", type: "bigint", nullable: true })
  marketValuePence: number | null;

  @Column({ name: "consideration_pence", type: "bigint", nullable: true })
  considerationPence: number | null;

  @Column({ name: "asset_lock", type: "boolean", default: false })
  assetLock: boolean;

  @Column({ type: "boolean", default: false })
  overage: boolean;

  @Column({ name: "user_clause", type: "text", nullable: true })
  userClause: string | null;

  @Field(() => DateScalar, { description: "The day interest was expressed." })
  @Column({ name: "started_on", type: "date" })
  startedOn: string;

  @Field(() => DateScalar, { nullable: true, description: "The day the transfer completed." })
  @Index("asset_transfer_completed_idx")
  @Column({ name: "completed_on", type: "date", nullable: true })
  completedOn: string | null;
}
