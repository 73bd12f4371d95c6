// Declared read policy: for every type and field reachable from Query, who may see it. Each module declares its own
// types (and the fields it adds to others') in `access.policy.ts` beside its access.ts; the access matrix test
// (tests/foundation/access-matrix.test.ts) walks the whole schema as every kind of principal against the demo data
// and checks the API against these declarations. A type or field without a declaration fails that test.
//
// Rules are written against what the asker is (roles, scopes, organisations) and what ADMIN reads of the object
// through the API (its fields, and the `facts` selection a type asks for), never against tables: the policy is an
// independent statement of intent, not a second copy of the SQL.

/** Who is asking, in the API's own terms (global IDs). */
export interface Asker {
  name: string;
  /** The User's global ID, or null for anonymous callers and partner keys. */
  userId: string | null;
  roles: ReadonlySet<string>;
  /** A partner key's scopes; null for people. */
  scopes: ReadonlySet<string> | null;
  /** Organisation global ID -> the person's role in it. */
  memberships: ReadonlyMap<string, string>;
}

/**
 * What ADMIN reads of an object: its fields as the API answers them (other objects as references: type, id and plain
 * fields), its type's `facts`, and `__parents`, the ids of the objects whose fields refer to it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Facts = Record<string, any>;

/** ADMIN's reading of any other object, by global ID (to follow a reference or a parent). */
export type Lookup = (id: string) => Facts;

export type Rule = (a: Asker, o: Facts, get: Lookup) => boolean;

/** A type whose objects can be refetched (implements Node). */
export interface NodePolicy {
  /** Who gets the object: through node(id:), lists and relations alike (unless `reach` says otherwise). */
  see: Rule;
  /** Who gets the object as the value of another object's field, when that is wider than `see` (a person named on a record). */
  reach?: Rule;
  /** A GraphQL selection ADMIN reads beside the fields, for the rules (e.g. "round { panelMembers: ... }"). */
  facts?: string;
  /** Fields shown to everyone who sees the object, space-separated. */
  fields: string;
  /** Fields with a rule of their own: where it is false the field is null (or empty). */
  restricted?: Record<string, Rule>;
  /** Fields whose value depends on who asks, so they are not compared with what ADMIN reads. */
  perViewer?: string;
  /** Arguments for fields that need them, e.g. { activity: '(from: "2024-01-01", to: "2026-12-31")' }. */
  args?: Record<string, string>;
}

/** A type without identity (Money, a schedule's instalment): its fields follow the field that holds it. */
export interface PartPolicy {
  part: string;
}

/** Fields a module adds to a type another module declares (an organisation's agreements, a cluster's panels). */
export interface ExtraFields {
  extends: true;
  fields?: string;
  restricted?: Record<string, Rule>;
  perViewer?: string;
  args?: Record<string, string>;
}

export type TypePolicy = NodePolicy | PartPolicy | ExtraFields;

/** One module's declarations: type name -> policy. `Query` lists the module's root fields as ExtraFields. */
export type AccessPolicy = Record<string, TypePolicy>;

export const isPart = (p: TypePolicy): p is PartPolicy => "part" in p;
export const isExtra = (p: TypePolicy): p is ExtraFields => "extends" in p;

// The vocabulary rules are written in.

export const anyone: Rule = () => true;
export const nobody: Rule = () => false;
export const isAdmin = (a: Asker) => a.roles.has("ADMIN");
export const hasRole = (role: string) => (a: Asker) => a.roles.has(role);
export const isPerson = (a: Asker) => a.userId !== null;
export const isPartner = (a: Asker) => a.scopes !== null;
export const isSignedIn = (a: Asker) => a.userId !== null || a.scopes !== null;
/** People (signed in or not), and partner keys holding `scope`. */
export const peopleOr = (scope: string): Rule => (a) => a.scopes === null || a.scopes.has(scope);
/** Signed-in people, and partner keys holding `scope`. */
export const signedInOr = (scope: string): Rule => (a) => (a.scopes === null ? a.userId !== null : a.scopes.has(scope));

const RANK: Record<string, number> = { OWNER: 3, EDITOR: 2, VIEWER: 1 };
/** A member of the organisation (at least `atLeast`), or ADMIN. */
export function memberOf(a: Asker, organisationId: string | null | undefined, atLeast = "VIEWER"): boolean {
  if (isAdmin(a)) return true;
  const role = organisationId ? a.memberships.get(organisationId) : undefined;
  return role !== undefined && RANK[role] >= RANK[atLeast];
}
/** A member of any of the organisations (in any role), or ADMIN. */
export const memberOfAny = (a: Asker, organisationIds: Iterable<string | null | undefined>) =>
  [...organisationIds].some((o) => memberOf(a, o));

export const either = (...rules: Rule[]): Rule => (a, o, get) => rules.some((r) => r(a, o, get));
export const both = (...rules: Rule[]): Rule => (a, o, get) => rules.every((r) => r(a, o, get));

/** The ids of a connection or list of objects as ADMIN read it ({ nodes: [{ id }] } or [{ id }]). */
export function idsIn(value: unknown): string[] {
  const list = Array.isArray(value) ? value : (value as { nodes?: unknown[] } | null)?.nodes ?? [];
  return list.map((x) => (x as { id?: string } | null)?.id).filter((id): id is string => typeof id === "string");
}
