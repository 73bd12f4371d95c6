// Reads as named prepared statements: a statement's text (a folded read can be several kilobytes) is sent and planned
// once per connection, then only its values travel. Logged and counted like every TypeORM query.
import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Pool } from "pg";

/**
 * Distinct texts this process prepares. Texts come from code (a query's shape), not from values, but a client can
 * still vary its selections: past this many, further texts run unprepared rather than grow every connection.
 */
const PREPARED_LIMIT = 2000;
const names = new Map<string, string>();

function nameFor(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < PREPARED_LIMIT) {
    name = `k${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/** Runs one read outside any transaction, prepared by name; rows as pg returns them. */
export async function readPrepared<T = Record<string, unknown>>(db: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const logger = db.logger;
  logger.logQuery(text, values);
  const started = Date.now();
  try {
    const pool = (db.driver as unknown as { master: Pool }).master;
    const result = await pool.query({ name: nameFor(text), text, values });
    const took = Date.now() - started;
    const slow = db.options.maxQueryExecutionTime;
    if (slow && took > slow) logger.logQuerySlow(took, text, values);
    return result.rows as T[];
  } catch (error) {
    logger.logQueryError(error as Error, text, values);
    throw error;
  }
}
