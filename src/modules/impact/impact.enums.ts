// The vocabularies of impact: units a measure is counted in, themes (in the spirit of the National TOMs), how a
// measure adds up over periods, where a figure came from, and what a summary may be grouped by.
import { registerEnumType } from "type-graphql";

export enum ImpactUnit {
  PEOPLE = "PEOPLE",
  FTE = "FTE",
  HOURS = "HOURS",
  POUNDS = "POUNDS",
  TONNES = "TONNES",
  TONNES_CO2E = "TONNES_CO2E",
  COUNT = "COUNT",
}
registerEnumType(ImpactUnit, { name: "ImpactUnit", description: "What a measure is counted in (POUNDS: whole or part pounds)." });

/** Only a change in emissions may be negative (an increase); every other unit counts something that happened. */
export const UNITS_ALLOWING_NEGATIVE: readonly ImpactUnit[] = [ImpactUnit.TONNES_CO2E];

export enum ImpactTheme {
  JOBS_AND_SKILLS = "JOBS_AND_SKILLS",
  LOCAL_GROWTH = "LOCAL_GROWTH",
  HEALTHIER_COMMUNITIES = "HEALTHIER_COMMUNITIES",
  ENVIRONMENT = "ENVIRONMENT",
  SOCIAL_INNOVATION = "SOCIAL_INNOVATION",
}
registerEnumType(ImpactTheme, { name: "ImpactTheme", description: "Themes of social value, in the spirit of the National TOMs." });

export enum ImpactAggregation {
  SUM = "SUM",
  AVERAGE = "AVERAGE",
  LATEST = "LATEST",
}
registerEnumType(ImpactAggregation, {
  name: "ImpactAggregation",
  description: "How a measure's quantities add up: SUM over periods; AVERAGE of the periods reported; LATEST: each organisation's latest period, summed over organisations.",
});

export enum MeasurementSource {
  SELF_REPORTED = "SELF_REPORTED",
  VERIFIED = "VERIFIED",
}
registerEnumType(MeasurementSource, { name: "MeasurementSource", description: "SELF_REPORTED by the organisation, or VERIFIED by network staff." });

/** What a summary may be grouped by; FUND arrives with the funds module (through impactOrganisationSets). */
export enum ImpactGroupBy {
  PLACE = "PLACE",
  CLUSTER = "CLUSTER",
  THEME = "THEME",
  YEAR = "YEAR",
  QUARTER = "QUARTER",
}
registerEnumType(ImpactGroupBy, {
  name: "ImpactGroupBy",
  description: "PLACE: the places just inside those asked (the top-level places when none are); CLUSTER: current clusters; THEME; YEAR and QUARTER of the period's end; FUND: funds an organisation holds an agreement with.",
});
