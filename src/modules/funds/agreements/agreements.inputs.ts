// GraphQL inputs for agreements: the list's filter and order, and accepting, rescheduling, closing and writing off.
import { Field, InputType, Int, registerEnumType } from "type-graphql";
import { DayField, IdField, ListField, TextField, VersionField } from "../../../graphql/input-fields";
import { OrderDirection } from "../../../graphql/connection";
import { AgreementStatus } from "../funds.enums";

@InputType()
export class AgreementFilter {
  @Field(() => Date, { nullable: true, description: "Changed at or after this time (partners sync on it)." }) updatedSince?: Date | null;
  @IdField("Fund", { nullable: true, description: "A fund's ID." }) fund?: string | null;
  @IdField("FundRound", { nullable: true, description: "A round's ID." }) round?: string | null;
  @IdField("Organisation", { nullable: true, description: "An organisation's ID: agreements it leads or is a partner in." }) organisation?: string | null;
  @ListField(() => AgreementStatus, { nullable: true, description: "Any of these statuses.", max: 5 }) status?: AgreementStatus[] | null;
  @IdField("Place", { nullable: true, description: "Organisations registered in or serving this place (or a place inside it)." }) place?: string | null;
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

@InputType()
export class AcceptOfferInput {
  @IdField("Agreement") agreementId: string;
  @VersionField() expectedVersion: number;
}

@InputType()
export class RescheduleAgreementInput {
  @IdField("Agreement") agreementId: string;
  @VersionField() expectedVersion: number;
  @DayField() startsOn: string;
  @Field(() => Int) termMonths: number;
  @Field(() => Int) holidayMonths: number;
  @TextField() reason: string;
}

@InputType()
export class CloseAgreementInput {
  @IdField("Agreement") agreementId: string;
  @VersionField() expectedVersion: number;
  @TextField() reason: string;
}

@InputType()
export class WriteOffAgreementInput {
  @IdField("Agreement") agreementId: string;
  @VersionField() expectedVersion: number;
  @TextField() reason: string;
  @TextField() idempotencyKey: string;
}
