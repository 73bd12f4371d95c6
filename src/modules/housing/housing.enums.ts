// The vocabularies of community-led housing: scheme stages, the tenures homes are let or sold on, and how they come
// about (empty homes brought back into use, or new build), as the API names them.
import { registerEnumType } from "type-graphql";

export enum HousingSchemeStage {
  GROUP_FORMING = "GROUP_FORMING",
  SITE_IDENTIFIED = "SITE_IDENTIFIED",
  OPTION_AGREED = "OPTION_AGREED",
  PLANNING = "PLANNING",
  ON_SITE = "ON_SITE",
  COMPLETED = "COMPLETED",
  LET = "LET",
}
registerEnumType(HousingSchemeStage, {
  name: "HousingSchemeStage",
  description: "GROUP_FORMING → SITE_IDENTIFIED → OPTION_AGREED → PLANNING → ON_SITE → COMPLETED (every planned home done) → LET (homes let or sold).",
});

/** Stages whose homes are all built: the pipeline is every stage before these. */
export const BUILT_STAGES: readonly HousingSchemeStage[] = [HousingSchemeStage.COMPLETED, HousingSchemeStage.LET];

export enum HomeTenure {
  SOCIAL_RENT = "SOCIAL_RENT",
  AFFORDABLE_RENT = "AFFORDABLE_RENT",
  SHARED_OWNERSHIP = "SHARED_OWNERSHIP",
  DISCOUNTED_SALE = "DISCOUNTED_SALE",
  OTHER = "OTHER",
}
registerEnumType(HomeTenure, { name: "HomeTenure", description: "On what terms a home is let or sold." });

export enum HomesRoute {
  EMPTY_HOMES = "EMPTY_HOMES",
  NEW_BUILD = "NEW_BUILD",
}
registerEnumType(HomesRoute, { name: "HomesRoute", description: "Empty homes brought back into use, or homes newly built." });
