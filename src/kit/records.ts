// Editing a versioned record: load it for update, check the version the editor read, then save a new version, audited.
import type { EntityManager, EntityTarget, FindOptionsWhere } from "typeorm";
import { audit, AuditEntry } from "../audit/audit";
import type { Actor } from "../auth/viewer";
import { refuse } from "./refusals";
import type { Versioned } from "./versioned-record";

export interface RecordRef {
  /** What people call it, e.g. "organisation" ("No organisation has that ID."). */
  noun: string;
  /** The input field that named it, for the NOT_FOUND refusal. */
  field?: string;
}

/** Locks the row (FOR UPDATE) or refuses NOT_FOUND; two editors of one record queue here. */
export async function lockRecord<T extends { id: string }>(m: EntityManager, entity: EntityTarget<T>, id: string, ref: RecordRef): Promise<T> {
  const record = await m.findOne(entity, { where: { id } as FindOptionsWhere<T>, lock: { mode: "pessimistic_write" } });
  return record ?? refuse(ref.field ?? "id", "NOT_FOUND", `No ${ref.noun} has that ID.`);
}

/** Refuses STALE_VERSION when someone else changed the record since the editor read it. */
export function requireVersion(record: { version: number }, expected: number, noun: string): void {
  if (record.version !== expected) {
    refuse("expectedVersion", "STALE_VERSION",
      `Someone else changed this ${noun} first (now version ${record.version}). Reload it and apply your change again.`);
  }
}

/** Locks the record and checks the version in one step: the start of every edit. */
export async function lockForEdit<T extends Versioned>(
  m: EntityManager, entity: EntityTarget<T>, id: string, expectedVersion: number, ref: RecordRef,
): Promise<T> {
  const record = await lockRecord(m, entity, id, ref);
  requireVersion(record, expectedVersion, ref.noun);
  return record;
}

/** What a change needs of a record: some keep their creation time under another name (a panel view's recordedAt). */
type Edited = Pick<Versioned, "id" | "version" | "updatedAt">;

/** Marks a change (a new version, updatedAt now) without saving, for records saved together with other rows. */
export function touch<T extends Edited>(record: T, at = new Date()): T {
  record.version += 1;
  record.updatedAt = at;
  return record;
}

/**
 * Saves a change as a new version and audits it in the same transaction. `entityType` defaults to the entity's
 * class name, which is also its GraphQL type name.
 */
export async function saveChange<T extends Edited>(
  m: EntityManager, actor: Actor, record: T, entry: Omit<AuditEntry, "entityType" | "entityId"> & { entityType?: string },
): Promise<T> {
  const saved = await m.save(touch(record));
  await audit.record(m, actor, { entityType: record.constructor.name, entityId: record.id, ...entry });
  return saved;
}
