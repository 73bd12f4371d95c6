// audit.record: writes an audit event with the changed fields, in the caller's transaction.
import type { EntityManager } from "typeorm";
import type { Actor } from "../auth/viewer";
import { AuditEvent, FieldChanges } from "./audit-event.entity";

type Snapshot = Record<string, unknown> | null | undefined;

function comparable(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Set) return [...v];
  return v === undefined ? null : v;
}

/** Fields whose value differs between two snapshots (a create has no before; a delete no after). */
export function diff(before: Snapshot, after: Snapshot, fields?: string[]): FieldChanges {
  const keys = fields ?? [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: FieldChanges = {};
  for (const key of keys) {
    const b = comparable(before?.[key]);
    const a = comparable(after?.[key]);
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: Snapshot;
  after?: Snapshot;
  /** Limit the diff to these fields (e.g. to leave out hashes). */
  fields?: string[];
}

export const audit = {
  async record(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    await manager.save(AuditEvent, {
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      actorUserId: actor.viewer.userId,
      actorApiKeyId: actor.viewer.apiKeyId,
      changes: diff(entry.before, entry.after, entry.fields),
      requestId: actor.requestId,
    });
  },
};
