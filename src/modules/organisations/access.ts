// Who may do what with an organisation (DESIGN.md "Access"): one place for the register's rules.
import { ApiScope, OrganisationRole, Role } from "../../auth/roles";
import { hasOrganisationRole, hasRole, isAdmin, isSignedIn, Viewer } from "../../auth/viewer";

const partnerMayWrite = (v: Viewer) => v.scopes !== null && v.scopes.has(ApiScope.WRITE_ORGANISATIONS);

export const organisationAccess = {
  /** Any signed-in person may register an organisation (and becomes its OWNER); partners need write:organisations. */
  create: (v: Viewer) => isAdmin(v) || (v.scopes === null ? isSignedIn(v) : partnerMayWrite(v)),
  edit: (v: Viewer, orgId: string) => hasOrganisationRole(v, orgId, OrganisationRole.EDITOR) || partnerMayWrite(v),
  archive: (v: Viewer, orgId: string) => hasOrganisationRole(v, orgId, OrganisationRole.OWNER),
  manageMembers: (v: Viewer, orgId: string) => hasOrganisationRole(v, orgId, OrganisationRole.OWNER),
  manageContacts: (v: Viewer, orgId: string) => hasOrganisationRole(v, orgId, OrganisationRole.EDITOR),
  assess: (v: Viewer) => isAdmin(v) || hasRole(v, Role.PANEL_MEMBER),
  /** People's names, emails and phones: the organisation's members and ADMIN; never ANALYST or PARTNER as such. */
  seePersonalData: (v: Viewer, orgId: string) => hasOrganisationRole(v, orgId, OrganisationRole.VIEWER),
  seeAssessments: (v: Viewer, orgId: string) =>
    isAdmin(v) || hasRole(v, Role.PANEL_MEMBER) || hasRole(v, Role.ANALYST) || hasOrganisationRole(v, orgId, OrganisationRole.VIEWER),
};
