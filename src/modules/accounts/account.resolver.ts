// A person's own account: sign up, verify the email, passwords, their data and deleting the account.
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { Mutation } from "../../graphql/operations";
import { toPayload } from "../../graphql/payloads";
import { JSONObject } from "../../graphql/scalars";
import { User } from "../../auth/user.entity";
import { refused } from "../../kit/refusals";
import { AccountService } from "./account.service";
import { PersonalDataService, personalDataOf } from "./personal-data.service";
import { AccountPayload, SignUpPayload, VerifyEmailPayload } from "./accounts.types";
import { ChangePasswordInput, DeleteAccountInput, RequestPasswordResetInput, ResetPasswordInput, SignUpInput, TokenInput } from "./accounts.inputs";

@Resolver(() => User)
export class AccountResolver {
  @Mutation(() => SignUpPayload, { description: "Make an account; a verification link is emailed. The same answer whether or not the email is taken." })
  async signUp(@Arg("input") input: SignUpInput, @Ctx() ctx: Context): Promise<SignUpPayload> {
    return toPayload(await new AccountService(ctx.app).signUp(ctx, ctx.clientAddress, input));
  }

  @Mutation(() => VerifyEmailPayload, { description: "Confirm an email with the token from the verification email (once, within 24 hours)." })
  async verifyEmail(@Arg("input") input: TokenInput, @Ctx() ctx: Context): Promise<VerifyEmailPayload> {
    const result = await new AccountService(ctx.app).verifyEmail(ctx, input.token);
    // The payload is read as the person the token was for: the link proved the mailbox is theirs.
    if (!refused(result) && ctx.viewer.userId !== result.viewer.id) {
      ctx.viewer = { userId: result.viewer.id, apiKeyId: null, roles: new Set(), memberships: new Map(), scopes: null };
    }
    return toPayload(result);
  }

  @Mutation(() => AccountPayload, { description: "Email a password reset link (valid for an hour). The same answer for every email." })
  async requestPasswordReset(@Arg("input") input: RequestPasswordResetInput, @Ctx() ctx: Context): Promise<AccountPayload> {
    return toPayload(await new AccountService(ctx.app).requestPasswordReset(ctx, ctx.clientAddress, input.email));
  }

  @Mutation(() => AccountPayload, { description: "Choose a new password with the token from the reset email; every session ends." })
  async resetPassword(@Arg("input") input: ResetPasswordInput, @Ctx() ctx: Context): Promise<AccountPayload> {
    return toPayload(await new AccountService(ctx.app).resetPassword(ctx, input.token, input.newPassword));
  }

  @Mutation(() => AccountPayload, { description: "Change your password; your other sessions end." })
  async changePassword(@Arg("input") input: ChangePasswordInput, @Ctx() ctx: Context): Promise<AccountPayload> {
    return toPayload(await new AccountService(ctx.app).changePassword(ctx, input.currentPassword, input.newPassword));
  }

  @Mutation(() => AccountPayload, { description: "Delete your account: your personal data is erased and every session ends." })
  async deleteAccount(@Arg("input") input: DeleteAccountInput, @Ctx() ctx: Context): Promise<AccountPayload> {
    return toPayload(await new PersonalDataService(ctx.app).deleteAccount(ctx, input.password));
  }

  @FieldResolver(() => JSONObject, { nullable: true, description: "Everything kith holds about you, as JSON; the person only." })
  async personalData(@Root() user: User, @Ctx() ctx: Context): Promise<Record<string, unknown> | null> {
    return ctx.viewer.userId === user.id ? personalDataOf(ctx.app.db, user.id) : null;
  }
}
