// The account lifecycle a person drives: sign up, verify the email, reset a forgotten password, change it. Answers that
// could tell whether an email has an account are the same either way; emails go through the outbox.
import type { DataSource } from "typeorm";
import type { Config } from "../../config";
import type { Actor } from "../../auth/viewer";
import { Sessions } from "../../auth/sessions";
import { TokenPurpose } from "../../auth/account-token.entity";
import { User } from "../../auth/user.entity";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import { passwordProblems } from "../../auth/password-rules";
import { inTransaction } from "../../db/transaction";
import { audit } from "../../audit/audit";
import { mail } from "../../mail/mail";
import { InputChecks } from "../../kit/input-checks";
import { refusal, refuse, refuseAll, Result } from "../../kit/refusals";
import { checkLimits, LIMITS } from "./abuse-limits";
import { consumeAccountToken, issueAccountToken } from "./account-tokens";
import { checkDisplayName, checkEmail } from "./account-rules";
import { emails } from "./emails";

export const VERIFY_EMAIL_SECONDS = 24 * 3600;
export const RESET_PASSWORD_SECONDS = 3600;

export interface AccountDeps {
  db: DataSource;
  config: Config;
  sessions: Sessions;
}

const invalidLink = (field = "token") =>
  refusal(field, "INVALID_TOKEN", "This link is not valid: it may have been used already or have expired. Ask for a new one.");

export class AccountService {
  constructor(private readonly app: AccountDeps) {}

  /**
   * Makes an unverified account and emails a verification link. An email that already has an account gets an email
   * saying so instead, and the answer is the same: nobody learns from it whether an email is registered.
   */
  async signUp(actor: Actor, address: string | null, input: { email: string; password: string; displayName: string }): Promise<Result<object>> {
    const c = new InputChecks();
    const email = checkEmail(c, "email", input.email);
    const displayName = checkDisplayName(c, input.displayName);
    if (c.ok) c.errors.push(...passwordProblems(input.password, email));
    if (!c.ok) return { errors: c.errors };
    const limited = await checkLimits(this.app.sessions.cache, LIMITS.signUp(address, email));
    if (limited) return { errors: [limited] };
    // Hashed whether or not the account exists, so both answers take the same time.
    const passwordHash = await hashPassword(input.password);
    return inTransaction(this.app.db, async (m) => {
      const [created]: { id: string }[] = await m.query(
        `INSERT INTO app_user (email, password_hash, display_name) VALUES ($1, $2, $3)
         ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
        [email, passwordHash, displayName],
      );
      if (!created) {
        const [owner]: { email: string }[] = await m.query("SELECT email FROM app_user WHERE lower(email) = $1 AND erased_at IS NULL", [email]);
        if (owner) await mail.queue(m, actor, emails.alreadyRegistered(this.app.config, owner.email));
        return {};
      }
      const token = await issueAccountToken(m, created.id, TokenPurpose.VERIFY_EMAIL, VERIFY_EMAIL_SECONDS);
      await mail.queue(m, actor, emails.verifyEmail(this.app.config, email, displayName, token));
      await audit.record(m, actor, { action: "account.signUp", entityType: "User", entityId: created.id, after: { emailVerified: false } });
      return {};
    });
  }

  /** Marks the email verified; the token works once, for 24 hours. */
  async verifyEmail(actor: Actor, token: string): Promise<Result<{ viewer: User }>> {
    const result = await inTransaction(this.app.db, async (m) => {
      const userId = await consumeAccountToken(m, token, TokenPurpose.VERIFY_EMAIL);
      if (!userId) refuseAll([invalidLink()]);
      const user = await m.findOneOrFail(User, { where: { id: userId }, lock: { mode: "pessimistic_write" } });
      if (!user.emailVerifiedAt) {
        user.emailVerifiedAt = new Date();
        await m.save(user);
        await audit.record(m, actor, { action: "account.verifyEmail", entityType: "User", entityId: user.id, before: { emailVerified: false }, after: { emailVerified: true } });
      }
      return { viewer: user };
    });
    if ("viewer" in result) await this.app.sessions.accessChanged(result.viewer.id);
    return result;
  }

  /** Emails a reset link when the email has a live account; the answer is the same for every email. */
  async requestPasswordReset(actor: Actor, address: string | null, rawEmail: string): Promise<Result<object>> {
    const c = new InputChecks();
    const email = checkEmail(c, "email", rawEmail);
    if (!c.ok) return { errors: c.errors };
    const limited = await checkLimits(this.app.sessions.cache, LIMITS.passwordReset(address, email));
    if (limited) return { errors: [limited] };
    return inTransaction(this.app.db, async (m) => {
      const user = await m.getRepository(User).createQueryBuilder("u")
        .where("lower(u.email) = :email AND u.erased_at IS NULL AND u.disabled_at IS NULL", { email }).getOne();
      if (!user) return {};
      const token = await issueAccountToken(m, user.id, TokenPurpose.RESET_PASSWORD, RESET_PASSWORD_SECONDS);
      await mail.queue(m, actor, emails.resetPassword(this.app.config, user.email, token));
      return {};
    });
  }

  /** Sets a new password from a reset link (once, within the hour) and ends every session of the person. */
  async resetPassword(actor: Actor, token: string, newPassword: string): Promise<Result<object>> {
    const result = await inTransaction(this.app.db, async (m) => {
      const userId = await consumeAccountToken(m, token, TokenPurpose.RESET_PASSWORD);
      if (!userId) refuseAll([invalidLink()]);
      const user = await m.findOneOrFail(User, { where: { id: userId }, lock: { mode: "pessimistic_write" } });
      const problems = passwordProblems(newPassword, user.email, "newPassword");
      if (problems.length) refuseAll(problems);
      user.passwordHash = await hashPassword(newPassword);
      // The link reached the mailbox: that verifies the email too.
      user.emailVerifiedAt ??= new Date();
      await m.save(user);
      const ended = await Sessions.revokeInDatabase(m, user.id);
      await audit.record(m, actor, { action: "account.resetPassword", entityType: "User", entityId: user.id, after: { sessionsEnded: ended.length } });
      await mail.queue(m, actor, emails.passwordChanged(this.app.config, user.email));
      return { ended, userId: user.id };
    });
    if ("errors" in result) return result;
    await this.app.sessions.forget(result.ended);
    await this.app.sessions.accessChanged(result.userId);
    return {};
  }

  /** Changes the signed-in person's password; every other session of theirs ends. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<Result<object>> {
    const userId = actor.viewer.userId;
    if (!userId) return { errors: [refusal(null, "NOT_SIGNED_IN", "Sign in with your own account first.")] };
    const result = await inTransaction(this.app.db, async (m) => {
      const user = await m.findOneOrFail(User, { where: { id: userId }, lock: { mode: "pessimistic_write" } });
      if (!(await verifyPassword(currentPassword, user.passwordHash))) refuse("currentPassword", "WRONG_PASSWORD", "Your current password is not right.");
      const problems = passwordProblems(newPassword, user.email, "newPassword");
      if (problems.length) refuseAll(problems);
      user.passwordHash = await hashPassword(newPassword);
      await m.save(user);
      const ended = await Sessions.revokeInDatabase(m, user.id, { except: actor.viewer.sessionId ?? null });
      await audit.record(m, actor, { action: "account.changePassword", entityType: "User", entityId: user.id, after: { sessionsEnded: ended.length } });
      await mail.queue(m, actor, emails.passwordChanged(this.app.config, user.email));
      return { ended };
    });
    if ("errors" in result) return result;
    await this.app.sessions.forget(result.ended);
    return {};
  }
}
