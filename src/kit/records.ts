// Editing a versioned record: load it for update, check the version the editor read, then save a new version, audited.
import type { EntityManager, EntityTarget, FindOptionsWhere } from "typeorm";
import { audit, AuditEntry } from "../audit/audit";
import { isAdmin, isSignedIn, type Actor } from "../auth/viewer";
import { notAllowed, refuse, refuseAll } from "./refusals";
import type { Versioned } from "./versioned-record";

export interface RecordRef {
  /** What people call it, e.g. "organisation" ("No organisation has that ID."). */
  noun: string;
  /** The input field that named it, for the NOT_FOUND refusal. */
  field?: string;
}

/** Who may act on one record, decided from the record as it stands. */
export interface ActRule<T> {
  /** Whether the actor may act on this record (its organisation's editors, its round's panel, ADMIN...). */
  allows(m: EntityManager, actor: Actor, record: T): boolean | Promise<boolean>;
  /** What everyone else is told: the same sentence whether or not the record exists. */
  refusal: string;
}

/**
 * Access first, the start of every use case on one record: decides whether the actor may act on it from a plain read
 * (no lock), before anything is locked, versions compared or states checked. Someone who may not act is told the
 * rule's NOT_ALLOWED whether or not the record exists, so a refusal says nothing of other people's records; anonymous
 * callers are refused before anything is read. Only ADMIN, who may act on every record, is told NOT_FOUND.
 * Returns the record as read, unlocked: lock it next, in the use case's lock order (`lockRecord`, `lockForEdit`).
 */
export async function allowedFirst<T extends { id: string }>(
  m: EntityManager, actor: Actor, entity: EntityTarget<T>, id: string, rule: ActRule<T>, ref: RecordRef,
): Promise<T> {
  // (The system acting as ADMIN, in demo data and tools, is signed in as nobody.)
  if (!isSignedIn(actor.viewer) && !isAdmin(actor.viewer)) refuseAll([notAllowed(rule.refusal)]);
  const record = await m.findOne(entity, { where: { id } as FindOptionsWhere<T> });
  if (!record) return isAdmin(actor.viewer) ? refuse(ref.field ?? "id", "NOT_FOUND", `No ${ref.noun} has that ID.`) : refuseAll([notAllowed(rule.refusal)]);
  if (!(await rule.allows(m, actor, record))) refuseAll([notAllowed(rule.refusal)]);
  return record;
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

/**
 * Locks the record and checks the version in one step: the start of every edit. With a rule, access comes first
 * (`allowedFirst`): nothing is locked and no version is told to someone who may not act.
 */
export async function lockForEdit<T extends Versioned>(
  m: EntityManager, entity: EntityTarget<T>, id: string, expectedVersion: number, ref: RecordRef & { actor?: Actor; rule?: ActRule<T> },
): Promise<T> {
  if (ref.rule && ref.actor) await allowedFirst(m, ref.actor, entity, id, ref.rule, ref);
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
