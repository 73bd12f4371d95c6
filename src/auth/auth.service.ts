// Sign-in with equal-cost failures and per-email slow-down; user creation for admins and the demo.
import type { DataSource, EntityManager } from "typeorm";
import { UserError, userError } from "../graphql/errors";
import { hashPassword, verifyPassword, dummyPasswordHash } from "./passwords";
import { issueToken } from "./tokens";
import { User } from "./user.entity";
import { SignInThrottle } from "./sign-in-throttle.entity";
import { Role } from "./roles";

/** Failures allowed before each further attempt must wait; the wait doubles up to the cap. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_SECONDS = 15;
const MAX_LOCK_SECONDS = 15 * 60;
/** A quiet spell this long forgets earlier failures. */
const FAILURE_MEMORY_SECONDS = 60 * 60;

export type SignInResult = { token: string; user: User } | { errors: UserError[] };

const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function lockSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES));
}

export class AuthService {
  constructor(private readonly db: DataSource, private readonly tokenSecret: string) {}

  async signIn(email: string, password: string, now = new Date()): Promise<SignInResult> {
    const key = normaliseEmail(email);
    const throttle = await this.db.getRepository(SignInThrottle).findOneBy({ emailKey: key });
    if (throttle?.lockedUntil && throttle.lockedUntil > now) {
      const wait = Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 1000);
      return { errors: [userError(null, "TOO_MANY_ATTEMPTS", `Too many failed sign-ins for this email. Try again in ${wait} seconds.`)] };
    }
    const user = await this.db.getRepository(User).createQueryBuilder("u")
      .where("lower(u.email) = :key", { key }).getOne();
    // Unknown emails verify against a dummy hash: the same work, the same answer.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok) {
      await this.recordFailure(key, now);
      return { errors: [userError(null, "INVALID_CREDENTIALS", "That email and password do not match an account.")] };
    }
    if (throttle) await this.db.getRepository(SignInThrottle).delete({ emailKey: key });
    return { token: await issueToken(this.tokenSecret, user.id), user };
  }

  private async recordFailure(key: string, now: Date): Promise<void> {
    // One upsert keeps concurrent guesses from losing counts.
    await this.db.query(
      `INSERT INTO sign_in_throttle (email_key, failures, last_failure_at, locked_until)
       VALUES ($1, 1, $2, NULL)
       ON CONFLICT (email_key) DO UPDATE SET
         failures = CASE WHEN sign_in_throttle.last_failure_at < $2::timestamptz - make_interval(secs => $3)
                         THEN 1 ELSE sign_in_throttle.failures + 1 END,
         last_failure_at = $2`,
      [key, now, FAILURE_MEMORY_SECONDS],
    );
    const [row] = await this.db.query("SELECT failures FROM sign_in_throttle WHERE email_key = $1", [key]);
    const seconds = lockSeconds(Number(row.failures));
    if (seconds > 0) {
      await this.db.query("UPDATE sign_in_throttle SET locked_until = $2::timestamptz + make_interval(secs => $3) WHERE email_key = $1",
        [key, now, seconds]);
    }
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

