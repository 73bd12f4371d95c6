// Who may do what with funds (issue 6 "Roles"): applicants for their organisation, panel members for their round,
// ADMIN for money, partners with read:funds for funds and agreements. One place for the fund's access rules.
import { ApiScope, OrganisationRole, Role } from "../../auth/roles";
import { hasOrganisationRole, hasRole, isAdmin, Viewer } from "../../auth/viewer";
import { ApplicationStatus } from "./funds.enums";

const partnerReadsFunds = (v: Viewer) => v.scopes !== null && v.scopes.has(ApiScope.READ_FUNDS);

export const fundAccess = {
  /** Funds and their figures are public money: anyone may read them, partner keys with read:funds. */
  readFunds: (v: Viewer) => v.scopes === null || partnerReadsFunds(v),
  /** Creating funds and rounds and every movement of money: network staff only. */
  manage: (v: Viewer) => isAdmin(v),
  /** Every agreement: staff, the combined authority's analysts, panel members and partners with read:funds. */
  readAllAgreements: (v: Viewer) => isAdmin(v) || hasRole(v, Role.ANALYST) || hasRole(v, Role.PANEL_MEMBER) || partnerReadsFunds(v),
  readAgreementsOf: (v: Viewer, organisationId: string) =>
    fundAccess.readAllAgreements(v) || hasOrganisationRole(v, organisationId, OrganisationRole.VIEWER),
  /** Drafting, submitting, withdrawing, accepting offers and claiming social repayment: owners and editors. */
  actFor: (v: Viewer, organisationId: string) => hasOrganisationRole(v, organisationId, OrganisationRole.EDITOR),
  /** An application: its organisation's members and ADMIN; the round's panel once it is submitted (drafts stay private). */
  readApplication: (v: Viewer, a: { organisationId: string; status: ApplicationStatus }, onRoundPanel: boolean) =>
    hasOrganisationRole(v, a.organisationId, OrganisationRole.VIEWER) || (onRoundPanel && a.status !== ApplicationStatus.DRAFT),
  /** Individual views: the round's panel and ADMIN. Applicants see the decision and its reasons. */
  readPanelViews: (v: Viewer, onRoundPanel: boolean) => isAdmin(v) || onRoundPanel,
};
