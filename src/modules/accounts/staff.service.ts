// What network staff (ADMIN) do with accounts: grant and remove network roles, disable and re-enable accounts. Each change
// is audited with who and why, the person is told by email, and at least one active ADMIN always remains.
import type { EntityManager } from "typeorm";
import { isAdmin, type Actor } from "../../auth/viewer";
import { Role } from "../../auth/roles";
import { User } from "../../auth/user.entity";
import { Sessions } from "../../auth/sessions";
import { inTransaction } from "../../db/transaction";
import { audit } from "../../audit/audit";
import { mail } from "../../mail/mail";
import { InputChecks } from "../../kit/input-checks";
import { notAllowed, refuse, refuseAll, Result } from "../../kit/refusals";
import { emails } from "./emails";
import type { AccountDeps } from "./account.service";

/** The network roles staff give and take (PARTNER belongs to API keys, never to people). */
export const STAFF_ROLES = [Role.ADMIN, Role.ANALYST, Role.PANEL_MEMBER];
const STAFF_ONLY = "Only the network's staff (ADMIN) manage accounts.";

function checkReason(reason: string): string {
  const c = new InputChecks();
  const r = c.text("reason", reason, { max: 2000, required: true, label: "reason" });
  if (!c.ok) refuseAll(c.errors);
  return r!;
}

/** Refuses when the change would leave no active ADMIN; active admins are locked so two such changes queue. */
async function keepAnAdmin(m: EntityManager, leavingUserId: string): Promise<void> {
  const rows: { id: string }[] = await m.query(
    "SELECT id FROM app_user WHERE 'ADMIN' = ANY(roles) AND disabled_at IS NULL AND erased_at IS NULL ORDER BY id FOR UPDATE",
  );
  if (!rows.some((r) => r.id !== leavingUserId)) {
    refuse("userId", "LAST_ADMIN", "This is the last active ADMIN; make someone else ADMIN first.");
  }
}

export class StaffService {
  constructor(private readonly app: AccountDeps) {}

  async setRole(actor: Actor, userId: string, role: Role, grant: boolean, reason: string): Promise<Result<{ user: User }>> {
    if (!isAdmin(actor.viewer)) return { errors: [notAllowed(STAFF_ONLY)] };
    if (!STAFF_ROLES.includes(role)) return { errors: [notAllowed("That role is not given to people.")] };
    const result = await inTransaction(this.app.db, async (m) => {
      const why = checkReason(reason);
      const user = await lockPerson(m, userId);
      const had = user.roles.includes(role);
      if (had === grant) refuse("role", grant ? "ALREADY_HAS_ROLE" : "DOES_NOT_HAVE_ROLE", grant ? "The person already has that role." : "The person does not have that role.");
      if (!grant && role === Role.ADMIN) await keepAnAdmin(m, user.id);
      const before = { roles: [...user.roles] };
      user.roles = grant ? [...user.roles, role] : user.roles.filter((r) => r !== role);
      await m.save(user);
      await audit.record(m, actor, { action: grant ? "account.grantRole" : "account.removeRole", entityType: "User", entityId: user.id, before, after: { roles: user.roles, reason: why } });
      await mail.queue(m, actor, emails.roleChanged(this.app.config, user.email, role, grant));
      return { user };
    });
    if ("user" in result) await this.app.sessions.accessChanged(userId);
    return result;
  }

  /** Disables (every session ends, sign-in refused) or re-enables an account. */
  async setDisabled(actor: Actor, userId: string, disable: boolean, reason: string): Promise<Result<{ user: User }>> {
    if (!isAdmin(actor.viewer)) return { errors: [notAllowed(STAFF_ONLY)] };
    const result = await inTransaction(this.app.db, async (m) => {
      const why = checkReason(reason);
      const user = await lockPerson(m, userId);
      if ((user.disabledAt !== null) === disable) refuse("userId", "WRONG_STATUS", disable ? "The account is already disabled." : "The account is not disabled.");
      if (disable && user.roles.includes(Role.ADMIN)) await keepAnAdmin(m, user.id);
      user.disabledAt = disable ? new Date() : null;
      await m.save(user);
      const ended = disable ? await Sessions.revokeInDatabase(m, user.id) : [];
      await audit.record(m, actor, {
        action: disable ? "account.disable" : "account.enable", entityType: "User", entityId: user.id,
        before: { disabled: !disable }, after: { disabled: disable, reason: why, sessionsEnded: ended.length },
      });
      await mail.queue(m, actor, emails.accountDisabled(this.app.config, user.email, disable));
      return { user, ended };
    });
    if ("errors" in result) return result;
    await this.app.sessions.forget(result.ended);
    await this.app.sessions.accessChanged(userId);
    return { user: result.user };
  }
}

async function lockPerson(m: EntityManager, userId: string): Promise<User> {
  const user = await m.findOne(User, { where: { id: userId }, lock: { mode: "pessimistic_write" } });
  if (!user || user.erasedAt) refuse("userId", "NOT_FOUND", "No account has that ID.");
  return user;
}
