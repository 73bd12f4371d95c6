// Who is asking: a signed-in user, a partner API key, or nobody; and the questions access rules ask of them.
import { ApiScope, ORGANISATION_ROLE_RANK, OrganisationRole, Role } from "./roles";

export interface Viewer {
  userId: string | null;
  apiKeyId: string | null;
  roles: ReadonlySet<Role>;
  /** organisation id -> the viewer's role in it */
  memberships: ReadonlyMap<string, OrganisationRole>;
  /** Only API keys are limited by scopes; a user's access follows roles and memberships. */
  scopes: ReadonlySet<ApiScope> | null;
  /** The session a user's token names (sign out ends it); absent for keys, anonymous and viewers built in tests. */
  sessionId?: string | null;
  /** True for a person who has not yet verified their email: they may not submit applications or sit on a panel. */
  unverified?: boolean;
  /** The partner an API key belongs to (its keys share what the partner created or was linked to); null otherwise. */
  partnerId?: string | null;
}

export const ANONYMOUS: Viewer = {
  userId: null, apiKeyId: null, roles: new Set(), memberships: new Map(), scopes: null,
};

/** The acting party of a write: the viewer plus the request id that audit events carry. */
export interface Actor {
  viewer: Viewer;
  requestId: string;
}

export const isSignedIn = (v: Viewer): boolean => v.userId !== null || v.apiKeyId !== null;
export const isAdmin = (v: Viewer): boolean => v.roles.has(Role.ADMIN);
/**
 * The partner on whose behalf an API key acts: the key's partner, or the key itself for a key made without one
 * (createApiKey), so such a key still owns what it creates. Null for people and anonymous callers.
 */
export const partnerOf = (v: Viewer): string | null => (v.apiKeyId === null ? null : (v.partnerId ?? v.apiKeyId));
export const hasRole = (v: Viewer, role: Role): boolean => v.roles.has(role);

export function hasScope(v: Viewer, scope: ApiScope): boolean {
  if (v.scopes === null) return isSignedIn(v);
  return v.scopes.has(scope);
}

/** True when the viewer holds at least `atLeast` in the organisation. ADMIN counts as every role. */
export function hasOrganisationRole(v: Viewer, organisationId: string, atLeast: OrganisationRole): boolean {
  if (isAdmin(v)) return true;
  const role = v.memberships.get(organisationId);
  return role !== undefined && ORGANISATION_ROLE_RANK[role] >= ORGANISATION_ROLE_RANK[atLeast];
}
