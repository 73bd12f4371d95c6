// Filters and orderings of the applications and agreements lists.
import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { ArrayMaxSize } from "class-validator";
import { OrderDirection } from "../organisations/organisations.inputs";
import { AgreementStatus, ApplicationStatus } from "./funds.enums";

@InputType()
export class AgreementFilter {
  @Field(() => Date, { nullable: true, description: "Changed at or after this time (partners sync on it)." }) updatedSince?: Date | null;
  @Field(() => ID, { nullable: true, description: "A fund's ID." }) fund?: string | null;
  @Field(() => ID, { nullable: true, description: "A round's ID." }) round?: string | null;
  @Field(() => ID, { nullable: true, description: "An organisation's ID." }) organisation?: string | null;
  @Field(() => [AgreementStatus], { nullable: true, description: "Any of these statuses." }) @ArrayMaxSize(5) status?: AgreementStatus[] | null;
  @Field(() => ID, { nullable: true, description: "Organisations registered in or serving this place (or a place inside it)." }) place?: string | null;
}

@InputType()
export class ApplicationFilter {
  @Field(() => Date, { nullable: true, description: "Changed at or after this time." }) updatedSince?: Date | null;
  @Field(() => ID, { nullable: true }) fund?: string | null;
  @Field(() => ID, { nullable: true }) round?: string | null;
  @Field(() => ID, { nullable: true }) organisation?: string | null;
  @Field(() => [ApplicationStatus], { nullable: true }) @ArrayMaxSize(6) status?: ApplicationStatus[] | null;
  @Field(() => ID, { nullable: true }) place?: string | null;
}

export enum AgreementOrderField {
  UPDATED_AT = "UPDATED_AT",
  AWARDED_ON = "AWARDED_ON",
}
registerEnumType(AgreementOrderField, { name: "AgreementOrderField", description: "Without orderBy, agreements come by UPDATED_AT ascending." });

@InputType()
export class AgreementOrder {
  @Field(() => AgreementOrderField) field: AgreementOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) direction: OrderDirection;
}
