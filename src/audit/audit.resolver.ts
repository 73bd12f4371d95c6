// ADMIN pages through audit events with filters.
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Resolver, Root, Authorized } from "type-graphql";
import type { Context } from "../graphql/context";
import { ConnectionType, ConnectionResult, PageArgs, paginate } from "../graphql/connection";
import { fromGlobalId, toGlobalId } from "../graphql/ids";
import { IdField, TextField } from "../graphql/input-fields";
import { Query } from "../graphql/operations";
import { badInput } from "../graphql/errors";
import { Role } from "../auth/roles";
import { User } from "../auth/user.entity";
import { AuditEvent } from "./audit-event.entity";

@InputType()
export class AuditEventFilter {
  @TextField({ nullable: true, max: 100 }) entityType?: string;
  @Field(() => ID, { nullable: true, description: "Global ID of the changed object." }) entityId?: string;
  @IdField("User", { nullable: true, description: "Global ID of the acting user." }) actorId?: string;
  @TextField({ nullable: true, max: 100 }) action?: string;
  @Field({ nullable: true }) from?: Date;
  @Field({ nullable: true }) to?: Date;
}

@ArgsType()
class AuditEventsArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter;
}

export const AuditEventConnection = ConnectionType(AuditEvent, "AuditEvent");

const NEWEST_FIRST = { name: "id", keys: ["e.id"], direction: "DESC" as const };

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEventConnection, { description: "Audit events, newest first (ADMIN)." })
  async auditEvents(@Args() args: AuditEventsArgs, @Ctx() ctx: Context): Promise<ConnectionResult<AuditEvent>> {
    const f = args.filter ?? {};
    const qb = ctx.app.db.getRepository(AuditEvent).createQueryBuilder("e");
    if (f.entityType) qb.andWhere("e.entity_type = :entityType", { entityType: f.entityType });
    if (f.entityId) {
      const d = fromGlobalId(f.entityId);
      if (!d) throw badInput("filter.entityId is not a valid ID.");
      qb.andWhere("e.entity_type = :et AND e.entity_id = :eid", { et: d.typeName, eid: d.key });
    }
    if (f.actorId) qb.andWhere("e.actor_user_id = :actor", { actor: f.actorId });
    if (f.action) qb.andWhere("e.action = :action", { action: f.action });
    if (f.from) qb.andWhere("e.occurred_at >= :from", { from: f.from });
    if (f.to) qb.andWhere("e.occurred_at < :to", { to: f.to });
    return paginate(qb, NEWEST_FIRST, args);
  }

  @FieldResolver(() => ID, { description: "Global ID of the changed object." })
  entityId(@Root() e: AuditEvent): string {
    return toGlobalId(e.entityType, e.entityId);
  }

  @FieldResolver(() => User, { nullable: true, description: "The user who acted; null for partner keys and the system." })
  actor(@Root() e: AuditEvent, @Ctx() ctx: Context): Promise<User | null> | null {
    return e.actorUserId ? ctx.loaders.userById.load(e.actorUserId) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: "The API key that acted, if a partner did." })
  actorApiKeyId(@Root() e: AuditEvent): string | null {
    return e.actorApiKeyId ? toGlobalId("ApiKey", e.actorApiKeyId) : null;
  }
}
