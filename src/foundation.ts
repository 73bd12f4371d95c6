// The foundation's own part of the module list: nodes, auth, API keys, audit, idempotency keys and domain events.
import type { KithModule } from "./kith-module";
import { NodeResolver } from "./graphql/node";
import { User } from "./auth/user.entity";
import { Membership } from "./auth/membership.entity";
import { ApiKey } from "./auth/api-key.entity";
import { SignInThrottle } from "./auth/sign-in-throttle.entity";
import { AuthResolver, MembershipResolver } from "./auth/auth.resolver";
import { ApiKeysResolver } from "./auth/api-keys.resolver";
import { authLoaders } from "./auth/auth.loaders";
import { isAdmin } from "./auth/viewer";
import { AuditEvent } from "./audit/audit-event.entity";
import { AuditResolver } from "./audit/audit.resolver";
import { registerKeyShape } from "./graphql/ids";
import { Foundation1763900000000 } from "./db/migrations/1763900000000-Foundation";
import { AuditNoTruncate1763950000000 } from "./db/migrations/1763950000000-AuditNoTruncate";
import { Idempotency1763900000010 } from "./db/migrations/1763900000010-Idempotency";
import { DomainEvents1764000000000 } from "./db/migrations/1764000000000-DomainEvents";
import { ApiKeyPartner1764200000000 } from "./db/migrations/1764200000000-ApiKeyPartner";
import { IdempotencyKey } from "./db/idempotency-key.entity";
import { IdempotencyKeyExpiry1765000080000 } from "./db/migrations/1765000080000-IdempotencyKeyExpiry";
import { startIdempotencySweeper } from "./db/idempotency";
import { ApiKeyUsage } from "./auth/api-key-usage.entity";
import { ApiKeyUsage1765000080100 } from "./db/migrations/1765000080100-ApiKeyUsage";
import { ApiKeyUsageResolver } from "./auth/api-key-usage.resolver";
import { apiKeyUsageRelations } from "./auth/api-key-usage.relations";
import { loadDemoUsers } from "./demo/users.demo";
import { foundationScopes } from "./auth/auth.scopes";
import { foundationPolicy } from "./auth/access.policy";
import { UserSession } from "./auth/session.entity";
import { AccountToken } from "./auth/account-token.entity";
import { OutboundEmail } from "./mail/outbound-email.entity";
import { Accounts1764200000000 } from "./db/migrations/1764200000000-Accounts";
import { eventHandlers } from "./events/domain-events";
import { mailHandler } from "./mail/mail";
import { SessionsResolver, UserSessionsResolver } from "./auth/sessions.resolver";

registerKeyShape("AuditEvent", "bigint");

export const foundation: KithModule = {
  name: "foundation",
  scopes: foundationScopes,
  entities: [User, Membership, ApiKey, SignInThrottle, AuditEvent, IdempotencyKey, UserSession, AccountToken, OutboundEmail, ApiKeyUsage],
  migrations: [Foundation1763900000000, Idempotency1763900000010, AuditNoTruncate1763950000000, DomainEvents1764000000000, Accounts1764200000000, ApiKeyPartner1764200000000,
    IdempotencyKeyExpiry1765000080000, ApiKeyUsage1765000080100],
  contributes: [eventHandlers.provide(mailHandler)],
  workers: [(app) => startIdempotencySweeper(app.db, app.log)],
  resolvers: [NodeResolver, AuthResolver, MembershipResolver, ApiKeysResolver, AuditResolver, SessionsResolver, UserSessionsResolver, ApiKeyUsageResolver],
  relations: Object.values(apiKeyUsageRelations),
  loaders: authLoaders,
  accessPolicy: foundationPolicy,
  nodeTypes: {
    // Users are refetchable by themselves and ADMIN; personal fields keep their own rule either way.
    User: { load: async (ctx, key) => (ctx.viewer.userId === key || isAdmin(ctx.viewer) ? ctx.loaders.userById.load(key) : null) },
    // Sessions are refetchable by their person only.
    Session: {
      load: async (ctx, key) => {
        if (!ctx.viewer.userId) return null;
        return ctx.app.db.getRepository(UserSession).findOneBy({ id: key, userId: ctx.viewer.userId });
      },
    },
    ApiKey: { load: async (ctx, key) => (isAdmin(ctx.viewer) ? ctx.loaders.apiKeyById.load(key) : null) },
    AuditEvent: {
      load: async (ctx, key) => (isAdmin(ctx.viewer) ? ctx.app.db.getRepository(AuditEvent).findOneBy({ id: key }) : null),
    },
  },
  demo: loadDemoUsers,
};
