// Who may do what with community-led housing: one place for the module's access rules. Schemes and their homes are
// public (the pipeline is what the dashboards watch); partnership terms and the umbrella body's costs are commercial,
// for staff, the combined authority's analysts and the members of the lead and partner organisations.
import { ApiScope, OrganisationRole, Role } from "../../auth/roles";
import { hasOrganisationRole, hasRole, isAdmin, Viewer } from "../../auth/viewer";

const actsFor = (v: Viewer, organisationId: string | null | undefined): boolean =>
  !!organisationId && hasOrganisationRole(v, organisationId, OrganisationRole.EDITOR);

interface SchemeParties {
  leadOrganisationId: string;
  partnerOrganisationId: string | null;
}

export const housingAccess = {
  /** Schemes, homes and completions: everyone; partner keys need read:public. */
  read: (v: Viewer): boolean => v.scopes === null || v.scopes.has(ApiScope.READ_PUBLIC),
  /** True when the viewer acts for some organisation or is ADMIN: anyone else changes nothing here. */
  mayActAtAll: (v: Viewer): boolean => isAdmin(v) || [...v.memberships.keys()].some((o) => actsFor(v, o)),
  /** Start a scheme: ADMIN, or the lead organisation's owners and editors. */
  start: (v: Viewer, leadOrganisationId: string): boolean => isAdmin(v) || actsFor(v, leadOrganisationId),
  /** Its details, stages, homes planned and completed: ADMIN and those acting for the lead or the partner. */
  work: (v: Viewer, s: SchemeParties): boolean => isAdmin(v) || actsFor(v, s.leadOrganisationId) || actsFor(v, s.partnerOrganisationId),
  /** Choosing the partner and agreeing its terms: ADMIN and those acting for the lead. */
  partner: (v: Viewer, s: SchemeParties): boolean => isAdmin(v) || actsFor(v, s.leadOrganisationId),
  /** Partnership terms and costs recouped: ADMIN, ANALYST, and members (any role) of the lead or the partner. */
  readTerms: (v: Viewer, s: SchemeParties): boolean =>
    isAdmin(v) || hasRole(v, Role.ANALYST) || v.memberships.has(s.leadOrganisationId) || (!!s.partnerOrganisationId && v.memberships.has(s.partnerOrganisationId)),
};
