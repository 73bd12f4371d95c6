// GraphQL inputs of the register. Hard size limits here stop abuse; the service turns rule breaks into userErrors.
import { Field, InputType, Int, registerEnumType } from "type-graphql";
import { OrderDirection } from "../../graphql/connection";
import {
  DayField, IdField, IdListField, ListField, SEARCH_TEXT_LIMIT, TextField, TextListField, VersionField,
} from "../../graphql/input-fields";
import { Cause, LegalForm, LifecycleStage, PlaceMatch, StoStatus, SurplusDestination } from "./organisation.enums";

@InputType()
export class GovernanceInput {
  @Field(() => Int, { nullable: true }) boardSize?: number | null;
  @Field(() => Int, { nullable: true, description: "Board members drawn from the community served." }) communityBoardMembers?: number | null;
  @Field(() => Int, { nullable: true }) membershipSize?: number | null;
}

@InputType()
export class CreateOrganisationInput {
  @TextField() name: string;
  @TextField({ nullable: true }) description?: string | null;
  @Field(() => LegalForm) legalForm: LegalForm;
  @DayField({ nullable: true }) foundedOn?: string | null;
  @TextField({ nullable: true }) website?: string | null;
  @IdField("Place", { nullable: true }) registeredPlaceId?: string | null;
  @IdListField("Place", { nullable: true, max: 200 }) placesServedIds?: string[] | null;
  @ListField(() => Cause, { nullable: true, max: 50 }) causes?: Cause[] | null;
  @Field({ nullable: true, description: "For forms without a statutory asset lock." }) assetLockDeclared?: boolean;
  @Field(() => GovernanceInput, { nullable: true }) governance?: GovernanceInput | null;
  @Field(() => Int, { nullable: true }) tradingIncomePercent?: number | null;
  @Field(() => SurplusDestination, { nullable: true }) surplusDestination?: SurplusDestination | null;
  @Field(() => LifecycleStage, { nullable: true, description: "Defaults to STARTING." }) lifecycleStage?: LifecycleStage;
  @TextListField({ nullable: true, maxItems: 20, max: 200, description: "org-id identifiers, e.g. GB-COH-09876543." }) identifiers?: string[] | null;
  @TextField({ nullable: true, description: "Sent again with the same input within 48 hours, returns the organisation first created instead of another." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Omitted fields stay as they are; null clears a field that may be empty." })
export class UpdateOrganisationInput {
  @IdField("Organisation") id: string;
  @VersionField({ description: "The version you read; a newer one means someone else changed it first." }) expectedVersion: number;
  @TextField({ nullable: true }) name?: string | null;
  @TextField({ nullable: true }) description?: string | null;
  @Field(() => LegalForm, { nullable: true }) legalForm?: LegalForm | null;
  @DayField({ nullable: true }) foundedOn?: string | null;
  @TextField({ nullable: true }) website?: string | null;
  @IdField("Place", { nullable: true }) registeredPlaceId?: string | null;
  @IdListField("Place", { nullable: true, max: 200, description: "Replaces the whole list." }) placesServedIds?: string[] | null;
  @ListField(() => Cause, { nullable: true, max: 50, description: "Replaces the whole list." }) causes?: Cause[] | null;
  @Field(() => Boolean, { nullable: true }) assetLockDeclared?: boolean | null;
  @Field(() => GovernanceInput, { nullable: true }) governance?: GovernanceInput | null;
  @Field(() => Int, { nullable: true }) tradingIncomePercent?: number | null;
  @Field(() => SurplusDestination, { nullable: true }) surplusDestination?: SurplusDestination | null;
  @Field(() => LifecycleStage, { nullable: true }) lifecycleStage?: LifecycleStage | null;
}

@InputType()
export class ArchiveOrganisationInput {
  @IdField("Organisation") id: string;
  @VersionField() expectedVersion: number;
}

@InputType()
export class OrganisationIdentifierInput {
  @IdField("Organisation") organisationId: string;
  @TextField({ max: 200 }) identifier: string;
}

@InputType({ description: "The answers to the network's STO tests. ELIGIBLE only when every test is met and the register does not contradict them (or an override reason says why)." })
export class RecordStoAssessmentInput {
  @IdField("Organisation") organisationId: string;
  @Field() tradesForSocialPurpose: boolean;
  @Field() communityLed: boolean;
  @Field() keepsSurplusInRegion: boolean;
  @Field() notGrantOnlyCharity: boolean;
  @Field() doesNotExportProfit: boolean;
  @TextField() reasons: string;
  @TextField({ nullable: true, description: "Why the organisation is ELIGIBLE although the register contradicts a test; kept and shown with the assessment." })
  overrideReason?: string | null;
}

@InputType({ description: "A new version of the network's eligibility thresholds; earlier assessments keep the version they used." })
export class SetEligibilityThresholdsInput {
  @Field(() => Int) minTradingIncomePercent: number;
  @Field(() => Int) minCommunityBoardPercent: number;
  @Field() assetLockRequired: boolean;
  @Field(() => Date, { nullable: true, description: "When assessments start using it (default now; not in the past)." }) validFrom?: Date | null;
  @TextField() reason: string;
}

@InputType()
export class RemoveMemberInput {
  @IdField("Membership", { description: "The membership's ID." }) membershipId: string;
}

@InputType()
export class AddContactInput {
  @IdField("Organisation") organisationId: string;
  @TextField() name: string;
  @TextField({ nullable: true }) role?: string | null;
  @TextField({ nullable: true }) email?: string | null;
  @TextField({ nullable: true }) phone?: string | null;
}

@InputType({ description: "Omitted fields stay as they are; null clears." })
export class UpdateContactInput {
  @IdField("Contact") contactId: string;
  @TextField({ nullable: true }) name?: string | null;
  @TextField({ nullable: true }) role?: string | null;
  @TextField({ nullable: true }) email?: string | null;
  @TextField({ nullable: true }) phone?: string | null;
}

@InputType()
export class RemoveContactInput {
  @IdField("Contact") contactId: string;
}

export enum OrganisationOrderField {
  NAME = "NAME",
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
  RELEVANCE = "RELEVANCE",
}
registerEnumType(OrganisationOrderField, {
  name: "OrganisationOrderField",
  description: "RELEVANCE needs filter.search; without orderBy a search is ordered by RELEVANCE, otherwise by NAME.",
});

@InputType()
export class OrganisationOrder {
  @Field(() => OrganisationOrderField) field: OrganisationOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) direction: OrderDirection;
}

/** More fields are added by later modules through `organisationFilters` (see organisations.api.ts). */
@InputType()
export class OrganisationFilter {
  @TextField({ nullable: true, max: SEARCH_TEXT_LIMIT, description: "Words from the name or description; tolerant of small typos." })
  search?: string | null;
  @ListField(() => LegalForm, { nullable: true, max: 20 }) legalForms?: LegalForm[] | null;
  @IdListField("Place", { nullable: true, max: 50, description: "Registered in or serving any of these places (or places inside them), as placeMatch says." })
  placeIds?: string[] | null;
  @Field(() => PlaceMatch, { nullable: true, description: "What placeIds match: REGISTERED_IN, SERVING, or EITHER (the default)." })
  placeMatch?: PlaceMatch | null;
  @ListField(() => StoStatus, { nullable: true, max: 3 }) stoStatuses?: StoStatus[] | null;
  @ListField(() => Cause, { nullable: true, max: 20, description: "Working for any of these causes." }) causes?: Cause[] | null;
  @ListField(() => LifecycleStage, { nullable: true, max: 4 }) lifecycleStages?: LifecycleStage[] | null;
  @Field(() => Boolean, { nullable: true, description: "Include archived organisations (default false)." }) includeArchived?: boolean | null;
  @TextField({ nullable: true, max: 40, description: "An org-id identifier (e.g. GB-COH-09876543): the organisation that holds it." })
  identifier?: string | null;
  @Field(() => Date, { nullable: true, description: "Changed at or after this time (partners sync the register by it)." }) updatedSince?: Date | null;
}
