// Per-request loaders for organisations and what hangs off them.
import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey, loaderOfMany } from "../../graphql/loaders";
import { Organisation } from "./organisation.entity";
import { OrganisationIdentifier } from "./organisation-identifier.entity";
import { PlaceServed } from "./place-served.entity";
import { StoAssessment } from "./sto-assessment.entity";
import { Contact } from "./contact.entity";

declare module "../../graphql/context" {
  interface Loaders {
    organisationById: DataLoader<string, Organisation | null>;
    identifiersByOrganisation: DataLoader<string, OrganisationIdentifier[]>;
    placesServedByOrganisation: DataLoader<string, PlaceServed[]>;
    assessmentsByOrganisation: DataLoader<string, StoAssessment[]>;
    assessmentById: DataLoader<string, StoAssessment | null>;
    contactsByOrganisation: DataLoader<string, Contact[]>;
    contactById: DataLoader<string, Contact | null>;
  }
}

export function organisationsLoaders(db: DataSource) {
  return {
    organisationById: loaderByKey(db, Organisation),
    identifiersByOrganisation: loaderOfMany(db, OrganisationIdentifier, "organisation_id", (i) => i.organisationId, "t.value"),
    placesServedByOrganisation: loaderOfMany(db, PlaceServed, "organisation_id", (s) => s.organisationId, "t.place_id"),
    // Newest first: the first is the latest, which sets stoStatus.
    assessmentsByOrganisation: loaderOfMany(db, StoAssessment, "organisation_id", (a) => a.organisationId, "t.assessed_at", "DESC"),
    assessmentById: loaderByKey(db, StoAssessment),
    contactsByOrganisation: loaderOfMany(db, Contact, "organisation_id", (c) => c.organisationId, "t.created_at"),
    contactById: loaderByKey(db, Contact),
  };
}
