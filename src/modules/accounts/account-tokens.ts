// Single-use tokens sent by email: 32 random bytes shown once in a link, only their SHA-256 hash stored, consumed under
// a row lock so two uses of one link cannot both succeed.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { EntityManager } from "typeorm";
import { AccountToken, TokenPurpose } from "../../auth/account-token.entity";

export const hashToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

/** A fresh secret for a link; the caller stores `hashToken(secret)`. */
export const newSecret = (): string => randomBytes(32).toString("base64url");

/** True when two hashes are equal, taking the same time wherever they differ. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Issues a token for the person; earlier unused tokens of the same purpose stop working. */
export async function issueAccountToken(m: EntityManager, userId: string, purpose: TokenPurpose, lifetimeSeconds: number): Promise<string> {
  await m.query("UPDATE account_token SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL", [userId, purpose]);
  const secret = newSecret();
  await m.insert(AccountToken, { tokenHash: hashToken(secret), purpose, userId, expiresAt: new Date(Date.now() + lifetimeSeconds * 1000) });
  return secret;
}

/** Uses a token: the person it was for, or null when it is unknown, used, expired or of another purpose. */
export async function consumeAccountToken(m: EntityManager, secret: string, purpose: TokenPurpose): Promise<string | null> {
  const hash = hashToken(secret);
  const row = await m.findOne(AccountToken, { where: { tokenHash: hash }, lock: { mode: "pessimistic_write" } });
  if (!row || !sameHash(row.tokenHash, hash) || row.purpose !== purpose || row.usedAt || row.expiresAt <= new Date()) return null;
  await m.update(AccountToken, { tokenHash: hash }, { usedAt: new Date() });
  return row.userId;
}
