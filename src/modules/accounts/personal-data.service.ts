// A person's own data: everything kith holds about them as JSON, and deleting the account (personal data erased, the
// row kept as a pseudonym so audit events and decisions stay whole).
import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { User } from "../../auth/user.entity";
import { Role } from "../../auth/roles";
import { Sessions } from "../../auth/sessions";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import { personalDataSources } from "../../auth/personal-data";
import { inTransaction } from "../../db/transaction";
import { audit } from "../../audit/audit";
import { refusal, refuse, Result } from "../../kit/refusals";
import { organisationsApi } from "../organisations/organisations.api";
import type { AccountDeps } from "./account.service";

export const ERASED_NAME = "Erased account";

/** Everything held about the person, as one JSON object. */
export async function personalDataOf(db: DataSource, userId: string): Promise<Record<string, unknown>> {
  const user = await db.getRepository(User).findOneByOrFail({ id: userId });
  const person = { userId, email: user.email };
  const q = (text: string, params: unknown[] = [userId]) => db.query(text, params);
  const data: Record<string, unknown> = {
    account: {
      id: user.id, email: user.email, displayName: user.displayName, roles: user.roles, createdAt: user.createdAt,
      emailVerifiedAt: user.emailVerifiedAt, disabledAt: user.disabledAt,
    },
    memberships: await membershipsOf(db, userId),
    sessions: await q(`SELECT id, client, created_at AS "createdAt", last_used_at AS "lastUsedAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"
      FROM user_session WHERE user_id = $1 ORDER BY created_at`),
    invitations: await q(`SELECT i.organisation_id AS "organisationId", i.role, i.created_at AS "createdAt", i.accepted_at AS "acceptedAt"
      FROM invitation i WHERE i.accepted_by = $1 OR lower(i.email) = lower($2) ORDER BY i.created_at`, [userId, user.email]),
    emails: await q(`SELECT kind, subject, created_at AS "createdAt", sent_at AS "sentAt" FROM outbound_email
      WHERE lower(recipient) = lower($1) ORDER BY id`, [user.email]),
    auditEvents: await q(`SELECT id, action, entity_type AS "entityType", entity_id AS "entityId", changes, occurred_at AS "occurredAt"
      FROM audit_event WHERE actor_user_id = $1 ORDER BY id`),
  };
  for (const source of personalDataSources.values()) data[source.name] = await source.collect(db, person);
  return data;
}

async function membershipsOf(db: DataSource, userId: string): Promise<unknown[]> {
  const rows: { organisationId: string; role: string; createdAt: Date }[] = await db.query(
    `SELECT organisation_id AS "organisationId", role, created_at AS "createdAt" FROM organisation_membership WHERE user_id = $1 ORDER BY created_at`,
    [userId],
  );
  const names = await organisationsApi.byIds(db, rows.map((r) => r.organisationId));
  return rows.map((r) => ({ ...r, organisationName: names.get(r.organisationId)?.name ?? null }));
}

export class PersonalDataService {
  constructor(private readonly app: AccountDeps) {}

  /**
   * Deletes the signed-in person's account: name, email and password gone, every session ended, memberships removed and
   * their personal data erased wherever a module keeps some. Audit events keep the account's id, now a pseudonym.
   */
  async deleteAccount(actor: Actor, password: string): Promise<Result<object>> {
    const userId = actor.viewer.userId;
    if (!userId) return { errors: [refusal(null, "NOT_SIGNED_IN", "Sign in with your own account first.")] };
    const result = await inTransaction(this.app.db, async (m) => {
      const user = await m.findOneOrFail(User, { where: { id: userId }, lock: { mode: "pessimistic_write" } });
      if (!(await verifyPassword(password, user.passwordHash))) refuse("password", "WRONG_PASSWORD", "That password is not right.");
      const sole = await organisationsApi.soleOwnerOf(m, userId);
      if (sole.length) refuse(null, "LAST_OWNER", `You are the last owner of ${sole.length === 1 ? "an organisation" : `${sole.length} organisations`}; make someone else OWNER first.`);
      if (user.roles.includes(Role.ADMIN)) {
        const [other] = await m.query("SELECT 1 FROM app_user WHERE 'ADMIN' = ANY(roles) AND disabled_at IS NULL AND erased_at IS NULL AND id <> $1 LIMIT 1", [userId]);
        if (!other) refuse(null, "LAST_ADMIN", "You are the last active ADMIN; make someone else ADMIN first.");
      }
      const person = { userId, email: user.email };
      for (const source of personalDataSources.values()) await source.erase?.(m, person);
      await m.query("DELETE FROM organisation_membership WHERE user_id = $1", [userId]);
      await m.query("UPDATE account_token SET used_at = now() WHERE user_id = $1 AND used_at IS NULL", [userId]);
      await m.query("UPDATE outbound_email SET body = NULL, recipient = 'erased' WHERE lower(recipient) = lower($1)", [user.email]);
      await m.query("UPDATE invitation SET email = 'erased' WHERE lower(email) = lower($1)", [user.email]);
      const ended = await Sessions.revokeInDatabase(m, userId);
      await m.query("UPDATE user_session SET client = NULL WHERE user_id = $1", [userId]);
      user.email = `erased-${user.id}@erased.invalid`;
      user.displayName = ERASED_NAME;
      user.passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
      user.roles = [];
      user.erasedAt = new Date();
      await m.save(user);
      await audit.record(m, actor, { action: "account.delete", entityType: "User", entityId: userId, after: { erased: true, sessionsEnded: ended.length } });
      return { ended };
    });
    if ("errors" in result) return result;
    await this.app.sessions.forget(result.ended);
    await this.app.sessions.accessChanged(userId);
    return {};
  }
}
