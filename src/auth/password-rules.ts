// Password rules in the spirit of NIST SP 800-63B: long enough, no composition rules, and not a password attackers try
// first (the shipped list of common passwords, the person's own email, one character or a short run repeated).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Refusal, refusal } from "../kit/refusals";

export const MIN_PASSWORD_LENGTH = 12;
/** Long passphrases are welcome; beyond this the hash is just work for nothing. */
export const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | undefined;
/** The list shipped beside this file (lower case, 6+ characters), read once. */
function commonPasswords(): Set<string> {
  common ??= new Set(readFileSync(join(__dirname, "common-passwords.txt"), "utf8").split("\n").filter((l) => l && !l.startsWith("#")));
  return common;
}

/** True when the password is a common one, or one with digits or symbols added, or a short run repeated. */
export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(p)) return true;
  // "monkey123456", "password!!!!": a listed word padded to length.
  const stem = p.replace(/[^a-z]+$/, "").replace(/^[^a-z]+/, "");
  if (stem.length >= 6 && stem !== p && list.has(stem)) return true;
  // "aaaaaaaaaaaa", "abcabcabcabc", "passwordpassword".
  if (/^(.{1,8})\1+$/.test(p)) return true;
  return false;
}

/** What is wrong with a new password (refusals on `field`), or nothing. */
export function passwordProblems(password: string, email: string | null, field = "password"): Refusal[] {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return [refusal(field, "PASSWORD_TOO_SHORT", `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters; a few words together work well.`)];
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return [refusal(field, "PASSWORD_TOO_LONG", `Keep the password to ${MAX_PASSWORD_LENGTH} characters or fewer.`)];
  }
  const lower = password.toLowerCase();
  const address = email?.trim().toLowerCase() ?? "";
  const local = address.split("@")[0] ?? "";
  if (address && (lower.includes(address) || (local.length >= 4 && lower.includes(local)))) {
    return [refusal(field, "PASSWORD_CONTAINS_EMAIL", "Choose a password that does not contain your email address.")];
  }
  if (isCommonPassword(password)) {
    return [refusal(field, "PASSWORD_TOO_COMMON", "That password is one attackers try first; choose another (a few unrelated words work well).")];
  }
  return [];
}
