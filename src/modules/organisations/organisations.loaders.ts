// Per-request loaders for organisations by ID (node refetch, other modules' parents); relations are in organisations.relations.ts.
import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey } from "../../graphql/loaders";
import { Organisation } from "./organisation.entity";
import { StoAssessment } from "./sto-assessment.entity";
import { Contact } from "./contact.entity";
import { EligibilityThresholds } from "./eligibility-thresholds.entity";

declare module "../../graphql/context" {
  interface Loaders {
    organisationById: DataLoader<string, Organisation | null>;
    assessmentById: DataLoader<string, StoAssessment | null>;
    contactById: DataLoader<string, Contact | null>;
    eligibilityThresholdsById: DataLoader<string, EligibilityThresholds | null>;
  }
}

export function organisationsLoaders(db: DataSource) {
  return {
    organisationById: loaderByKey(db, Organisation),
    assessmentById: loaderByKey(db, StoAssessment),
    contactById: loaderByKey(db, Contact),
    eligibilityThresholdsById: loaderByKey(db, EligibilityThresholds),
  };
}
