// Sign-in with equal-cost failures, slowed down per client address and per address and email; user creation.
import type { DataSource, EntityManager } from "typeorm";
import { hashPassword, verifyPassword, dummyPasswordHash } from "./passwords";
import { Sessions } from "./sessions";
import { MemoryCache } from "./shared-cache";
import { User } from "./user.entity";
import { Role } from "./roles";
import { inTransaction } from "../db/transaction";
import { Refusal, refusal } from "../kit/refusals";

/** Failures one address may make for one email before each further attempt must wait; the wait doubles up to the cap. */
export const FREE_FAILURES = 5;
/** Failures one address may make over all emails (a password sprayed across accounts, a list of stolen ones). */
export const ADDRESS_FREE_FAILURES = 30;
const FIRST_LOCK_SECONDS = 15;
const MAX_LOCK_SECONDS = 15 * 60;
/** A quiet spell this long forgets earlier failures (and lets their rows be removed). */
export const FAILURE_MEMORY_SECONDS = 60 * 60;
/** Most rows the throttle keeps; past it the oldest go, unexpired locks last. */
export const MAX_THROTTLE_ROWS = 50_000;

export type SignInResult = { token: string; sessionId: string; user: User } | { errors: Refusal[] };

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The wait after `failures` failures, when `free` of them are allowed without one. */
function lockFor(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - free));
}

/** The wait for one email from one address after `failures` failures. */
export function lockSeconds(failures: number): number {
  return lockFor(failures, FREE_FAILURES);
}

interface Counted {
  lockedUntil: Date | null;
  /** The row was new: the table grew. */
  inserted: boolean;
}

export interface SignInOptions {
  /** The client's address (client-address.ts); null when unknown, which is counted as one address of its own. */
  address?: string | null;
  /** The client's User-Agent, shown in the person's list of sessions. */
  client?: string | null;
  now?: Date;
}

export class AuthService {
  private readonly sessions: Sessions;

  constructor(private readonly db: DataSource, tokenSecret: string, private readonly maxRows = MAX_THROTTLE_ROWS, sessions?: Sessions) {
    this.sessions = sessions ?? new Sessions(db, new MemoryCache(), tokenSecret);
  }

  async signIn(email: string, password: string, o: SignInOptions = {}): Promise<SignInResult> {
    const now = o.now ?? new Date();
    const from = o.address ?? "unknown";
    const email_ = normaliseEmail(email);
    const addressKey = `address ${from}`;
    const pairKey = `email ${from} ${email_}`;
    const { refused, grew } = await this.countAttempt(addressKey, pairKey, now);
    if (grew) await this.prune(now);
    if (refused) {
      const wait = Math.ceil((refused.until.getTime() - now.getTime()) / 1000);
      return { errors: [refusal(null, "TOO_MANY_ATTEMPTS", `Too many failed sign-ins ${refused.what}. Try again in ${wait} seconds.`)] };
    }
    const user = await this.db.getRepository(User).createQueryBuilder("u")
      .where("lower(u.email) = :key", { key: email_ }).getOne();
    // Unknown emails verify against a dummy hash: the same work, the same answer.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok || user.erasedAt) {
      return { errors: [refusal(null, "INVALID_CREDENTIALS", "That email and password do not match an account.")] };
    }
    // A success was counted as a failure up front: take it back from the address, and forget this email's failures.
    await this.db.query("DELETE FROM sign_in_throttle WHERE email_key = $1", [pairKey]);
    await this.db.query("UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0) WHERE email_key = $1", [addressKey]);
    // Only someone who knows the password learns that the account is disabled.
    if (user.disabledAt) {
      return { errors: [refusal(null, "ACCOUNT_DISABLED", "This account has been disabled; contact the network's staff.")] };
    }
    const { token, session } = await this.sessions.start(this.db, user.id, o.client ?? null);
    return { token, sessionId: session.id, user };
  }

  /**
   * Counts an attempt as a failure before the password is checked (a success takes it back), for the address and
   * then for the address and email, each under a row lock, always in that order. Counting first is what makes the
   * lock hold against guesses sent at once: each takes its turn, and those past the limit find it locked. The
   * lock is the address's own, so failures from elsewhere never keep the owner of an email out.
   */
  private async countAttempt(addressKey: string, pairKey: string, now: Date): Promise<{ refused: { until: Date; what: string } | null; grew: boolean }> {
    return inTransaction(this.db, async (m) => {
      const address = await this.count(m, addressKey, now, ADDRESS_FREE_FAILURES);
      if (address.lockedUntil) return { refused: { until: address.lockedUntil, what: "from this address" }, grew: address.inserted };
      const pair = await this.count(m, pairKey, now, FREE_FAILURES);
      return {
        refused: pair.lockedUntil ? { until: pair.lockedUntil, what: "for this email from this address" } : null,
        grew: address.inserted || pair.inserted,
      };
    });
  }

  /** Adds one failure to a row (made if new), unless it is locked; returns the lock in force before this attempt. */
  private async count(m: EntityManager, key: string, now: Date, free: number): Promise<Counted> {
    // One statement inserts or locks the row and reads it, so a concurrent success deleting it cannot slip between.
    const [row]: { failures: number; last_failure_at: Date; locked_until: Date | null; inserted: boolean }[] = await m.query(
      `INSERT INTO sign_in_throttle AS t (email_key, failures, last_failure_at) VALUES ($1, 0, $2)
       ON CONFLICT (email_key) DO UPDATE SET email_key = t.email_key
       RETURNING t.failures, t.last_failure_at, t.locked_until, (xmax = 0) AS inserted`,
      [key, now],
    );
    if (row.locked_until && row.locked_until > now) return { lockedUntil: row.locked_until, inserted: row.inserted };
    const forgotten = now.getTime() - row.last_failure_at.getTime() > FAILURE_MEMORY_SECONDS * 1000;
    const failures = forgotten ? 1 : row.failures + 1;
    const seconds = lockFor(failures, free);
    await m.query(
      "UPDATE sign_in_throttle SET failures = $2, last_failure_at = $3, locked_until = $4 WHERE email_key = $1",
      [key, failures, now, seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null],
    );
    return { lockedUntil: null, inserted: row.inserted };
  }

  /**
   * Keeps the table bounded: rows whose failures are forgotten and whose lock has passed go, and past `maxRows` the
   * oldest go too (unexpired locks last). Rows another attempt holds are skipped, so pruning never waits or deadlocks.
   */
  private async prune(now: Date): Promise<void> {
    const forgottenBefore = new Date(now.getTime() - FAILURE_MEMORY_SECONDS * 1000);
    await this.db.query(
      `DELETE FROM sign_in_throttle WHERE email_key IN (
         SELECT email_key FROM sign_in_throttle
          WHERE last_failure_at < $1 AND (locked_until IS NULL OR locked_until <= $2)
          LIMIT 1000 FOR UPDATE SKIP LOCKED)`,
      [forgottenBefore, now],
    );
    // Counting past the cap reads at most maxRows rows and sorts nothing; the sort runs only when it is exceeded.
    const over: unknown[] = await this.db.query("SELECT 1 FROM sign_in_throttle OFFSET $1 LIMIT 1", [this.maxRows]);
    if (!over.length) return;
    await this.db.query(
      `DELETE FROM sign_in_throttle WHERE email_key IN (
         SELECT email_key FROM sign_in_throttle
          ORDER BY (locked_until IS NOT NULL AND locked_until > $2), last_failure_at
          OFFSET $1 FOR UPDATE SKIP LOCKED)`,
      [this.maxRows, now],
    );
  }

  /** Creates a user with a password (the demo data, tests, sign-up and `admin:create`). */
  static async createUser(
    manager: EntityManager, input: { email: string; password: string; displayName: string; roles?: Role[]; verified?: boolean },
  ): Promise<User> {
    const user = manager.create(User, {
      email: input.email.trim(),
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName,
      roles: input.roles ?? [],
      // Staff, the demo and tests make accounts whose email is known good; sign-up makes unverified ones.
      emailVerifiedAt: input.verified === false ? null : new Date(),
    });
    return manager.save(user);
  }
}

