// Who may do what with impact, in one place. Aggregates are for network staff, the combined authority's analysts and
// partners with read:impact; only ADMIN sees small groups (fewer than 5 organisations) unsuppressed. An organisation's
// own figures and measurements are its members' and ADMIN's. The catalogue is public.
import { ApiScope, OrganisationRole, Role } from "../../auth/roles";
import { hasOrganisationRole, hasRole, isAdmin, Viewer } from "../../auth/viewer";

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
  /** Verify measurements; define measures and proxy values: ADMIN. */
  administer: (v: Viewer): boolean => isAdmin(v),
};
