// Applying a move in a lifecycle table: refuse what the table does not allow, else change status, version and audit.
import type { EntityManager } from "typeorm";
import { audit } from "../../audit/audit";
import type { Actor } from "../../auth/viewer";
import { Rollback } from "../../db/transaction";
import { userError } from "../../graphql/errors";

export interface Lifecycle<S extends string> {
  /** What people call the record, e.g. "an application". */
  noun: string;
  entityType: string;
  /** Audit actions are `<auditAs>.move`, e.g. agreement.move. */
  auditAs: string;
  moves: Record<S, readonly S[]>;
}

interface Stateful<S> {
  id: string;
  status: S;
  version: number;
  updatedAt: Date;
}

/**
 * Moves `record` to `to` and saves it with `changes`, audited with both statuses. A move the table does not
 * allow rolls the whole use case back with a WRONG_STATUS user error.
 */
export async function applyMove<S extends string, R extends Stateful<S>>(
  m: EntityManager, actor: Actor, lifecycle: Lifecycle<S>, record: R, to: S, changes: Partial<R> = {},
): Promise<R> {
  const from = record.status;
  if (!lifecycle.moves[from].includes(to)) {
    const allowed = lifecycle.moves[from];
    throw new Rollback({ errors: [userError(null, "WRONG_STATUS", allowed.length
      ? `${lifecycle.noun} that is ${from} can become ${allowed.join(" or ")}, not ${to}.`
      : `${lifecycle.noun} that is ${from} does not change any more.`)] });
  }
  Object.assign(record, changes, { status: to, version: record.version + 1, updatedAt: new Date() });
  const saved = await m.save(record);
  await audit.record(m, actor, {
    action: `${lifecycle.auditAs}.move`, entityType: lifecycle.entityType, entityId: record.id,
    before: { status: from }, after: { status: to, ...changes },
  });
  return saved;
}
