// DataLoader builders for what is not a declared relation: batch by key with `= ANY($1)`, results in key order (null or [] for misses).
import DataLoader from "dataloader";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

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




/** A loader from a function that answers a whole batch as a map (keys it leaves out answer `fallback`). */
export function loaderFromMap<V>(load: (keys: readonly string[]) => Promise<Map<string, V>>, fallback: V): DataLoader<string, V> {
  return new DataLoader(async (keys) => {
    const found = await load(keys);
    return keys.map((k) => found.get(k) ?? fallback);
  });
}
