// Checks shared by the account use cases: email addresses and display names.
import { InputChecks } from "../../kit/input-checks";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** A plausible email address (lower-cased), or a refusal on `field`. */
export function checkEmail(c: InputChecks, field: string, value: string): string {
  const email = normaliseEmail(value);
  if (!email) c.add(field, "REQUIRED", "Give an email address.");
  else if (email.length > 320 || !EMAIL.test(email)) c.add(field, "INVALID_EMAIL", "That does not look like an email address.");
  return email;
}

export function checkDisplayName(c: InputChecks, value: string): string {
  return c.text("displayName", value, { max: 200, required: true, label: "name" }) ?? "";
}
