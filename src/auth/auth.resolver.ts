// Sign-in, the viewer, and who may read a user's personal data.
import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { MaxLength } from "class-validator";
import type { Context } from "../graphql/context";
import { UserError } from "../graphql/errors";
import { AuthService } from "./auth.service";
import { viewerForUser } from "./authenticate";
import { User } from "./user.entity";
import { Membership } from "./membership.entity";
import { isAdmin } from "./viewer";

@InputType()
class SignInInput {
  @Field() @MaxLength(320) email: string;
  @Field() @MaxLength(1024) password: string;
}

@ObjectType()
class SignInPayload {
  @Field(() => String, { nullable: true, description: "Send as 'Authorization: Bearer <token>'." }) token: string | null;
  @Field(() => User, { nullable: true }) viewer: User | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

/** A user's personal data is for the person, ADMIN, and members of an organisation the user belongs to. */
async function maySeePersonalData(ctx: Context, user: User): Promise<boolean> {
  const v = ctx.viewer;
  if (v.userId === user.id || isAdmin(v)) return true;
  if (v.memberships.size === 0) return false;
  const theirs = await ctx.loaders.membershipsByUser.load(user.id);
  return theirs.some((m) => v.memberships.has(m.organisationId));
}

@Resolver(() => User)
export class AuthResolver {
  @Mutation(() => SignInPayload, { description: "Exchange an email and password for a session token." })
  async signIn(@Arg("input") input: SignInInput, @Ctx() ctx: Context): Promise<SignInPayload> {
    const result = await new AuthService(ctx.app.db, ctx.app.config.tokenSecret).signIn(input.email, input.password);
    if ("errors" in result) return { token: null, viewer: null, userErrors: result.errors };
    // The payload is read as the user the new token belongs to, not as whoever sent the request.
    ctx.viewer = (await viewerForUser(ctx.app.db, result.user.id)) ?? ctx.viewer;
    return { token: result.token, viewer: result.user, userErrors: [] };
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

  @FieldResolver(() => [Membership], { description: "The user's organisations; visible to the person and ADMIN." })
  async memberships(@Root() user: User, @Ctx() ctx: Context): Promise<Membership[]> {
    if (ctx.viewer.userId !== user.id && !isAdmin(ctx.viewer)) return [];
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
