// GraphQL inputs of the register. Hard size limits here stop abuse; the service turns rule breaks into userErrors.
import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { ArrayMaxSize, MaxLength, ValidateNested } from "class-validator";
import { DateScalar } from "../../graphql/scalars";
import { OrganisationRole } from "../../auth/roles";
import { Cause, LegalForm, LifecycleStage, StoStatus } from "./organisation.enums";

/** Far above any real value: longer input is abuse and is refused before any rule runs. */
const HARD_TEXT_LIMIT = 20000;

@InputType()
export class GovernanceInput {
  @Field(() => Int, { nullable: true }) boardSize?: number | null;
  @Field(() => Int, { nullable: true, description: "Board members drawn from the community served." }) communityBoardMembers?: number | null;
  @Field(() => Int, { nullable: true }) membershipSize?: number | null;
}

@InputType()
export class CreateOrganisationInput {
  @Field() @MaxLength(HARD_TEXT_LIMIT) name: string;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) description?: string | null;
  @Field(() => LegalForm) legalForm: LegalForm;
  @Field(() => DateScalar, { nullable: true }) foundedOn?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) website?: string | null;
  @Field(() => ID, { nullable: true }) registeredPlaceId?: string | null;
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(200) placesServedIds?: string[] | null;
  @Field(() => [Cause], { nullable: true }) @ArrayMaxSize(50) causes?: Cause[] | null;
  @Field({ nullable: true, description: "For forms without a statutory asset lock." }) assetLockDeclared?: boolean;
  @Field(() => GovernanceInput, { nullable: true }) @ValidateNested() governance?: GovernanceInput | null;
  @Field(() => Int, { nullable: true }) tradingIncomePercent?: number | null;
  @Field(() => LifecycleStage, { nullable: true, description: "Defaults to STARTING." }) lifecycleStage?: LifecycleStage;
  @Field(() => [String], { nullable: true, description: "org-id identifiers, e.g. GB-COH-09876543." })
  @ArrayMaxSize(20) identifiers?: string[] | null;
}

@InputType({ description: "Omitted fields stay as they are; null clears a field that may be empty." })
export class UpdateOrganisationInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: "The version you read; a newer one means someone else changed it first." }) expectedVersion: number;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) name?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) description?: string | null;
  @Field(() => LegalForm, { nullable: true }) legalForm?: LegalForm | null;
  @Field(() => DateScalar, { nullable: true }) foundedOn?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) website?: string | null;
  @Field(() => ID, { nullable: true }) registeredPlaceId?: string | null;
  @Field(() => [ID], { nullable: true, description: "Replaces the whole list." }) @ArrayMaxSize(200) placesServedIds?: string[] | null;
  @Field(() => [Cause], { nullable: true, description: "Replaces the whole list." }) @ArrayMaxSize(50) causes?: Cause[] | null;
  @Field(() => Boolean, { nullable: true }) assetLockDeclared?: boolean | null;
  @Field(() => GovernanceInput, { nullable: true }) @ValidateNested() governance?: GovernanceInput | null;
  @Field(() => Int, { nullable: true }) tradingIncomePercent?: number | null;
  @Field(() => LifecycleStage, { nullable: true }) lifecycleStage?: LifecycleStage | null;
}

@InputType()
export class ArchiveOrganisationInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType()
export class OrganisationIdentifierInput {
  @Field(() => ID) organisationId: string;
  @Field() @MaxLength(200) identifier: string;
}

@InputType({ description: "The answers to the network's STO tests. ELIGIBLE only when every test is met." })
export class RecordStoAssessmentInput {
  @Field(() => ID) organisationId: string;
  @Field() tradesForSocialPurpose: boolean;
  @Field() communityLed: boolean;
  @Field() keepsSurplusInRegion: boolean;
  @Field() notGrantOnlyCharity: boolean;
  @Field() doesNotExportProfit: boolean;
  @Field() @MaxLength(HARD_TEXT_LIMIT) reasons: string;
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID) organisationId: string;
  @Field({ description: "Email of an existing kith account." }) @MaxLength(320) email: string;
  @Field(() => OrganisationRole) role: OrganisationRole;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID, { description: "The membership's ID." }) membershipId: string;
}

@InputType()
export class AddContactInput {
  @Field(() => ID) organisationId: string;
  @Field() @MaxLength(HARD_TEXT_LIMIT) name: string;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) role?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) email?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) phone?: string | null;
}

@InputType({ description: "Omitted fields stay as they are; null clears." })
export class UpdateContactInput {
  @Field(() => ID) contactId: string;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) name?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) role?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) email?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(HARD_TEXT_LIMIT) phone?: string | null;
}

@InputType()
export class RemoveContactInput {
  @Field(() => ID) contactId: string;
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

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(OrderDirection, { name: "OrderDirection" });

@InputType()
export class OrganisationOrder {
  @Field(() => OrganisationOrderField) field: OrganisationOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) direction: OrderDirection;
}

@InputType()
export class OrganisationFilter {
  @Field(() => String, { nullable: true, description: "Words from the name or description; tolerant of small typos." })
  @MaxLength(200) search?: string | null;
  @Field(() => [LegalForm], { nullable: true }) @ArrayMaxSize(20) legalForms?: LegalForm[] | null;
  @Field(() => [ID], { nullable: true, description: "Registered in or serving any of these places (or places inside them)." })
  @ArrayMaxSize(50) placeIds?: string[] | null;
  @Field(() => [StoStatus], { nullable: true }) @ArrayMaxSize(3) stoStatuses?: StoStatus[] | null;
  @Field(() => [Cause], { nullable: true, description: "Working for any of these causes." }) @ArrayMaxSize(20) causes?: Cause[] | null;
  @Field(() => [LifecycleStage], { nullable: true }) @ArrayMaxSize(4) lifecycleStages?: LifecycleStage[] | null;
  @Field(() => Boolean, { nullable: true, description: "Include archived organisations (default false)." }) includeArchived?: boolean | null;
  @Field(() => [ID], { nullable: true, description: "Current members of any of these clusters (applied by the clusters module)." })
  @ArrayMaxSize(50) clusterIds?: string[] | null;
}
