// The foundation's declared read policy (see graphql/access-policy.ts): people, keys, audit, and the shared parts.
import { AccessPolicy, anyone, Asker, Facts, isAdmin } from "../graphql/access-policy";

const self = (a: Asker, user: Facts) => a.userId !== null && a.userId === user.id;
/** Shares an organisation with the person (`orgs` is ADMIN's reading of the person's memberships). */
const fellowMember = (a: Asker, user: Facts) =>
  ((user.orgs ?? []) as { organisation: { id: string } }[]).some((m) => a.memberships.has(m.organisation.id));
const personal = (a: Asker, user: Facts) => self(a, user) || isAdmin(a) || fellowMember(a, user);
const account = (a: Asker, user: Facts) => self(a, user) || isAdmin(a);

export const foundationPolicy: AccessPolicy = {
  User: {
    // Refetched by the person and ADMIN; named on records (an assessor, a panel member, who moved a case) for whoever
    // sees the record, showing only what that viewer may see of the person.
    see: account,
    reach: anyone,
    facts: "orgs: memberships { organisation { id } }",
    fields: "id",
    restricted: { email: personal, displayName: personal, roles: account, createdAt: account, memberships: account },
  },
  // Refetched by its person only. The walk reaches sessions only through ADMIN's own viewer.sessions, so the person
  // is ADMIN here; tests/accounts/sessions-private.test.ts checks that nobody else reads a person's session.
  Session: { see: isAdmin, fields: "id client createdAt expiresAt lastUsedAt", perViewer: "current" },
  ApiKey: { see: isAdmin, fields: "id name prefix scopes createdAt lastUsedAt revokedAt usage" },
  ApiKeyUsage: { part: "requestCount queryCost lastUsedAt" },
  AuditEvent: { see: isAdmin, fields: "id action actor actorApiKeyId changes entityId entityType occurredAt requestId" },
  Money: { part: "pence currency formatted" },
  PageInfo: { part: "hasNextPage hasPreviousPage startCursor endCursor" },
  Query: {
    extends: true,
    fields: "node nodes",
    perViewer: "viewer",
    restricted: { apiKeys: isAdmin, auditEvents: isAdmin },
  },
};
