// What a partner API key may ask for: each module declares, in its own `<area>.scopes.ts`, the scope a key needs for
// each of its root fields (or that keys may not use one at all). Keys are checked against these before an operation
// runs (graphql/scope-checks.ts), with an error naming the scope; people are not: their access follows roles and
// memberships. Below the root, objects keep their own access rules (access.ts), which answer null to a key without
// the scope (an organisation's agreements without read:funds), as the access matrix checks for every scope. Personal
// data has no scope: its fields answer null to every key.
import { ApiScope } from "./roles";

/** Partner keys may not use this root field, whatever their scopes (sign-in, staff tools, people's own features). */
export const NO_KEY = "no-key" as const;
/** Every partner key may use this root field, whatever its scopes (asking which partner it is). */
export const ANY_KEY = "any-key" as const;
export type KeyAccess = ApiScope | typeof NO_KEY | typeof ANY_KEY;

export interface KeyScopes {
  /** Every root field the module adds: `{ Query: { funds: ApiScope.READ_FUNDS }, Mutation: { disburse: NO_KEY } }`. */
  Query?: Record<string, KeyAccess>;
  Mutation?: Record<string, KeyAccess>;
}

/** One module's declarations, merged with the others' at start-up; a root field declared twice is a mistake. */
export function mergeKeyScopes(all: KeyScopes[]): Required<KeyScopes> {
  const merged: Required<KeyScopes> = { Query: {}, Mutation: {} };
  for (const s of all) {
    for (const part of ["Query", "Mutation"] as const) {
      for (const [name, access] of Object.entries(s[part] ?? {})) {
        if (name in merged[part]) throw new Error(`The key scope of ${part}.${name} is declared twice.`);
        (merged[part] as Record<string, KeyAccess>)[name] = access;
      }
    }
  }
  return merged;
}
