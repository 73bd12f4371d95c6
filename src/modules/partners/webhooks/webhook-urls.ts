// Where webhooks may be sent: https URLs on public addresses. Outside production (development and tests) http to this
// machine is allowed too, so a receiver on localhost can be tested; production refuses it and any private address.
import { isIP } from "node:net";
import { lookup } from "node:dns/promises";
import type { NodeEnv } from "../../../config";

const PRIVATE_V4 = [/^10\./, /^127\./, /^169\.254\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^0\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./];

export function isPrivateAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^\[|\]$/g, "");
  if (isIP(a) === 4) return PRIVATE_V4.some((r) => r.test(a));
  if (isIP(a) === 6) return a === "::1" || a === "::" || /^f[cd]/.test(a) || /^fe[89ab]/.test(a) || a.startsWith("::ffff:");
  return a === "localhost" || a.endsWith(".localhost") || a.endsWith(".internal");
}

/** The problem with a webhook URL, or null when it may be used. */
export function webhookUrlProblem(raw: string, env: NodeEnv): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Give a full URL, such as https://partner.example/kith-events.";
  }
  if (url.username || url.password) return "A webhook URL cannot carry a user name or password.";
  const local = env !== "production" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) return "Webhook URLs must use https.";
  if (isPrivateAddress(url.hostname) && !local) return "Webhook URLs must point at a public address.";
  return null;
}

/** At delivery, in production: the name must not resolve to a private address (it may have changed since). */
export async function resolvesPrivately(url: string, env: NodeEnv): Promise<boolean> {
  if (env !== "production") return false;
  const { hostname } = new URL(url);
  const addresses = await lookup(hostname.replace(/^\[|\]$/g, ""), { all: true });
  return addresses.some((a) => isPrivateAddress(a.address));
}
