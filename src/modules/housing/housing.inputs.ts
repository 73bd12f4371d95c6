// GraphQL inputs of community-led housing: starting and changing a scheme, its stages, homes planned and completed,
// the partnership, and the list's filter and order.
import { Field, InputType, Int, registerEnumType } from "type-graphql";
import { DayField, IdField, IdListField, ListField, PenceField, TextField, VersionField } from "../../graphql/input-fields";
import { OrderDirection } from "../../graphql/connection";
import { HomeTenure, HomesRoute, HousingSchemeStage } from "./housing.enums";

@InputType({ description: "Without a place, the scheme is where its site is." })
export class StartHousingSchemeInput {
  @TextField() name: string;
  @TextField({ nullable: true }) description?: string | null;
  @IdField("Organisation", { description: "The community land trust leading it." }) leadOrganisationId: string;
  @IdField("Place", { nullable: true }) placeId?: string | null;
  @IdField("Asset", { nullable: true, description: "The site, an asset in the register." }) siteAssetId?: string | null;
  @DayField({ nullable: true, description: "Defaults to today (UK)." }) startedOn?: string | null;
}

@InputType({ description: "Omitted fields stay as they are; null clears what may be empty." })
export class UpdateHousingSchemeInput {
  @IdField("HousingScheme") schemeId: string;
  @VersionField() expectedVersion: number;
  @TextField({ nullable: true }) name?: string | null;
  @TextField({ nullable: true }) description?: string | null;
  @IdField("Place", { nullable: true }) placeId?: string | null;
  @IdField("Asset", { nullable: true }) siteAssetId?: string | null;
  @PenceField({ nullable: true, description: "Development costs the umbrella body has recouped from the scheme, in pence." }) umbrellaCostsRecoupedPence?: number | null;
}

@InputType()
export class MoveHousingSchemeInput {
  @IdField("HousingScheme") schemeId: string;
  @VersionField() expectedVersion: number;
  @Field(() => HousingSchemeStage) stage: HousingSchemeStage;
  @DayField({ nullable: true, description: "Defaults to today (UK)." }) on?: string | null;
  @TextField({ nullable: true }) note?: string | null;
}

@InputType()
export class PlannedHomesInput {
  @Field(() => HomeTenure) tenure: HomeTenure;
  @Field(() => HomesRoute) route: HomesRoute;
  @Field(() => Int) planned: number;
}

@InputType({ description: "Replaces the plan: tenures and routes left out are planned at none (homes already complete stay planned)." })
export class PlanHousingHomesInput {
  @IdField("HousingScheme") schemeId: string;
  @VersionField() expectedVersion: number;
  @ListField(() => PlannedHomesInput, { max: 10 }) homes: PlannedHomesInput[];
}

@InputType()
export class CompletedHomesInput {
  @Field(() => HomeTenure) tenure: HomeTenure;
  @Field(() => HomesRoute) route: HomesRoute;
  @Field(() => Int) homes: number;
}

@InputType()
export class RecordHomesCompletedInput {
  @IdField("HousingScheme") schemeId: string;
  @VersionField() expectedVersion: number;
  @DayField({ nullable: true, description: "Defaults to today (UK)." }) completedOn?: string | null;
  @ListField(() => CompletedHomesInput, { max: 10 }) homes: CompletedHomesInput[];
}

@InputType({ description: "A null partner ends the partnership and its terms." })
export class SetHousingPartnershipInput {
  @IdField("HousingScheme") schemeId: string;
  @VersionField() expectedVersion: number;
  @IdField("Organisation", { nullable: true, description: "Often a housing association." }) partnerOrganisationId: string | null;
  @Field(() => Int, { nullable: true, description: "The partner's lease from the community land trust: 1 to 999 years (125 typical)." }) leaseTermYears?: number | null;
  @PenceField({ nullable: true, description: "Ground rent a year, in pence." }) groundRentPence?: number | null;
  @Field(() => Boolean, { nullable: true, description: "The community land trust may buy the homes back." }) buyBackOption?: boolean | null;
  @Field(() => Boolean, { nullable: true }) freeholdHeldByClt?: boolean | null;
}

@InputType()
export class HousingSchemeFilter {
  @IdListField("Place", { nullable: true, max: 50, description: "Schemes in any of these places or a place inside one." }) placeIds?: string[] | null;
  @ListField(() => HousingSchemeStage, { nullable: true, max: 7 }) stages?: HousingSchemeStage[] | null;
  @IdListField("Organisation", { nullable: true, max: 50 }) leadOrganisationIds?: string[] | null;
  @IdListField("Organisation", { nullable: true, max: 50 }) partnerOrganisationIds?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: "true: schemes with a partner; false: without." }) hasPartner?: boolean | null;
  @DayField({ nullable: true, description: "Schemes with homes completed on or after this day." }) homesCompletedFrom?: string | null;
  @DayField({ nullable: true, description: "Schemes with homes completed on or before this day." }) homesCompletedTo?: string | null;
}

export enum HousingSchemeOrderField {
  NAME = "NAME",
  UPDATED_AT = "UPDATED_AT",
}
registerEnumType(HousingSchemeOrderField, { name: "HousingSchemeOrderField", description: "Without orderBy, schemes come by NAME ascending." });

@InputType()
export class HousingSchemeOrder {
  @Field(() => HousingSchemeOrderField) field: HousingSchemeOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) direction: OrderDirection;
}
