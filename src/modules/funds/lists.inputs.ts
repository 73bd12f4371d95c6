// Filters and orderings of the applications and agreements lists.
import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { IdField, ListField } from "../../graphql/input-fields";
import { OrderDirection } from "../../graphql/connection";
import { AgreementStatus, ApplicationStatus } from "./funds.enums";

@InputType()
export class AgreementFilter {
  @Field(() => Date, { nullable: true, description: "Changed at or after this time (partners sync on it)." }) updatedSince?: Date | null;
  @IdField("Fund", { nullable: true, description: "A fund's ID." }) fund?: string | null;
  @IdField("FundRound", { nullable: true, description: "A round's ID." }) round?: string | null;
  @IdField("Organisation", { nullable: true, description: "An organisation's ID." }) organisation?: string | null;
  @ListField(() => AgreementStatus, { nullable: true, description: "Any of these statuses.", max: 5 }) status?: AgreementStatus[] | null;
  @IdField("Place", { nullable: true, description: "Organisations registered in or serving this place (or a place inside it)." }) place?: string | null;
}

@InputType()
export class ApplicationFilter {
  @Field(() => Date, { nullable: true, description: "Changed at or after this time." }) updatedSince?: Date | null;
  @IdField("Fund", { nullable: true }) fund?: string | null;
  @IdField("FundRound", { nullable: true }) round?: string | null;
  @IdField("Organisation", { nullable: true }) organisation?: string | null;
  @ListField(() => ApplicationStatus, { nullable: true, max: 6 }) status?: ApplicationStatus[] | null;
  @IdField("Place", { nullable: true }) place?: string | null;
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
