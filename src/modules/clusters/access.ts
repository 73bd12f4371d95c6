// Who may do what in Collaborating Communities: one place for the clusters' access rules.
//
// Facilitation is by organisation: a cluster's facilitators are its member organisations with the FACILITATOR
// role, and the people who act for a facilitating organisation are its OWNERs and EDITORs. So facilitation
// follows the organisation (a person who leaves it stops facilitating) and needs no separate list of people.
//
// Rules that lists apply inside their SQL (who sees a panel, who reads gathering notes) are written once, as the
// ways in (`Way`), and both forms come from that one definition: `allows` for one object from facts its loaders
// read, and `sql` for a list. access.test.ts checks that both agree with the API for every demo principal.
import { OrganisationRole, Role } from "../../auth/roles";
import { hasOrganisationRole, isAdmin, isSignedIn, Viewer } from "../../auth/viewer";
import { ClusterRole } from "./cluster.enums";

const actsFor = (v: Viewer, organisationId: string) => hasOrganisationRole(v, organisationId, OrganisationRole.EDITOR);

/** The organisations in which the viewer holds at least `atLeast` (ADMIN is let in before this is asked). */
const organisationsWith = (atLeast: OrganisationRole) => (v: Viewer): string[] =>
  [...v.memberships.keys()].filter((o) => hasOrganisationRole(v, o, atLeast));

/** One way in: one of the viewer's keys (their user id, organisations they act for) is among the object's keys of that kind. */
interface Way<F> {
  /** The viewer's keys of this kind. */
  viewer: (v: Viewer) => string[];
  /** The object's keys of this kind, from the facts read for one object. */
  object: (facts: F) => Iterable<string>;
  /** The object's keys of this kind in SQL: a one-column SELECT for the object whose id is the expression `id`. */
  objectSql: (id: string) => string;
}

/** A rule that lets in ADMIN, and anyone with one of its ways in. */
export interface ScopeRule<F> {
  /** For one object, from facts read through loaders (node(id:), a field). */
  allows(v: Viewer, facts: F): boolean;
  /** False when the viewer can be let in to no object at all, so callers need read nothing. */
  couldAllow(v: Viewer): boolean;
  /** For a list: a condition on the object's id expression `id`, with its named parameters (prefixed `name`). */
  sql(v: Viewer, id: string): { condition: string; params: Record<string, string[]> };
}

function scopeRule<F>(name: string, ways: Way<F>[]): ScopeRule<F> {
  return {
    allows(v, facts) {
      if (isAdmin(v)) return true;
      return ways.some((w) => {
        const mine = new Set(w.viewer(v));
        return mine.size > 0 && [...w.object(facts)].some((k) => mine.has(k));
      });
    },
    couldAllow: (v) => isAdmin(v) || ways.some((w) => w.viewer(v).length > 0),
    sql(v, id) {
      if (isAdmin(v)) return { condition: "TRUE", params: {} };
      const params: Record<string, string[]> = {};
      const conditions = ways.map((w, i) => {
        const key = `${name}${i}`;
        params[key] = w.viewer(v);
        return `EXISTS (SELECT 1 FROM (${w.objectSql(id)}) AS ${key}(key) WHERE ${key}.key = ANY(:${key}))`;
      });
      return { condition: `(${conditions.join(" OR ")})`, params };
    },
  };
}

/** What the panel rule needs to know of one panel. */
export interface PanelFacts {
  /** The people on it now. */
  sittingUserIds: Iterable<string>;
  /** The organisations facilitating any of its clusters now. */
  facilitatorOrganisationIds: Iterable<string>;
}

/** What the notes rule needs to know of one gathering. */
export interface NotesFacts {
  /** The organisations that were members of the cluster on the day it was held (UK day). */
  memberOrganisationIdsThen: Iterable<string>;
}

/** A gathering's UK day, in SQL (alias `held`, distinct from any alias of the list the rule is applied in). */
const GATHERING_DAY = "(held.starts_at AT TIME ZONE 'Europe/London')::date";

export const clusterAccess = {
  /** ADMIN starts any cluster; an organisation's owners and editors may start one their organisation facilitates. */
  create: (v: Viewer, facilitatorOrganisationId: string | null) =>
    isAdmin(v) || (facilitatorOrganisationId !== null && actsFor(v, facilitatorOrganisationId)),
  /** Update, close, record gatherings, add members, run panels: ADMIN or someone acting for a facilitator. */
  manage: (v: Viewer, facilitatorOrganisationIds: Iterable<string>) =>
    isAdmin(v) || [...facilitatorOrganisationIds].some((o) => actsFor(v, o)),
  /** Join, leave, post offers and needs, accept matches: the organisation's owners and editors (and ADMIN). */
  actFor: actsFor,
  /**
   * Gathering notes: people in the organisations that were members of the cluster on the day it was held (any role),
   * and ADMIN. An organisation that joins later does not read what was said before it came.
   */
  seeNotes: scopeRule<NotesFacts>("notes", [{
    viewer: organisationsWith(OrganisationRole.VIEWER),
    object: (f) => f.memberOrganisationIdsThen,
    objectSql: (gathering) => `SELECT then_member.organisation_id FROM gathering held
      JOIN cluster_membership then_member ON then_member.cluster_id = held.cluster_id
       AND then_member.joined_on <= ${GATHERING_DAY} AND (then_member.left_on IS NULL OR then_member.left_on > ${GATHERING_DAY})
     WHERE held.id = ${gathering}`,
  }]),
  /** Who may see and decide a cluster's requests to join: its managers (as `manage`). */
  decideJoining: (v: Viewer, facilitatorOrganisationIds: Iterable<string>) =>
    isAdmin(v) || [...facilitatorOrganisationIds].some((o) => actsFor(v, o)),
  /** A request to join: its cluster's managers, and the asking organisation's people (any role). */
  seeJoinRequest: (v: Viewer, organisationId: string, facilitatorOrganisationIds: Iterable<string>) =>
    isAdmin(v) || v.memberships.has(organisationId) || [...facilitatorOrganisationIds].some((o) => actsFor(v, o)),
  /** Offers, needs and exchanges are for the network: any signed-in person or partner. */
  seePeerSupport: (v: Viewer) => isSignedIn(v),
  /** An organisation's proposed matches: its own people and ADMIN. */
  seeMatches: (v: Viewer, organisationId: string) => hasOrganisationRole(v, organisationId, OrganisationRole.VIEWER),
  /** A panel: ADMIN, the people on it now, and those acting for an organisation facilitating one of its clusters. */
  seePanel: scopeRule<PanelFacts>("panel", [{
    viewer: (v) => (v.userId === null ? [] : [v.userId]),
    object: (f) => f.sittingUserIds,
    objectSql: (panel) => `SELECT user_id FROM peer_panel_member WHERE panel_id = ${panel} AND removed_at IS NULL`,
  }, {
    viewer: organisationsWith(OrganisationRole.EDITOR),
    object: (f) => f.facilitatorOrganisationIds,
    objectSql: (panel) => `SELECT cm.organisation_id FROM peer_panel_cluster pc
      JOIN cluster_membership cm ON cm.cluster_id = pc.cluster_id AND cm.role = '${ClusterRole.FACILITATOR}' AND cm.left_on IS NULL
     WHERE pc.panel_id = ${panel}`,
  }]),
  /** A person may sit on a panel for no organisation only when they hold the PANEL_MEMBER role. */
  sitsWithoutOrganisation: (roles: readonly string[]) => roles.includes(Role.PANEL_MEMBER),
};
