// The base of records people edit: a uuid `id`, `version` (checked as expectedVersion), `createdAt` and `updatedAt`,
// declared once.
import { Column, CreateDateColumn, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";

/** What every edited record has, whichever base declared its columns. */
export interface Versioned {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionedDescriptions {
  version?: string;
  updatedAt?: string;
}

/** The description most editable records give their version. */
export const EXPECTED_VERSION = "Increases with every change; send it back as expectedVersion when updating.";

/**
 * A base class for an entity people edit: `class Fund extends VersionedRecord({ version: EXPECTED_VERSION })`.
 * The descriptions are the type's own, so each type can say what its version counts.
 */
let bases = 0;

export function VersionedRecord(descriptions: VersionedDescriptions = {}) {
  // Never returned by a field, so never printed: it only lends its fields to the types that extend it.
  @ObjectType(`VersionedRecordBase${++bases}`)
  abstract class Record {
    /** The primary key; the API shows it as the global ID of the Node interface. */
    @PrimaryGeneratedColumn("uuid")
    id: string;

    @Field(() => Int, { description: descriptions.version })
    @Column({ type: "int", default: 1 })
    version: number;

    @Field()
    @CreateDateColumn({ name: "created_at", type: "timestamptz" })
    createdAt: Date;

    @Field({ description: descriptions.updatedAt })
    @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
    updatedAt: Date;
  }
  return Record;
}
