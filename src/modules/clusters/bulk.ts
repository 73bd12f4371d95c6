// Multi-row inserts for the demo data and the scale generator, chunked under PostgreSQL's parameter limit.
import type { EntityManager } from "typeorm";

const MAX_PARAMS = 60000;

/**
 * Inserts rows (values in `columns` order); with `returningIds`, returns the generated ids in row order (PostgreSQL
 * returns the rows of a multi-row VALUES insert in the order given).
 */
export async function insertMany(
  m: EntityManager, table: string, columns: string[], rows: unknown[][], o: { returningIds?: boolean } = {},
): Promise<string[]> {
  const ids: string[] = [];
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values.join(", ")}${o.returningIds ? " RETURNING id" : ""}`, chunk.flat(),
    );
    if (o.returningIds) ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}
