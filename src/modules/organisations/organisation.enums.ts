// The organisation vocabularies: legal forms, lifecycle stages, causes and STO status.
import { registerEnumType } from "type-graphql";

export enum LegalForm {
  CIC_LIMITED_BY_GUARANTEE = "CIC_LIMITED_BY_GUARANTEE",
  CIC_LIMITED_BY_SHARES = "CIC_LIMITED_BY_SHARES",
  COMMUNITY_BENEFIT_SOCIETY = "COMMUNITY_BENEFIT_SOCIETY",
  CO_OPERATIVE_SOCIETY = "CO_OPERATIVE_SOCIETY",
  CIO = "CIO",
  CHARITABLE_COMPANY = "CHARITABLE_COMPANY",
  COMPANY_LIMITED_BY_GUARANTEE = "COMPANY_LIMITED_BY_GUARANTEE",
  COMPANY_LIMITED_BY_SHARES = "COMPANY_LIMITED_BY_SHARES",
  PARTNERSHIP = "PARTNERSHIP",
  SOLE_TRADER = "SOLE_TRADER",
  UNINCORPORATED_ASSOCIATION = "UNINCORPORATED_ASSOCIATION",
}
registerEnumType(LegalForm, { name: "LegalForm", description: "The organisation's legal form." });

/** CICs and charities are asset-locked by law; other forms may declare a lock in their rules. */
export const STATUTORY_ASSET_LOCK = new Set<LegalForm>([
  LegalForm.CIC_LIMITED_BY_GUARANTEE, LegalForm.CIC_LIMITED_BY_SHARES, LegalForm.CIO, LegalForm.CHARITABLE_COMPANY,
]);

export enum LifecycleStage {
  IDEA = "IDEA",
  STARTING = "STARTING",
  GROWING = "GROWING",
  ESTABLISHED = "ESTABLISHED",
}
registerEnumType(LifecycleStage, { name: "LifecycleStage" });

export enum StoStatus {
  ELIGIBLE = "ELIGIBLE",
  NOT_ELIGIBLE = "NOT_ELIGIBLE",
  UNASSESSED = "UNASSESSED",
}
registerEnumType(StoStatus, { name: "StoStatus", description: "Socially trading organisation status, from the latest assessment." });

export enum Cause {
  ARTS_AND_CULTURE = "ARTS_AND_CULTURE",
  COMMUNITY_SPACE = "COMMUNITY_SPACE",
  DIGITAL_INCLUSION = "DIGITAL_INCLUSION",
  EMPLOYMENT_AND_SKILLS = "EMPLOYMENT_AND_SKILLS",
  ENERGY = "ENERGY",
  ENVIRONMENT = "ENVIRONMENT",
  FINANCIAL_INCLUSION = "FINANCIAL_INCLUSION",
  FOOD = "FOOD",
  HEALTH_AND_WELLBEING = "HEALTH_AND_WELLBEING",
  HERITAGE = "HERITAGE",
  HOUSING = "HOUSING",
  OLDER_PEOPLE = "OLDER_PEOPLE",
  SPORT_AND_LEISURE = "SPORT_AND_LEISURE",
  TRANSPORT = "TRANSPORT",
  YOUTH = "YOUTH",
}
registerEnumType(Cause, { name: "Cause", description: "A cause an organisation works for." });

export enum PlaceMatch {
  REGISTERED_IN = "REGISTERED_IN",
  SERVING = "SERVING",
  EITHER = "EITHER",
}
registerEnumType(PlaceMatch, {
  name: "PlaceMatch",
  description: "What a place filter matches: organisations registered in the places, serving them, or either (each counted once). "
    + "Per-place counts with REGISTERED_IN add up to the register.",
});

/** Where an organisation's surplus goes, relative to the places it serves (the founding text: an STO does not export profit from its locality). */
export enum SurplusDestination {
  REINVESTED = "REINVESTED",
  PLACES_SERVED = "PLACES_SERVED",
  ELSEWHERE_IN_REGION = "ELSEWHERE_IN_REGION",
  OUTSIDE_REGION = "OUTSIDE_REGION",
}
registerEnumType(SurplusDestination, {
  name: "SurplusDestination",
  description: "Where surplus goes: REINVESTED in the organisation's purpose, spent or paid out in the PLACES_SERVED, "
    + "ELSEWHERE_IN_REGION (it leaves the locality served), or OUTSIDE_REGION.",
  valuesConfig: {
    REINVESTED: { description: "Kept and reinvested in the organisation's purpose." },
    PLACES_SERVED: { description: "Spent or paid out within the places the organisation serves." },
    ELSEWHERE_IN_REGION: { description: "Paid out elsewhere in the region: it leaves the locality served." },
    OUTSIDE_REGION: { description: "Paid out outside the region." },
  },
});

/** The network's five STO tests, as named in assessments and their evidence. */
export enum StoTest {
  TRADES_FOR_SOCIAL_PURPOSE = "TRADES_FOR_SOCIAL_PURPOSE",
  COMMUNITY_LED = "COMMUNITY_LED",
  KEEPS_SURPLUS_IN_REGION = "KEEPS_SURPLUS_IN_REGION",
  NOT_GRANT_ONLY_CHARITY = "NOT_GRANT_ONLY_CHARITY",
  DOES_NOT_EXPORT_PROFIT = "DOES_NOT_EXPORT_PROFIT",
}
registerEnumType(StoTest, { name: "StoTest", description: "One of the network's five STO tests." });
