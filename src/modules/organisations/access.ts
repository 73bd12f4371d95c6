// Who may do what with an organisation (DESIGN.md "Access"): one place for the register's rules. Read rules are
// scopes (every organisation, or the ones listed), so the same definition answers one object and filters SQL.
import { ApiScope, OrganisationRole, Role } from "../../auth/roles";
import type { DataSource, EntityManager } from "typeorm";
import { hasOrganisationRole, hasRole, isAdmin, isSignedIn, partnerOf, Viewer } from "../../auth/viewer";
import { Sql, sql } from "../../graphql/sql";

const partnerMayWrite = (v: Viewer) => v.scopes !== null && v.scopes.has(ApiScope.WRITE_ORGANISATIONS);

/** The organisations a read rule opens to the viewer: all of them (null), or these ids. */
export type OrganisationScope = string[] | null;

const memberOrganisations = (v: Viewer): string[] => [...v.memberships.keys()];
const within = (scope: OrganisationScope, orgId: string) => scope === null || scope.includes(orgId);

/** The scope as a condition on a column holding organisation ids. */
export function inScope(scope: OrganisationScope, column: string): Sql {
  return scope === null ? Sql.raw("true") : sql`${Sql.raw(column)} = ANY(${scope})`;
}

/** People's names, emails and phones: the organisation's members and ADMIN; never ANALYST or PARTNER as such. */
const personalDataScope = (v: Viewer): OrganisationScope => (isAdmin(v) ? null : memberOrganisations(v));
/** Eligibility assessments: staff, panel members, the combined authority's analysts, and the organisation's members. */
const assessmentScope = (v: Viewer): OrganisationScope =>
  (isAdmin(v) || hasRole(v, Role.PANEL_MEMBER) || hasRole(v, Role.ANALYST) ? null : memberOrganisations(v));

export const organisationAccess = {
  /** Any signed-in person may register an organisation (and becomes its OWNER); partners need write:organisations. */
  create: (v: Viewer) => isAdmin(v) || (v.scopes === null ? isSignedIn(v) : partnerMayWrite(v)),
  /**
   * Owners, editors and ADMIN; a partner key with write:organisations only for the organisations its partner created
   * or an owner linked to it (organisation_partner). Asked of the database, so it is async; an organisation that does
   * not exist is refused the same way as one the key may not change.
   */
  async edit(db: DataSource | EntityManager, v: Viewer, orgId: string): Promise<boolean> {
    if (hasOrganisationRole(v, orgId, OrganisationRole.EDITOR)) return true;
    const partner = partnerOf(v);
    if (!partner || !partnerMayWrite(v)) return false;
    const [row] = await db.query(
      "SELECT EXISTS (SELECT 1 FROM organisation_partner WHERE organisation_id = $1 AND partner_id = $2) AS linked", [orgId, partner],
    );
    return row.linked === true;
  },
  /** Who may link an organisation to a partner, so the partner's keys may change it: its owners and ADMIN. */
  linkPartner: (v: Viewer, orgId: string) => hasOrganisationRole(v, orgId, OrganisationRole.OWNER),
  archive: (v: Viewer, orgId: string) => hasOrganisationRole(v, orgId, OrganisationRole.OWNER),
  manageMembers: (v: Viewer, orgId: string) => hasOrganisationRole(v, orgId, OrganisationRole.OWNER),
  manageContacts: (v: Viewer, orgId: string) => hasOrganisationRole(v, orgId, OrganisationRole.EDITOR),
  assess: (v: Viewer) => isAdmin(v) || hasRole(v, Role.PANEL_MEMBER),
  /** The thresholds are for those who assess against them: staff and panel members; only staff change them. */
  readThresholds: (v: Viewer) => isAdmin(v) || hasRole(v, Role.PANEL_MEMBER),
  setThresholds: (v: Viewer) => isAdmin(v),
  personalDataScope,
  assessmentScope,
  seePersonalData: (v: Viewer, orgId: string) => within(personalDataScope(v), orgId),
  seeAssessments: (v: Viewer, orgId: string) => within(assessmentScope(v), orgId),
};
