// API types of impact that are not tables: a measure's figures, a group's and the total's figures in a summary, an
// organisation's own figures, the region summary, and payloads.
import { Field, Float, Int, ObjectType } from "type-graphql";
import { PayloadType } from "../../graphql/payloads";
import { DateScalar, Money } from "../../graphql/scalars";
import { ImpactTheme } from "./impact.enums";
import { ImpactMeasurement } from "./measurement.entity";
import { ImpactMetric, ImpactProxyValue } from "./metric.entity";
import { OrganisationYear } from "./organisation-year.entity";

@ObjectType({ description: "One measure's figures over a period: its quantity as the measure adds up, and its social value." })
export class MeasureFigures {
  /** The measure's id; `metric` is read through the catalogue's loader. */
  metricId: string;

  @Field(() => Float, { description: "SUM: the total; AVERAGE: the mean of the periods reported; LATEST: each organisation's latest period, summed." })
  quantity: number;

  @Field(() => Money, { description: "Quantity × the proxy value in force at each period's end, summed." })
  socialValue: Money;

  @Field(() => Int, { description: "Measurements counted." })
  measurements: number;

  @Field(() => [Int], { nullable: true, description: "The proxy versions the social value used (null where not reported, as in summaries)." })
  proxyVersions: number[] | null;
}

@ObjectType({ description: "Figures of a group of organisations. Outside ADMIN, a group of fewer than 5 organisations is suppressed: no figures, only the flag." })
export class ImpactFigures {
  @Field({ description: "True when the group is too small to show (figures are null)." })
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: "Organisations with at least one measurement counted." })
  organisationCount: number | null;

  @Field(() => Money, { nullable: true })
  socialValue: Money | null;

  @Field(() => [MeasureFigures], { nullable: true, description: "Per measure, by code." })
  measures: MeasureFigures[] | null;
}

@ObjectType({ description: "A group of a summary: the keys it was grouped by (the others are null) and its figures." })
export class ImpactGroup extends ImpactFigures {
  /** Every dimension's key by groupBy value (PLACE: a place id, FUND: a fund id, ...), for fields other modules add. */
  keys: Record<string, string | null>;

  @Field(() => ImpactTheme, { nullable: true })
  theme: ImpactTheme | null;

  @Field(() => Int, { nullable: true })
  year: number | null;

  @Field(() => Int, { nullable: true, description: "1 to 4, with year, when grouped by QUARTER." })
  quarter: number | null;
}

@ObjectType({ description: "Impact over whole quarters: totals and groups. Figures outside ADMIN are built from cells of 5 organisations or more." })
export class ImpactSummary {
  @Field(() => DateScalar, { description: "The first day counted (the start of the quarter `from` fell in)." })
  from: string;

  @Field(() => DateScalar, { description: "The last day counted (the end of the quarter `to` fell in)." })
  to: string;

  @Field(() => ImpactFigures)
  total: ImpactFigures;

  @Field(() => [ImpactGroup], { description: "Groups with any measurement, in key order." })
  groups: ImpactGroup[];
}

@ObjectType({ description: "One organisation's impact over whole quarters." })
export class OrganisationImpact {
  @Field(() => Money)
  socialValue: Money;

  @Field(() => [MeasureFigures], { description: "Per measure, by code, with the proxy versions used." })
  measures: MeasureFigures[];
}

@ObjectType({ description: "Social value of one theme in a region summary." })
export class ThemeSocialValue {
  @Field(() => ImpactTheme)
  theme: ImpactTheme;

  @Field({ description: "True when too few organisations reported it to show." })
  suppressed: boolean;

  @Field(() => Money, { nullable: true })
  socialValue: Money | null;
}

@ObjectType({ description: "The headline figures a combined-authority dashboard opens with, each from the module that owns it." })
export class RegionSummary {
  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;

  @Field(() => [ThemeSocialValue], { description: "Social value by theme over the quarters the period touches (suppressed as impactSummary is)." })
  socialValueByTheme: ThemeSocialValue[];
  // Other modules' figures are fields added through regionFigureSources (impact.api.ts).
}

export const MeasurementPayload = PayloadType("MeasurementPayload", { measurement: () => ImpactMeasurement });
export const MetricPayload = PayloadType("MetricPayload", { metric: () => ImpactMetric });
export const ProxyValuePayload = PayloadType("ProxyValuePayload", { metric: () => ImpactMetric, proxyValue: () => ImpactProxyValue });
export const OrganisationYearPayload = PayloadType("OrganisationYearPayload", { organisationYear: () => OrganisationYear });

@ObjectType({ description: "What an import recorded: every row of the file (an import with any bad row records nothing)." })
export class MeasurementImport {
  @Field(() => Int, { description: "Measurements recorded, one per row." })
  rows: number;

  @Field(() => Int, { description: "Organisations they are for." })
  organisations: number;
}

export const ImportMeasurementsPayload = PayloadType("ImportMeasurementsPayload", { imported: () => MeasurementImport });
