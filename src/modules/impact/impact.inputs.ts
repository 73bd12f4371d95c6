// GraphQL inputs of impact: the summary's filter, recording, correcting and verifying measurements, yearly facts, and
// the catalogue's measures and proxy values. ImpactFilter gains fields from later modules (impactOrganisationSets).
import { Field, Float, InputType, Int } from "type-graphql";
import { DayField, IdField, IdListField, ListField, PenceField, TextField, TextListField, VersionField } from "../../graphql/input-fields";
import { NulReportedByService } from "../../graphql/validation";
import { ImpactAggregation, ImpactTheme, ImpactUnit } from "./impact.enums";
import { MAX_IMPORT_CHARS } from "./measurement-import.rows";

@InputType({ description: "Every field narrows; places match themselves and every place inside them. More fields (fundIds, cohortIds) come from the funds module." })
export class ImpactFilter {
  @IdListField("Place", { max: 50, nullable: true, description: "Organisations registered in these places or inside them." }) placeIds?: string[] | null;
  @IdListField("Cluster", { max: 50, nullable: true, description: "Organisations currently in any of these clusters." }) clusterIds?: string[] | null;
  @ListField(() => ImpactTheme, { max: 10, nullable: true }) themes?: ImpactTheme[] | null;
  @TextListField({ maxItems: 100, max: 60, nullable: true }) metricCodes?: string[] | null;
  @DayField({ description: "Counted from the start of this day's quarter." }) from: string;
  @DayField({ description: "Counted to the end of this day's quarter." }) to: string;
}

@InputType()
export class RecordMeasurementInput {
  @IdField("Organisation") organisationId: string;
  @TextField({ max: 60 }) metricCode: string;
  @DayField() periodStart: string;
  @DayField({ description: "The period's last day: it sets the proxy value used and the quarter it counts in." }) periodEnd: string;
  @Field(() => Float, { description: "In the measure's unit, to at most two decimal places." }) quantity: number;
  @TextField({ nullable: true, description: "A link to the evidence, or where it is kept." }) evidence?: string | null;
}

@InputType({ description: "Omitted fields stay as they were; the figures replaced are kept as a revision." })
export class CorrectMeasurementInput {
  @IdField("ImpactMeasurement") measurementId: string;
  @VersionField() expectedVersion: number;
  @DayField({ nullable: true }) periodStart?: string | null;
  @DayField({ nullable: true }) periodEnd?: string | null;
  @Field(() => Float, { nullable: true }) quantity?: number | null;
  @TextField({ nullable: true }) evidence?: string | null;
  @TextField({ description: "Why the figures change." }) reason: string;
}

@InputType()
export class VerifyMeasurementInput {
  @IdField("ImpactMeasurement") measurementId: string;
  @VersionField() expectedVersion: number;
}

@InputType({ description: "Replaces the year's facts (fields left out are cleared)." })
export class SetOrganisationYearInput {
  @IdField("Organisation") organisationId: string;
  @Field(() => Int) year: number;
  @VersionField({ nullable: true, description: "Null for a year not recorded yet." }) expectedVersion?: number | null;
  @PenceField({ nullable: true }) turnoverPence?: number | null;
  @Field(() => Float, { nullable: true }) employeesFte?: number | null;
  @Field(() => Int, { nullable: true }) volunteers?: number | null;
  @PenceField({ nullable: true }) externalFundingPence?: number | null;
}

@InputType()
export class DefineImpactMetricInput {
  @TextField({ max: 60 }) code: string;
  @TextField() name: string;
  @TextField() definition: string;
  @Field(() => ImpactUnit) unit: ImpactUnit;
  @Field(() => ImpactTheme) theme: ImpactTheme;
  @Field(() => ImpactAggregation) aggregation: ImpactAggregation;
}

@InputType()
export class UpdateImpactMetricInput {
  @IdField("ImpactMetric") metricId: string;
  @VersionField() expectedVersion: number;
  @TextField({ nullable: true }) name?: string | null;
  @TextField({ nullable: true }) definition?: string | null;
}

@InputType({ description: "A new proxy version from a day: periods ending on or after it (until a later version) are valued at it." })
export class AddProxyValueInput {
  @TextField({ max: 60 }) metricCode: string;
  @PenceField({ description: "£ per unit, in pence." }) valuePerUnitPence: number;
  @DayField() validFrom: string;
  @TextField() source: string;
}

@InputType()
export class ImportMeasurementsInput {
  @TextField({ max: MAX_IMPORT_CHARS, description: "UTF-8 CSV (RFC 4180) with the header organisation_id,metric_code,period_start,period_end,quantity,evidence (evidence may be left out): at most 100,000 rows and 12 MiB." })
  @NulReportedByService()
  csv: string;
}
