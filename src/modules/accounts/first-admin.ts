// The first ADMIN of a production deployment (no demo data there): made from the command line with a one-time link to
// choose a password; an existing account with that email is made ADMIN instead. Audited like any staff change.
import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Config } from "../../config";
import { ANONYMOUS, type Actor } from "../../auth/viewer";
import { AuthService } from "../../auth/auth.service";
import { User } from "../../auth/user.entity";
import { Role } from "../../auth/roles";
import { TokenPurpose } from "../../auth/account-token.entity";
import { inTransaction } from "../../db/transaction";
import { audit } from "../../audit/audit";
import { InputChecks } from "../../kit/input-checks";
import { issueAccountToken } from "./account-tokens";
import { checkDisplayName, checkEmail } from "./account-rules";

/** The set-password link lives a day: long enough to reach the person, short enough not to linger. */
const SET_PASSWORD_SECONDS = 24 * 3600;
const SYSTEM: Actor = { viewer: ANONYMOUS, requestId: "admin:create" };

export async function createAdmin(db: DataSource, config: Pick<Config, "appUrl">, rawEmail: string, rawName: string): Promise<{ link: string; created: boolean }> {
  const c = new InputChecks();
  const email = checkEmail(c, "email", rawEmail);
  const name = checkDisplayName(c, rawName);
  if (!c.ok) throw new Error(c.errors.map((e) => e.message).join(" "));
  return inTransaction(db, async (m) => {
    let user = await m.getRepository(User).createQueryBuilder("u").setLock("pessimistic_write")
      .where("lower(u.email) = :email AND u.erased_at IS NULL", { email }).getOne();
    const created = !user;
    if (!user) {
      user = await AuthService.createUser(m, { email, displayName: name, password: randomBytes(32).toString("base64url"), roles: [Role.ADMIN] });
    } else if (!user.roles.includes(Role.ADMIN)) {
      user.roles = [...user.roles, Role.ADMIN];
      user.disabledAt = null;
      await m.save(user);
    }
    await audit.record(m, SYSTEM, {
      action: created ? "account.createAdmin" : "account.grantRole", entityType: "User", entityId: user.id,
      after: { roles: user.roles, reason: "npm run admin:create" },
    });
    const token = await issueAccountToken(m, user.id, TokenPurpose.RESET_PASSWORD, SET_PASSWORD_SECONDS);
    return { link: `${config.appUrl}/reset-password?token=${encodeURIComponent(token)}`, created };
  });
}
