// Rows read as plain data and turned into API objects without TypeORM's entity hydration: one column map per entity,
// used for rows from pg and for rows folded into JSON by PostgreSQL.
import type { DataSource, ObjectLiteral } from "typeorm";

type Entity = abstract new () => object;

interface ColumnShape {
  property: string;
  column: string;
  /** JSON has no timestamps: folded rows bring them as ISO strings. */
  timestamp: boolean;
}

export interface RowShape<T> {
  /** The selectable columns as `alias.column`, for a SELECT list (hidden columns such as tsvectors left out). */
  select(alias: string): string;
  /** Only the columns of these properties (and the id), or every column for null. */
  selectOnly(alias: string, properties: ReadonlySet<string> | null): string;
  /** A row from pg (database column names, values already typed) as an API object of the entity's class. */
  fromRow(row: Record<string, unknown>): T;
  /** A row from `row_to_json` (database column names, timestamps as strings). */
  fromJson(row: Record<string, unknown>): T;
}

const shapes = new WeakMap<object, RowShape<unknown>>();

/** Named explicitly: a lone `alias.column` would be read by TypeORM's query builder as an entity property path. */
const column = (alias: string, c: ColumnShape) => `${alias}."${c.column}" AS "${c.column}"`;

/** The shape of an entity's rows, made once per entity from TypeORM's metadata. */
export function rowShape<T extends ObjectLiteral>(db: DataSource, entity: Entity): RowShape<T> {
  const known = shapes.get(entity);
  if (known) return known as RowShape<T>;
  const meta = db.getMetadata(entity);
  const columns: ColumnShape[] = meta.columns.filter((c) => c.isSelect).map((c) => ({
    property: c.propertyName,
    column: c.databaseName,
    timestamp: c.type === "timestamptz" || c.type === "timestamp" || c.type === Date,
  }));
  const proto = (entity as unknown as { prototype: object }).prototype;
  const build = (row: Record<string, unknown>, json: boolean): T => {
    // Instances of the entity class, so type-graphql never copies them to call a field resolver.
    const object = Object.create(proto) as Record<string, unknown>;
    for (const c of columns) {
      const value = row[c.column];
      object[c.property] = json && c.timestamp && typeof value === "string" ? new Date(value) : value;
    }
    return object as T;
  };
  const shape: RowShape<T> = {
    select: (alias) => columns.map((c) => column(alias, c)).join(", "),
    selectOnly: (alias, properties) => columns.filter((c) => !properties || c.property === "id" || properties.has(c.property))
      .map((c) => column(alias, c)).join(", "),
    fromRow: (row) => build(row, false),
    fromJson: (row) => build(row, true),
  };
  shapes.set(entity, shape as RowShape<unknown>);
  return shape;
}
