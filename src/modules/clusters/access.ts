// Who may do what in Collaborating Communities: one place for the clusters' access rules.
//
// Facilitation is by organisation: a cluster's facilitators are its member organisations with the FACILITATOR
// role, and the people who act for a facilitating organisation are its OWNERs and EDITORs. So facilitation
// follows the organisation (a person who leaves it stops facilitating) and needs no separate list of people.
import { OrganisationRole, Role } from "../../auth/roles";
import { hasOrganisationRole, isAdmin, isSignedIn, Viewer } from "../../auth/viewer";

const actsFor = (v: Viewer, organisationId: string) => hasOrganisationRole(v, organisationId, OrganisationRole.EDITOR);

export const clusterAccess = {
  /** ADMIN starts any cluster; an organisation's owners and editors may start one their organisation facilitates. */
  create: (v: Viewer, facilitatorOrganisationId: string | null) =>
    isAdmin(v) || (facilitatorOrganisationId !== null && actsFor(v, facilitatorOrganisationId)),
  /** Update, close, record gatherings, add members, run panels: ADMIN or someone acting for a facilitator. */
  manage: (v: Viewer, facilitatorOrganisationIds: Iterable<string>) =>
    isAdmin(v) || [...facilitatorOrganisationIds].some((o) => actsFor(v, o)),
  /** Join, leave, post offers and needs, accept matches: the organisation's owners and editors (and ADMIN). */
  actFor: actsFor,
  /** Gathering notes: people in the cluster's current member organisations, and ADMIN. */
  seeNotes: (v: Viewer, memberOrganisationIds: Iterable<string>) =>
    isAdmin(v) || [...memberOrganisationIds].some((o) => hasOrganisationRole(v, o, OrganisationRole.VIEWER)),
  /** Offers, needs and exchanges are for the network: any signed-in person or partner. */
  seePeerSupport: (v: Viewer) => isSignedIn(v),
  /** An organisation's proposed matches: its own people and ADMIN. */
  seeMatches: (v: Viewer, organisationId: string) => hasOrganisationRole(v, organisationId, OrganisationRole.VIEWER),
  /** A panel: ADMIN, the people on it, and those acting for a facilitator of one of its clusters. */
  seePanel: (v: Viewer, memberUserIds: Iterable<string>, facilitatorOrganisationIds: Iterable<string>) =>
    isAdmin(v) || (v.userId !== null && [...memberUserIds].includes(v.userId))
    || [...facilitatorOrganisationIds].some((o) => actsFor(v, o)),
  /** A person may sit on a panel for no organisation only when they hold the PANEL_MEMBER role. */
  sitsWithoutOrganisation: (roles: readonly string[]) => roles.includes(Role.PANEL_MEMBER),
};
