// The relations of organisations and their satellites, declared once for folded reads and batched loads; the
// personal-data and assessment rules of access.ts are applied in their SQL as well as on each object.
import { Membership } from "../../auth/membership.entity";
import type { Context } from "../../graphql/context";
import { rowShape } from "../../graphql/rows";
import { RelationSpec, relationsOf } from "../../graphql/relations";
import { Sql, sql } from "../../graphql/sql";
import { Place } from "../places/place.entity";
import { inScope, organisationAccess } from "./access";
import { Contact } from "./contact.entity";
import { Organisation } from "./organisation.entity";
import { OrganisationIdentifier } from "./organisation-identifier.entity";
import { StoAssessment } from "./sto-assessment.entity";
import { EligibilityThresholds } from "./eligibility-thresholds.entity";

type Db = Parameters<typeof rowShape>[0];
const columns = (db: Db, entity: abstract new () => object, alias: string) => rowShape(db, entity).select(alias);
const NEWEST_ASSESSMENT_FIRST = ["assessed_at DESC", "id DESC"];
const seeAssessments = (ctx: Context, o: object) => organisationAccess.seeAssessments(ctx.viewer, (o as Organisation).id);
const seePersonalData = (ctx: Context, o: object) => organisationAccess.seePersonalData(ctx.viewer, (o as Organisation).id);

/** A relation of another type whose `parentColumn` holds an organisation's id: that organisation. */
export function organisationOf(parentColumn: { column: string; property: string }): RelationSpec {
  return {
    kind: "one", target: () => Organisation, parentKey: parentColumn,
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, Organisation, "o")}, o.id AS __parent FROM organisation o`),
  };
}

export const organisationRelations = relationsOf("Organisation", {
  registeredPlace: {
    kind: "one", target: () => Place, parentKey: { column: "registered_place_id", property: "registeredPlaceId" },
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, Place, "p")}, p.id AS __parent FROM place p`),
  },
  placesServed: {
    kind: "many", target: () => Place, orderBy: ["name", "id"],
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, Place, "p")}, s.organisation_id AS __parent
      FROM organisation_place_served s JOIN place p ON p.id = s.place_id`),
  },
  identifiers: {
    kind: "many", target: () => OrganisationIdentifier, orderBy: ["value"],
    present: (rows) => (rows as OrganisationIdentifier[]).map((i) => i.value),
    from: () => Sql.raw("SELECT i.*, i.organisation_id AS __parent FROM organisation_identifier i"),
  },
  assessments: {
    kind: "many", target: () => StoAssessment, orderBy: NEWEST_ASSESSMENT_FIRST, visible: seeAssessments,
    from: (ctx) => sql`SELECT a.*, a.organisation_id AS __parent FROM sto_assessment a
      WHERE ${inScope(organisationAccess.assessmentScope(ctx.viewer), "a.organisation_id")}`,
  },
  latestAssessment: {
    kind: "one", target: () => StoAssessment, orderBy: NEWEST_ASSESSMENT_FIRST, visible: seeAssessments,
    from: (ctx) => sql`SELECT a.*, a.organisation_id AS __parent FROM sto_assessment a
      WHERE ${inScope(organisationAccess.assessmentScope(ctx.viewer), "a.organisation_id")}`,
  },
  memberships: {
    kind: "many", target: () => Membership, orderBy: ["created_at", "id"], visible: seePersonalData,
    from: (ctx) => sql`SELECT m.*, m.organisation_id AS __parent FROM organisation_membership m
      WHERE ${inScope(organisationAccess.personalDataScope(ctx.viewer), "m.organisation_id")}`,
  },
  contacts: {
    kind: "many", target: () => Contact, orderBy: ["created_at", "id"], visible: seePersonalData,
    from: (ctx) => sql`SELECT c.*, c.organisation_id AS __parent FROM organisation_contact c
      WHERE ${inScope(organisationAccess.personalDataScope(ctx.viewer), "c.organisation_id")}`,
  },
});

const ofOrganisation = organisationOf({ column: "organisation_id", property: "organisationId" });
const readsThresholds = (ctx: Context) => organisationAccess.readThresholds(ctx.viewer);
export const assessmentRelations = relationsOf("StoAssessment", {
  organisation: ofOrganisation,
  thresholds: {
    kind: "one", target: () => EligibilityThresholds, parentKey: { column: "thresholds_id", property: "thresholdsId" },
    visible: readsThresholds,
    from: (ctx) => Sql.raw(`SELECT ${columns(ctx.app.db, EligibilityThresholds, "t")}, t.id AS __parent FROM eligibility_thresholds t
      WHERE ${readsThresholds(ctx) ? "true" : "false"}`),
  },
});
export const membershipRelations = relationsOf("Membership", { organisation: ofOrganisation });
export const contactRelations = relationsOf("Contact", { organisation: ofOrganisation });
