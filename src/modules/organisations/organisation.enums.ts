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
