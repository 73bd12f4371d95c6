// GraphQL inputs of community asset transfers: starting a case, its terms, stage moves, and the list's filter and order.
import { Field, InputType, Int, registerEnumType } from "type-graphql";
import { DayField, IdField, IdListField, ListField, PenceField, TextField, VersionField } from "../../../graphql/input-fields";
import { OrderDirection } from "../../../graphql/connection";
import { Tenure, TransferStage } from "../assets.enums";

// Never an argument's type, so never printed: it only lends its fields to the two inputs that extend it.
@InputType("TransferTermsFields")
abstract class TransferTermsFields {
  @Field(() => Tenure, { nullable: true }) tenure?: Tenure | null;
  @Field(() => Int, { nullable: true, description: "For a LEASE: 1 to 999 years." }) leaseTermYears?: number | null;
  @PenceField({ nullable: true, description: "The asset's market value in pence." }) marketValuePence?: number | null;
  @PenceField({ nullable: true, description: "What the organisation pays, in pence: at most the market value." }) considerationPence?: number | null;
  @Field(() => Boolean, { nullable: true, description: "The asset stays locked to community benefit." }) assetLock?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "An overage clause: the transferor shares in a later sale's gain." }) overage?: boolean | null;
  @TextField({ nullable: true, description: "What the asset may be used for." }) userClause?: string | null;
}

@InputType({ description: "An organisation expresses interest in an asset; terms may be given now or later." })
export class StartAssetTransferInput extends TransferTermsFields {
  @IdField("Asset") assetId: string;
  @IdField("Organisation", { description: "The organisation the asset would pass to." }) toOrganisationId: string;
  @DayField({ nullable: true, description: "Defaults to today (UK)." }) startedOn?: string | null;
  @TextField({ nullable: true }) note?: string | null;
}

@InputType({ description: "Omitted terms stay as they are; null clears. Terms are fixed once the transfer completes." })
export class SetAssetTransferTermsInput extends TransferTermsFields {
  @IdField("AssetTransfer") transferId: string;
  @VersionField() expectedVersion: number;
}

@InputType({ description: "One stage on, or WITHDRAWN before completion." })
export class MoveAssetTransferInput {
  @IdField("AssetTransfer") transferId: string;
  @VersionField() expectedVersion: number;
  @Field(() => TransferStage) stage: TransferStage;
  @DayField({ nullable: true, description: "The day the case reached the stage; defaults to today (UK)." }) on?: string | null;
  @TextField({ nullable: true }) note?: string | null;
}

@InputType()
export class AssetTransferFilter {
  @IdListField("Place", { nullable: true, max: 50, description: "Cases for assets in any of these places or a place inside one." })
  placeIds?: string[] | null;
  @ListField(() => TransferStage, { nullable: true, max: 7 }) stages?: TransferStage[] | null;
  @IdListField("Organisation", { nullable: true, max: 50, description: "Cases passing an asset to any of these organisations." })
  toOrganisationIds?: string[] | null;
  @IdListField("Asset", { nullable: true, max: 50 }) assetIds?: string[] | null;
  @DayField({ nullable: true }) startedFrom?: string | null;
  @DayField({ nullable: true }) startedTo?: string | null;
  @DayField({ nullable: true }) completedFrom?: string | null;
  @DayField({ nullable: true }) completedTo?: string | null;
}

export enum AssetTransferOrderField {
  STARTED_ON = "STARTED_ON",
  UPDATED_AT = "UPDATED_AT",
}
registerEnumType(AssetTransferOrderField, { name: "AssetTransferOrderField", description: "Without orderBy, cases come by STARTED_ON ascending." });

@InputType()
export class AssetTransferOrder {
  @Field(() => AssetTransferOrderField) field: AssetTransferOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) direction: OrderDirection;
}
