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
import { IdempotencyKey } from "./db/idempotency-key.entity";
import { loadDemoUsers } from "./demo/users.demo";
import { foundationPolicy } from "./auth/access.policy";

registerKeyShape("AuditEvent", "bigint");

export const foundation: KithModule = {
  name: "foundation",
  entities: [User, Membership, ApiKey, SignInThrottle, AuditEvent, IdempotencyKey],
  migrations: [Foundation1763900000000, Idempotency1763900000010, AuditNoTruncate1763950000000, DomainEvents1764000000000],
  resolvers: [NodeResolver, AuthResolver, MembershipResolver, ApiKeysResolver, AuditResolver],
  loaders: authLoaders,
  accessPolicy: foundationPolicy,
  nodeTypes: {
    // Users are refetchable by themselves and ADMIN; personal fields keep their own rule either way.
    User: { load: async (ctx, key) => (ctx.viewer.userId === key || isAdmin(ctx.viewer) ? ctx.loaders.userById.load(key) : null) },
    ApiKey: { load: async (ctx, key) => (isAdmin(ctx.viewer) ? ctx.loaders.apiKeyById.load(key) : null) },
    AuditEvent: {
      load: async (ctx, key) => (isAdmin(ctx.viewer) ? ctx.app.db.getRepository(AuditEvent).findOneBy({ id: key }) : null),
    },
  },
  demo: loadDemoUsers,
};
