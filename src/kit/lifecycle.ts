// Lifecycles as data: a table of allowed moves per state, and the one function that applies a move, audited.
import type { EntityManager } from "typeorm";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/viewer";
import { Refusal, refusal, refuseAll } from "./refusals";
import { touch } from "./records";
import type { Versioned } from "./versioned-record";

export interface Lifecycle<S extends string> {
  /** What people call the record, with its article: "An application", "A cluster". */
  noun: string;
  /** The audit event's entity type (the GraphQL type name). */
  entityType: string;
  /** Audit actions are `<auditAs>.move`, e.g. agreement.move. */
  auditAs: string;
  moves: Record<S, readonly S[]>;
  /** The column that holds the state (default "status"; "stage" for staged cases). */
  attribute?: "status" | "stage";
}

/** The one code for a move the lifecycle does not allow (and for anything refused because of the state). */
export const WRONG_STATUS = "WRONG_STATUS";

/** Null when `from` may become `to`; otherwise the refusal that names the moves that are allowed. */
export function checkMove<S extends string>(lifecycle: Lifecycle<S>, from: S, to: S): Refusal | null {
  const allowed = lifecycle.moves[from];
  if (allowed.includes(to)) return null;
  return refusal(null, WRONG_STATUS, allowed.length
    ? `${lifecycle.noun} that is ${from} can become ${allowed.join(" or ")}, not ${to}.`
    : `${lifecycle.noun} that is ${from} does not change any more.`);
}

/**
 * Moves `record` to `to` and saves it with `changes` as a new version, audited with both states (and whatever else the
 * move did, in `audited`). A move the table does not allow rolls the whole use case back with WRONG_STATUS.
 */
export async function applyMove<S extends string, R extends Versioned>(
  m: EntityManager, actor: Actor, lifecycle: Lifecycle<S>, record: R, to: S, changes: Partial<R> = {},
  audited: { action?: string; before?: Record<string, unknown>; after?: Record<string, unknown> } = {},
): Promise<R> {
  const attribute = lifecycle.attribute ?? "status";
  const state = record as unknown as Record<string, S>;
  const from = state[attribute];
  const problem = checkMove(lifecycle, from, to);
  if (problem) refuseAll([problem]);
  Object.assign(record, changes, { [attribute]: to });
  const saved = await m.save(touch(record));
  await audit.record(m, actor, {
    action: audited.action ?? `${lifecycle.auditAs}.move`, entityType: lifecycle.entityType, entityId: record.id,
    before: { [attribute]: from, ...audited.before }, after: { [attribute]: to, ...changes, ...audited.after },
  });
  return saved;
}
