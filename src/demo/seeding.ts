// What every module's demo data and scale generator share: a seeded random generator (the same seed makes the same
// data), bulk inserts, and `must` for demo steps that go through services.
import type { EntityManager } from "typeorm";

/** mulberry32: small, fast and good enough to spread generated data; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `items`, chosen by `random`. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

const MAX_PARAMS = 60000;

/**
 * Multi-row inserts chunked under PostgreSQL's parameter limit (values in `columns` order); with `returningIds`,
 * the generated ids in row order (PostgreSQL returns a multi-row VALUES insert's rows in the order given).
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

/** A demo or scale step that must succeed: a refusal here is a bug in the demo story, so it stops the load. */
export function must<R extends object>(r: R): Exclude<R, { errors: unknown }> {
  if ("errors" in r) throw new Error(`demo data was refused: ${JSON.stringify(r.errors)}`);
  return r as Exclude<R, { errors: unknown }>;
}
