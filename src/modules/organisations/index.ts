// The organisations module: the STO register, its people, identifiers and eligibility.
import type { KithModule } from "../../kith-module";
import { personalDataSources } from "../../auth/personal-data";
import { contactsOfPerson } from "./personal-data";
import { isAdmin } from "../../auth/viewer";
import { Organisation } from "./organisation.entity";
import { OrganisationIdentifier } from "./organisation-identifier.entity";
import { PlaceServed } from "./place-served.entity";
import { StoAssessment } from "./sto-assessment.entity";
import { Contact } from "./contact.entity";
import { PastMembership } from "./past-membership.entity";
import { OrganisationPartner } from "./organisation-partner.entity";
import { Organisations1763900000200 } from "./migrations/1763900000200-Organisations";
import { OrganisationSearchDocument1763900000250 } from "./migrations/1763900000250-OrganisationSearchDocument";
import { OrganisationPartners1764200000100 } from "./migrations/1764200000100-OrganisationPartners";
import { PastMemberships1764300000200 } from "./migrations/1764300000200-PastMemberships";
import { EligibilityFromRecord1765000020000 } from "./migrations/1765000020000-EligibilityFromRecord";
import { EligibilityThresholds } from "./eligibility-thresholds.entity";
import { EligibilityResolver } from "./eligibility.resolver";
import { OrganisationsResolver } from "./organisations.resolver";
import {
  ContactFieldsResolver, EligibilityThresholdsFieldsResolver, MembershipOrganisationResolver, OrganisationFieldsResolver, StoAssessmentFieldsResolver,
} from "./organisation-fields.resolver";
import { organisationsLoaders } from "./organisations.loaders";
import { assessmentRelations, contactRelations, membershipRelations, organisationRelations } from "./organisations.relations";
import { TYPO_TOLERANCE } from "./organisations.lists";
import { organisationAccess } from "./access";
import { loadDemoOrganisations } from "./organisations.demo";
import { generateScaleOrganisations } from "./organisations.scale";
import { organisationsScopes } from "./organisations.scopes";
import { organisationsPolicy } from "./access.policy";

export const organisationsModule: KithModule = {
  name: "organisations",
  scopes: organisationsScopes,
  entities: [Organisation, OrganisationIdentifier, PlaceServed, StoAssessment, Contact, PastMembership, OrganisationPartner, EligibilityThresholds],
  migrations: [Organisations1763900000200, OrganisationSearchDocument1763900000250, OrganisationPartners1764200000100, PastMemberships1764300000200, EligibilityFromRecord1765000020000],
  resolvers: [OrganisationsResolver, OrganisationFieldsResolver, StoAssessmentFieldsResolver, MembershipOrganisationResolver, ContactFieldsResolver,
    EligibilityResolver, EligibilityThresholdsFieldsResolver],
  loaders: organisationsLoaders,
  relations: [organisationRelations, assessmentRelations, membershipRelations, contactRelations].flatMap((r) => Object.values(r)),
  sessionSettings: { "pg_trgm.word_similarity_threshold": TYPO_TOLERANCE },
  accessPolicy: organisationsPolicy,
  nodeTypes: {
    Organisation: { load: (ctx, key) => ctx.loaders.organisationById.load(key) },
    StoAssessment: {
      async load(ctx, key) {
        const a = await ctx.loaders.assessmentById.load(key);
        return a && organisationAccess.seeAssessments(ctx.viewer, a.organisationId) ? a : null;
      },
    },
    EligibilityThresholds: {
      load: async (ctx, key) => (organisationAccess.readThresholds(ctx.viewer) ? ctx.loaders.eligibilityThresholdsById.load(key) : null),
    },
    Contact: {
      async load(ctx, key) {
        const c = await ctx.loaders.contactById.load(key);
        return c && organisationAccess.seePersonalData(ctx.viewer, c.organisationId) ? c : null;
      },
    },
    Membership: {
      async load(ctx, key) {
        const [m] = await ctx.app.db.query("SELECT user_id, organisation_id FROM organisation_membership WHERE id = $1", [key]);
        if (!m || !(m.user_id === ctx.viewer.userId || isAdmin(ctx.viewer) || organisationAccess.seePersonalData(ctx.viewer, m.organisation_id))) return null;
        return (await ctx.loaders.membershipsByOrganisation.load(m.organisation_id)).find((x) => x.id === key) ?? null;
      },
    },
  },
  contributes: [personalDataSources.provide(contactsOfPerson)],
  demo: loadDemoOrganisations,
  scale: generateScaleOrganisations,
};
