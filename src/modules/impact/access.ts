// Who may do what with impact, in one place. Aggregates are for network staff, the combined authority's analysts and
// partners with read:impact; only ADMIN sees small groups (fewer than 5 organisations) unsuppressed. An organisation's
// own figures and measurements are its members' and ADMIN's. The catalogue is public.
import { ApiScope, OrganisationRole, Role } from "../../auth/roles";
import type { DataSource, EntityManager } from "typeorm";
import { hasOrganisationRole, hasRole, isAdmin, partnerOf, Viewer } from "../../auth/viewer";
import { organisationsApi } from "../organisations/organisations.api";

/** Fewer organisations than this in a group and its figures are withheld from everyone but ADMIN. */
export const SUPPRESSION_THRESHOLD = 5;

export const impactAccess = {
  /** The catalogue of measures and their proxy values: everyone; partner keys need read:public or read:impact. */
  readCatalogue: (v: Viewer): boolean => v.scopes === null || v.scopes.has(ApiScope.READ_PUBLIC) || v.scopes.has(ApiScope.READ_IMPACT),
  /** impactSummary and regionSummary: ADMIN, ANALYST, and partner keys with read:impact. */
  readAggregates: (v: Viewer): boolean =>
    v.scopes === null ? isAdmin(v) || hasRole(v, Role.ANALYST) : v.scopes.has(ApiScope.READ_IMPACT),
  /** Whether small groups must be suppressed for this viewer: everyone but ADMIN. */
  suppressSmallGroups: (v: Viewer): boolean => !isAdmin(v),
  /** An organisation's own figures, measurements and yearly facts: ADMIN and the organisation's members. */
  readOrganisation: (v: Viewer, organisationId: string): boolean => hasOrganisationRole(v, organisationId, OrganisationRole.VIEWER),
  /** Record and correct measurements, set yearly facts: ADMIN and the organisation's owners and editors. */
  report: (v: Viewer, organisationId: string): boolean => hasOrganisationRole(v, organisationId, OrganisationRole.EDITOR),
  /**
   * Record a measurement: as `report`, and a partner key with write:measurements for the organisations its partner created
   * or was linked to (the rule of write:organisations). Asked of the database; an organisation that does not exist is
   * refused the same way as one the key may not report for.
   */
  async record(db: DataSource | EntityManager, v: Viewer, organisationId: string): Promise<boolean> {
    if (v.scopes === null) return hasOrganisationRole(v, organisationId, OrganisationRole.EDITOR);
    const partner = partnerOf(v);
    if (!partner || !v.scopes.has(ApiScope.WRITE_MEASUREMENTS)) return false;
    return organisationsApi.linkedToPartner(db, organisationId, partner);
  },
  /** Verify measurements; define measures and proxy values: ADMIN. */
  administer: (v: Viewer): boolean => isAdmin(v),
};
