// DataLoader builders: batch by key with `= ANY($1)`, results in key order (null or [] for misses); nested pages per parent.
import DataLoader from "dataloader";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import type { ConnectionResult, PageArgs } from "./connection";

/** One row per key: `SELECT * FROM <entity> WHERE <column> = ANY($1)`. */
export function loaderByKey<T extends ObjectLiteral>(
  db: DataSource, entity: EntityTarget<T>, column = "id", keyOf: (row: T) => string = (row) => String(row.id),
): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const rows = await db.getRepository(entity).createQueryBuilder("t")
      .where(`t.${column} = ANY(:keys)`, { keys: [...keys] }).getMany();
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** Many rows per key, e.g. all memberships of each organisation, in `orderBy` order. */
export function loaderOfMany<T extends ObjectLiteral>(
  db: DataSource, entity: EntityTarget<T>, column: string, keyOf: (row: T) => string, orderBy: string,
  direction: "ASC" | "DESC" = "ASC",
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await db.getRepository(entity).createQueryBuilder("t")
      .where(`t.${column} = ANY(:keys)`, { keys: [...keys] }).orderBy(orderBy, direction).getMany();
    const grouped = new Map<string, T[]>();
    for (const r of rows) {
      const k = keyOf(r);
      if (!grouped.has(k)) grouped.set(k, []);
      grouped.get(k)!.push(r);
    }
    return keys.map((k) => grouped.get(k) ?? []);
  });
}

/** Loads one page of a nested connection per parent; parents asking with the same arguments share one batch. */
export interface PageLoader<T, A extends PageArgs = PageArgs> {
  load(parentKey: string, args: A): Promise<ConnectionResult<T>>;
}

/**
 * A per-request loader behind a nested connection such as `organisation.clusters(first: 5)`: `pages` runs once per
 * distinct set of arguments with every parent key that asked (use `paginateByParent`), so a list of N parents costs
 * one statement, not N.
 */
export function pageLoader<T, A extends PageArgs = PageArgs>(
  pages: (parentKeys: readonly string[], args: A) => Promise<ConnectionResult<T>[]>,
): PageLoader<T, A> {
  const byArgs = new Map<string, DataLoader<string, ConnectionResult<T>>>();
  return {
    load(parentKey, args) {
      const key = JSON.stringify(args);
      let loader = byArgs.get(key);
      if (!loader) {
        loader = new DataLoader((keys) => pages(keys, args));
        byArgs.set(key, loader);
      }
      return loader.load(parentKey);
    },
  };
}

/** Builds entities from raw rows of their table (database column names), for loaders that page with raw SQL. */
export function rowsToEntities<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>): (row: Record<string, unknown>) => T {
  const meta = db.getMetadata(entity);
  return (row) => {
    const e = meta.create() as Record<string, unknown>;
    for (const c of meta.columns) e[c.propertyName] = row[c.databaseName];
    return e as T;
  };
}

/** A loader from a function that answers a whole batch as a map (keys it leaves out answer `fallback`). */
export function loaderFromMap<V>(load: (keys: readonly string[]) => Promise<Map<string, V>>, fallback: V): DataLoader<string, V> {
  return new DataLoader(async (keys) => {
    const found = await load(keys);
    return keys.map((k) => found.get(k) ?? fallback);
  });
}
