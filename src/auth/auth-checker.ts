// type-graphql's authChecker: roles ("ADMIN"), partner scopes ("read:funds") and per-organisation roles ("ORG:EDITOR").
import type { AuthChecker } from "type-graphql";
import type { Context } from "../graphql/context";
import { keyOf } from "../graphql/ids";
import { unauthenticated } from "../graphql/errors";
import { ApiScope, OrganisationRole, Role } from "./roles";
import { hasOrganisationRole, hasScope, isAdmin, isSignedIn } from "./viewer";

const ORG_PREFIX = "ORG:";

/**
 * The organisation a per-organisation rule is about: the `organisationId` argument (top level or in `input`),
 * or the parent object when the field sits on an Organisation or on something that belongs to one.
 */
function organisationInScope(root: unknown, args: Record<string, unknown>, parentType: string): string | null {
  const input = args.input as Record<string, unknown> | undefined;
  const arg = (args.organisationId ?? input?.organisationId) as string | undefined;
  if (typeof arg === "string") return keyOf(arg, "Organisation");
  const r = root as { id?: string; organisationId?: string } | undefined;
  if (parentType === "Organisation" && r?.id) return r.id;
  return r?.organisationId ?? null;
}

/**
 * `@Authorized()` needs any signed-in viewer. With requirements, ADMIN always passes; otherwise any one of them
 * suffices: a role the user holds, a scope the partner key holds, or a role in the organisation in scope.
 */
export const authChecker: AuthChecker<Context, string> = ({ root, args, context, info }, requirements) => {
  const viewer = context.viewer;
  // Nobody signed in: say so (401-style), rather than type-graphql's "not allowed".
  if (!isSignedIn(viewer)) throw unauthenticated();
  if (requirements.length === 0 || isAdmin(viewer)) return true;
  return requirements.some((req) => {
    if (req.startsWith(ORG_PREFIX)) {
      const orgId = organisationInScope(root, args, info.parentType.name);
      return orgId !== null && hasOrganisationRole(viewer, orgId, req.slice(ORG_PREFIX.length) as OrganisationRole);
    }
    if (req.includes(":")) return viewer.scopes !== null && hasScope(viewer, req as ApiScope);
    return viewer.roles.has(req as Role);
  });
};
