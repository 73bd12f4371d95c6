// What kith holds about a person, gathered from every module that keeps some (contacts, panel views, ...): each
// contributes a source in its KithModule, and the accounts module assembles the export and the erasure from them.
import type { DataSource, EntityManager } from "typeorm";
import { ExtensionPoint } from "../kit/extension-point";

export interface PersonalDataSource {
  /** The key under which its records appear in the export (e.g. "contacts"). */
  name: string;
  /** The person's records, as plain JSON values. */
  collect(db: DataSource | EntityManager, person: { userId: string; email: string }): Promise<unknown[]>;
  /** Erases the person's name, email and phone from these records (in the deleting transaction). */
  erase?(m: EntityManager, person: { userId: string; email: string }): Promise<void>;
}

export const personalDataSources = new ExtensionPoint<PersonalDataSource>("accounts.personalData");
