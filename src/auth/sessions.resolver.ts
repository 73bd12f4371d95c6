// Signing out: this session, one other, or every session; a person's list of where they are signed in.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, InputType, Resolver, Root } from "type-graphql";
import type { Context } from "../graphql/context";
import { ConnectionResult, ConnectionType, PageArgs, paginate } from "../graphql/connection";
import { Mutation } from "../graphql/operations";
import { PayloadType, toPayload } from "../graphql/payloads";
import { IdField } from "../graphql/input-fields";
import { inTransaction } from "../db/transaction";
import { audit } from "../audit/audit";
import { Refusal, refusal, refuse } from "../kit/refusals";
import { Sessions } from "./sessions";
import { UserSession } from "./session.entity";
import { User } from "./user.entity";

export const SessionConnection = ConnectionType(UserSession, "Session");
const SignOutPayload = PayloadType("SignOutPayload", {}, "Nothing but userErrors: the sessions named have ended.");
type SignOutPayload = InstanceType<typeof SignOutPayload>;
const EndSessionPayload = PayloadType("EndSessionPayload", { session: () => UserSession });
type EndSessionPayload = InstanceType<typeof EndSessionPayload>;

@InputType()
class EndSessionInput {
  @IdField("Session") sessionId: string;
}

const notSignedIn = (): { errors: Refusal[] } => ({ errors: [refusal(null, "NOT_SIGNED_IN", "Sign in with your own account first.")] });

/** Ends sessions of the signed-in person and tells every process; returns the ended ids. */
async function endSessions(ctx: Context, o: { sessionIds?: string[]; action: string }): Promise<string[] | { errors: Refusal[] }> {
  const userId = ctx.viewer.userId;
  if (!userId) return notSignedIn();
  const ended = await inTransaction(ctx.app.db, async (m) => {
    const ids = await Sessions.revokeInDatabase(m, userId, { sessionIds: o.sessionIds });
    if (o.sessionIds && !ids.length) refuse("sessionId", "NOT_FOUND", "None of your live sessions has that ID.");
    await audit.record(m, ctx, { action: o.action, entityType: "User", entityId: userId, after: { sessionsEnded: ids.length } });
    return ids;
  });
  if (Array.isArray(ended)) await ctx.app.sessions.forget(ended);
  return ended;
}

@Resolver(() => UserSession)
export class SessionsResolver {
  @Mutation(() => SignOutPayload, { description: "End this session: its token stops working at once." })
  async signOut(@Ctx() ctx: Context): Promise<SignOutPayload> {
    if (!ctx.viewer.sessionId) return toPayload(notSignedIn());
    const r = await endSessions(ctx, { sessionIds: [ctx.viewer.sessionId], action: "session.signOut" });
    return toPayload(Array.isArray(r) ? {} : r);
  }

  @Mutation(() => SignOutPayload, { description: "End every session of the signed-in person, this one included." })
  async signOutEverywhere(@Ctx() ctx: Context): Promise<SignOutPayload> {
    const r = await endSessions(ctx, { action: "session.signOutEverywhere" });
    return toPayload(Array.isArray(r) ? {} : r);
  }

  @Mutation(() => EndSessionPayload, { description: "End one of your sessions (a device you no longer use)." })
  async endSession(@Arg("input") input: EndSessionInput, @Ctx() ctx: Context): Promise<EndSessionPayload> {
    const r = await endSessions(ctx, { sessionIds: [input.sessionId], action: "session.end" });
    if (!Array.isArray(r)) return toPayload<{ session: UserSession }>(r);
    return toPayload({ session: await ctx.app.db.getRepository(UserSession).findOneByOrFail({ id: input.sessionId }) });
  }

  @FieldResolver(() => Boolean, { description: "True for the session this request was made with." })
  current(@Root() s: UserSession, @Ctx() ctx: Context): boolean {
    return s.id === ctx.viewer.sessionId;
  }
}

@Resolver(() => User)
export class UserSessionsResolver {
  /** Only ever the person's own (at most one per request), so nothing to batch. */
  @FieldResolver(() => SessionConnection, { nullable: true, description: "Where the person is signed in, newest first; the person only." })
  async sessions(@Root() user: User, @Args() args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<UserSession> | null> {
    if (ctx.viewer.userId !== user.id) return null;
    const qb = ctx.app.db.getRepository(UserSession).createQueryBuilder("s")
      .where("s.user_id = :user AND s.revoked_at IS NULL AND s.expires_at > now()", { user: user.id });
    return paginate(qb, { name: "NEWEST", keys: ["s.created_at", "s.id"], direction: "DESC" }, args, { ctx, info });
  }
}
