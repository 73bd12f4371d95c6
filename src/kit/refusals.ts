// What a service says when it refuses: plain values (field, code, message) with nothing written. The API shows them
// as `UserError`; storage and services never import GraphQL to make them.
import { Rollback } from "../db/transaction";

export interface Refusal {
  /** Path to the input field at fault (e.g. ["offer", "amountPence"]), or null for the request as a whole. */
  field: string[] | null;
  /** Stable machine-readable code, e.g. STALE_VERSION. */
  code: string;
  /** A sentence a person can act on; it never repeats what they typed. */
  message: string;
}

/** What a use case returns: its objects, or the refusals (and then it wrote nothing). */
export type Result<T extends object> = T | { errors: Refusal[] };

export function refusal(field: string | string[] | null, code: string, message: string): Refusal {
  return { field: field === null ? null : Array.isArray(field) ? field : field.split("."), code, message };
}

export function refused<T extends object>(r: Result<T>): r is { errors: Refusal[] } {
  return "errors" in r;
}

/** Inside a transaction: roll everything back and answer with this refusal. */
export function refuse(field: string | string[] | null, code: string, message: string): never {
  throw new Rollback({ errors: [refusal(field, code, message)] });
}

/** Inside a transaction: roll everything back and answer with these refusals. */
export function refuseAll(errors: Refusal[]): never {
  throw new Rollback({ errors });
}

/** The refusal for someone who may not act: the same whether or not the object exists. */
export function notAllowed(message: string): Refusal {
  return refusal(null, "NOT_ALLOWED", message);
}
