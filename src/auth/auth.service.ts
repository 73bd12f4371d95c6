// Sign-in with equal-cost failures and per-email slow-down; user creation for admins and the demo.
import type { DataSource, EntityManager } from "typeorm";
import { hashPassword, verifyPassword, dummyPasswordHash } from "./passwords";
import { issueToken } from "./tokens";
import { User } from "./user.entity";
import { SignInThrottle } from "./sign-in-throttle.entity";
import { Role } from "./roles";
import { inTransaction } from "../db/transaction";
import { Refusal, refusal } from "../kit/refusals";

/** Failures allowed before each further attempt must wait; the wait doubles up to the cap. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_SECONDS = 15;
const MAX_LOCK_SECONDS = 15 * 60;
/** A quiet spell this long forgets earlier failures. */
const FAILURE_MEMORY_SECONDS = 60 * 60;

export type SignInResult = { token: string; user: User } | { errors: Refusal[] };

const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function lockSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES));
}

export class AuthService {
  constructor(private readonly db: DataSource, private readonly tokenSecret: string) {}

  async signIn(email: string, password: string, now = new Date()): Promise<SignInResult> {
    const key = normaliseEmail(email);
    const lockedUntil = await this.countAttempt(key, now);
    if (lockedUntil) {
      const wait = Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
      return { errors: [refusal(null, "TOO_MANY_ATTEMPTS", `Too many failed sign-ins for this email. Try again in ${wait} seconds.`)] };
    }
    const user = await this.db.getRepository(User).createQueryBuilder("u")
      .where("lower(u.email) = :key", { key }).getOne();
    // Unknown emails verify against a dummy hash: the same work, the same answer.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok) {
      return { errors: [refusal(null, "INVALID_CREDENTIALS", "That email and password do not match an account.")] };
    }
    await this.db.getRepository(SignInThrottle).delete({ emailKey: key });
    return { token: await issueToken(this.tokenSecret, user.id), user };
  }

  /**
   * Counts an attempt as a failure before the password is checked (a success removes the count), under a row
   * lock, and returns the lock's end when the email is locked. Counting first is what makes the lock hold
   * against guesses sent at once: each takes its turn, and those after the fifth find the email locked. The
   * price: more than five sign-ins for one email at the same instant are refused too, even right ones.
   */
  private async countAttempt(key: string, now: Date): Promise<Date | null> {
    return inTransaction(this.db, async (m) => {
      // One statement inserts or locks the row and reads it, so a concurrent success deleting it cannot slip between.
      const [row]: { failures: number; last_failure_at: Date; locked_until: Date | null }[] = await m.query(
        `INSERT INTO sign_in_throttle AS t (email_key, failures, last_failure_at) VALUES ($1, 0, $2)
         ON CONFLICT (email_key) DO UPDATE SET email_key = t.email_key
         RETURNING t.failures, t.last_failure_at, t.locked_until`,
        [key, now],
      );
      if (row.locked_until && row.locked_until > now) return row.locked_until;
      const forgotten = now.getTime() - row.last_failure_at.getTime() > FAILURE_MEMORY_SECONDS * 1000;
      const failures = forgotten ? 1 : row.failures + 1;
      const seconds = lockSeconds(failures);
      await m.query(
        "UPDATE sign_in_throttle SET failures = $2, last_failure_at = $3, locked_until = $4 WHERE email_key = $1",
        [key, failures, now, seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null],
      );
      return null;
    });
  }

  /** Creates a user (used by the demo data and tests; admin user management arrives with its own issue). */
  static async createUser(manager: EntityManager, input: { email: string; password: string; displayName: string; roles?: Role[] }): Promise<User> {
    const user = manager.create(User, {
      email: input.email.trim(),
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName,
      roles: input.roles ?? [],
    });
    return manager.save(user);
  }
}

