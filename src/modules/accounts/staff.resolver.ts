// Staff (ADMIN) manage people: list and search them, grant and remove network roles, disable and re-enable accounts.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, Info, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { ConnectionResult, PageArgs } from "../../graphql/connection";
import { Mutation, Query } from "../../graphql/operations";
import { toPayload } from "../../graphql/payloads";
import { forbidden } from "../../graphql/errors";
import { isAdmin } from "../../auth/viewer";
import { User } from "../../auth/user.entity";
import { StaffService } from "./staff.service";
import { listUsers } from "./accounts.lists";
import { UserConnection, UserPayload } from "./accounts.types";
import { SetAccountStatusInput, SetRoleInput, UserFilter } from "./accounts.inputs";

@ArgsType()
class UsersArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true }) filter?: UserFilter | null;
}

@Resolver()
export class StaffResolver {
  @Query(() => UserConnection, { description: "People with accounts, newest first (ADMIN only)." })
  users(@Args() args: UsersArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<User>> {
    if (!isAdmin(ctx.viewer)) throw forbidden("Only the network's staff (ADMIN) list people.");
    return listUsers(ctx.app.db, args, args.filter ?? {}, { ctx, info });
  }

  @Mutation(() => UserPayload, { description: "Give a person a network role (ADMIN only; audited with the reason)." })
  async grantRole(@Arg("input") input: SetRoleInput, @Ctx() ctx: Context): Promise<UserPayload> {
    return toPayload(await new StaffService(ctx.app).setRole(ctx, input.userId, input.role, true, input.reason));
  }

  @Mutation(() => UserPayload, { description: "Take a network role from a person (ADMIN only; the last active ADMIN stays)." })
  async removeRole(@Arg("input") input: SetRoleInput, @Ctx() ctx: Context): Promise<UserPayload> {
    return toPayload(await new StaffService(ctx.app).setRole(ctx, input.userId, input.role, false, input.reason));
  }

  @Mutation(() => UserPayload, { description: "Disable an account: every session ends and sign-in is refused (ADMIN only)." })
  async disableAccount(@Arg("input") input: SetAccountStatusInput, @Ctx() ctx: Context): Promise<UserPayload> {
    return toPayload(await new StaffService(ctx.app).setDisabled(ctx, input.userId, true, input.reason));
  }

  @Mutation(() => UserPayload, { description: "Re-enable a disabled account (ADMIN only)." })
  async enableAccount(@Arg("input") input: SetAccountStatusInput, @Ctx() ctx: Context): Promise<UserPayload> {
    return toPayload(await new StaffService(ctx.app).setDisabled(ctx, input.userId, false, input.reason));
  }
}
