// GraphQL inputs of the asset register: registering and changing an asset, valuing it, and the list's filter and order.
import { Field, InputType, Int, registerEnumType } from "type-graphql";
import { DayField, IdField, IdListField, ListField, PenceField, TextField, VersionField } from "../../../graphql/input-fields";
import { OrderDirection } from "../../../graphql/connection";
import { AssetKind, Tenure, ValuationBasis } from "../assets.enums";

@InputType({ description: "Name the owner once: publicBodyOwner (e.g. Liverpool City Council) or ownerOrganisationId." })
export class RegisterAssetInput {
  @TextField() name: string;
  @Field(() => AssetKind) kind: AssetKind;
  @TextField({ nullable: true }) address?: string | null;
  @TextField({ nullable: true, max: 20 }) postcode?: string | null;
  @IdField("Place", { description: "Where it is: a borough, ward or neighbourhood." }) placeId: string;
  @TextField({ nullable: true, max: 20, description: "Unique Property Reference Number." }) uprn?: string | null;
  @TextField({ nullable: true, max: 20, description: "HM Land Registry title number." }) titleNumber?: string | null;
  @TextField({ nullable: true }) publicBodyOwner?: string | null;
  @IdField("Organisation", { nullable: true }) ownerOrganisationId?: string | null;
  @TextField({ nullable: true }) conditionNotes?: string | null;
  @Field(() => Int, { nullable: true, description: "Floor area in square metres." }) floorAreaSqm?: number | null;
}

@InputType({ description: "Omitted fields stay as they are; null clears a field that may be empty. The owner changes only by ADMIN." })
export class UpdateAssetInput {
  @IdField("Asset") assetId: string;
  @VersionField() expectedVersion: number;
  @TextField({ nullable: true }) name?: string | null;
  @Field(() => AssetKind, { nullable: true }) kind?: AssetKind | null;
  @TextField({ nullable: true }) address?: string | null;
  @TextField({ nullable: true, max: 20 }) postcode?: string | null;
  @IdField("Place", { nullable: true }) placeId?: string | null;
  @TextField({ nullable: true, max: 20 }) uprn?: string | null;
  @TextField({ nullable: true, max: 20 }) titleNumber?: string | null;
  @TextField({ nullable: true }) publicBodyOwner?: string | null;
  @IdField("Organisation", { nullable: true }) ownerOrganisationId?: string | null;
  @TextField({ nullable: true }) conditionNotes?: string | null;
  @Field(() => Int, { nullable: true }) floorAreaSqm?: number | null;
}

@InputType()
export class RecordAssetValuationInput {
  @IdField("Asset") assetId: string;
  @DayField() valuedOn: string;
  @Field(() => ValuationBasis) basis: ValuationBasis;
  @PenceField() amountPence: number;
  @TextField({ description: "The firm or public body that valued it." }) valuer: string;
}

@InputType()
export class AssetFilter {
  @IdListField("Place", { nullable: true, max: 50, description: "Assets in any of these places or a place inside one (a borough includes its wards)." })
  placeIds?: string[] | null;
  @ListField(() => AssetKind, { nullable: true, max: 4 }) kinds?: AssetKind[] | null;
  @IdListField("Organisation", { nullable: true, max: 50, description: "Assets any of these organisations hold (their community holder)." })
  holderIds?: string[] | null;
  @ListField(() => Tenure, { nullable: true, max: 3 }) tenures?: Tenure[] | null;
  @Field(() => Boolean, { nullable: true, description: "true: only assets in community hands; false: only those not." }) communityHeld?: boolean | null;
  @DayField({ nullable: true, description: "Only assets listed as Assets of Community Value on this day." }) acvListedOn?: string | null;
  @DayField({ nullable: true, description: "Last passed into community hands on or after this day." }) transferredFrom?: string | null;
  @DayField({ nullable: true, description: "Last passed into community hands on or before this day." }) transferredTo?: string | null;
}

export enum AssetOrderField {
  NAME = "NAME",
  UPDATED_AT = "UPDATED_AT",
}
registerEnumType(AssetOrderField, { name: "AssetOrderField", description: "Without orderBy, assets come by NAME ascending." });

@InputType()
export class AssetOrder {
  @Field(() => AssetOrderField) field: AssetOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) direction: OrderDirection;
}
