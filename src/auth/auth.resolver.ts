// Sign-in, the viewer, and who may read a user's personal data.
import { Arg, Ctx, FieldResolver, InputType, Resolver, Root } from "type-graphql";
import type { Context } from "../graphql/context";
import { TextField } from "../graphql/input-fields";
import { Mutation, Query } from "../graphql/operations";
import { PayloadType, toPayload } from "../graphql/payloads";
import { AuthService } from "./auth.service";
import { viewerForUser } from "./authenticate";
import { User } from "./user.entity";
import { Membership } from "./membership.entity";
import { isAdmin } from "./viewer";
import { Role } from "./roles";
import { refused } from "../kit/refusals";

@InputType()
class SignInInput {
  @TextField({ max: 320 }) email: string;
  @TextField({ max: 1024 }) password: string;
}

const SignInPayload = PayloadType("SignInPayload", {
  token: { type: () => String, description: "Send as 'Authorization: Bearer <token>'." },
  viewer: () => User,
});
type SignInPayload = InstanceType<typeof SignInPayload>;

/** A user's personal data is for the person, ADMIN, and members of an organisation the user belongs to. */
async function maySeePersonalData(ctx: Context, user: User): Promise<boolean> {
  const v = ctx.viewer;
  if (v.userId === user.id || isAdmin(v)) return true;
  if (v.memberships.size === 0) return false;
  const theirs = await ctx.loaders.membershipsByUser.load(user.id);
  return theirs.some((m) => v.memberships.has(m.organisationId));
}

/**
 * What belongs to the account rather than the person's name (its network roles, when it was made): the person and
 * ADMIN, the same who may refetch the user by node(id:). A user named on a record (an assessor, a panel member, who moved
 * a case) shows no more than this to whoever reads the record: the rules live on the User type, so every relation
 * that returns a user inherits them.
 */
const mayReadAccount = (ctx: Context, user: User): boolean => ctx.viewer.userId === user.id || isAdmin(ctx.viewer);

@Resolver(() => User)
export class AuthResolver {
  @Mutation(() => SignInPayload, { description: "Exchange an email and password for a session token." })
  async signIn(@Arg("input") input: SignInInput, @Ctx() ctx: Context): Promise<SignInPayload> {
    const result = await new AuthService(ctx.app.db, ctx.app.config.tokenSecret).signIn(input.email, input.password, { address: ctx.clientAddress });
    // The payload is read as the user the new token belongs to, not as whoever sent the request.
    if (!refused(result)) ctx.viewer = (await viewerForUser(ctx.app.db, result.user.id)) ?? ctx.viewer;
    return toPayload(refused(result) ? result : { token: result.token, viewer: result.user });
  }

  @Query(() => User, { nullable: true, description: "The signed-in user; null for anonymous and partner keys." })
  viewer(@Ctx() ctx: Context): Promise<User | null> | null {
    return ctx.viewer.userId ? ctx.loaders.userById.load(ctx.viewer.userId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Personal data: the person, ADMIN and fellow members only." })
  async email(@Root() user: User, @Ctx() ctx: Context): Promise<string | null> {
    return (await maySeePersonalData(ctx, user)) ? user.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Personal data: the person, ADMIN and fellow members only." })
  async displayName(@Root() user: User, @Ctx() ctx: Context): Promise<string | null> {
    return (await maySeePersonalData(ctx, user)) ? user.displayName : null;
  }

  @FieldResolver(() => [Role], { nullable: true, description: "Network roles: the person and ADMIN only; null otherwise." })
  roles(@Root() user: User, @Ctx() ctx: Context): Role[] | null {
    return mayReadAccount(ctx, user) ? user.roles : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: "When the account was made: the person and ADMIN only; null otherwise." })
  createdAt(@Root() user: User, @Ctx() ctx: Context): Date | null {
    return mayReadAccount(ctx, user) ? user.createdAt : null;
  }

  @FieldResolver(() => [Membership], { description: "The user's organisations; visible to the person and ADMIN." })
  async memberships(@Root() user: User, @Ctx() ctx: Context): Promise<Membership[]> {
    if (!mayReadAccount(ctx, user)) return [];
    return ctx.loaders.membershipsByUser.load(user.id);
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => User, { nullable: true })
  user(@Root() m: Membership, @Ctx() ctx: Context): Promise<User | null> {
    return ctx.loaders.userById.load(m.userId);
  }
}
