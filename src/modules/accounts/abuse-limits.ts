// Limits per client address and per email on sign-up, password resets and invitations, counted in the shared cache
// (Redis across processes), so one address or one target cannot be used to flood people with email.
import type { SharedCache } from "../../auth/shared-cache";
import { Refusal, refusal } from "../../kit/refusals";

const HOUR = 3600;
const DAY = 24 * HOUR;

export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

/** The limits of each action, given who asks (address, person) and about whom (email). */
export const LIMITS = {
  signUp: (address: string | null, email: string): Limit[] => [
    { key: `sign-up:address:${address ?? "unknown"}`, max: 20, windowSeconds: HOUR },
    { key: `sign-up:email:${email}`, max: 3, windowSeconds: HOUR },
  ],
  passwordReset: (address: string | null, email: string): Limit[] => [
    { key: `reset:address:${address ?? "unknown"}`, max: 20, windowSeconds: HOUR },
    { key: `reset:email:${email}`, max: 3, windowSeconds: HOUR },
  ],
  invitation: (address: string | null, inviter: string, email: string): Limit[] => [
    { key: `invite:address:${address ?? "unknown"}`, max: 60, windowSeconds: HOUR },
    { key: `invite:inviter:${inviter}`, max: 50, windowSeconds: DAY },
    { key: `invite:email:${email}`, max: 5, windowSeconds: DAY },
  ],
};

/** Counts this attempt against every limit; a refusal (the same whoever it is about) when any is exceeded. */
export async function checkLimits(cache: SharedCache, limits: Limit[]): Promise<Refusal | null> {
  let over = false;
  for (const l of limits) if ((await cache.increment(l.key, l.windowSeconds)) > l.max) over = true;
  return over ? refusal(null, "TOO_MANY_REQUESTS", "Too many requests like this one; wait a while and try again.") : null;
}
