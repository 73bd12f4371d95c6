// Per-request loaders for organisations and what hangs off them.
import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByKey, loaderOfMany } from "../../graphql/loaders";
import { Organisation } from "./organisation.entity";
import { OrganisationIdentifier } from "./organisation-identifier.entity";
import { Place } from "../places/place.entity";
import { StoAssessment } from "./sto-assessment.entity";
import { Contact } from "./contact.entity";

declare module "../../graphql/context" {
  interface Loaders {
    organisationById: DataLoader<string, Organisation | null>;
    identifiersByOrganisation: DataLoader<string, OrganisationIdentifier[]>;
    placesServedByOrganisation: DataLoader<string, Place[]>;
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
    placesServedByOrganisation: placesServedLoader(db),
    // Newest first: the first is the latest, which sets stoStatus.
    assessmentsByOrganisation: loaderOfMany(db, StoAssessment, "organisation_id", (a) => a.organisationId, "t.assessed_at", "DESC"),
    assessmentById: loaderByKey(db, StoAssessment),
    contactsByOrganisation: loaderOfMany(db, Contact, "organisation_id", (c) => c.organisationId, "t.created_at"),
    contactById: loaderByKey(db, Contact),
  };
}

/**
 * Places served, joined in one statement: going through placeById in a second step would make the statement count
 * depend on which places the page happened to have cached already.
 */
function placesServedLoader(db: DataSource): DataLoader<string, Place[]> {
  return new DataLoader(async (keys) => {
    const rows: { organisation_id: string; id: string; kind: Place["kind"]; code: string; name: string; parent_id: string | null }[] =
      await db.query(
        `SELECT s.organisation_id, p.id, p.kind, p.code, p.name, p.parent_id
           FROM organisation_place_served s JOIN place p ON p.id = s.place_id
          WHERE s.organisation_id = ANY($1) ORDER BY p.name, p.id`,
        [keys],
      );
    const byOrganisation = new Map<string, Place[]>();
    for (const r of rows) {
      const place = Object.assign(new Place(), { id: r.id, kind: r.kind, code: r.code, name: r.name, parentId: r.parent_id });
      byOrganisation.set(r.organisation_id, [...(byOrganisation.get(r.organisation_id) ?? []), place]);
    }
    return keys.map((k) => byOrganisation.get(k) ?? []);
  });
}
