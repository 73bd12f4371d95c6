// One database per test file: a copy of the migrated template on PostgreSQL, or a fresh in-memory PGlite.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { openDataSource } from "../../src/db/data-source";
import { startEmbeddedDatabase } from "../../src/db/embedded";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";

export const TEMPLATE_ENV = "KITH_TEST_TEMPLATE_DB";

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one statement on the server's admin connection (PostgreSQL only). */
export async function adminQuery(sql: string, params: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  db: DataSource;
  embedded: boolean;
  drop(): Promise<void>;
}

/** A migrated, empty database of this test file's own; `migrated: false` gives one with no tables at all. */
export async function createTestDatabase(o: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const log = createLogger("silent");
  const migrated = o.migrated ?? true;
  if (process.env.DATABASE_URL) {
    const template = process.env[TEMPLATE_ENV];
    if (!template) throw new Error("global setup did not create the template database");
    const name = `${template}_f${randomBytes(4).toString("hex")}`;
    for (let attempt = 1; ; attempt++) {
      try {
        await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${migrated ? template : "template0"}"`);
        break;
      } catch (e) {
        // Two files copying the template at the same instant can collide; try again shortly.
        if (attempt >= 10 || !/being accessed by other users/.test(String(e))) throw e;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
    const db = await openDataSource({
      url: withDatabase(process.env.DATABASE_URL, name), modules: allModules, log, embedded: false, statementTimeoutMs: 30000, poolSize: 20,
    });
    return {
      db, embedded: false,
      async drop() {
        if (db.isInitialized) await db.destroy();
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const embedded = await startEmbeddedDatabase();
  const db = await openDataSource({ url: embedded.url, modules: allModules, log, embedded: true, statementTimeoutMs: 30000 });
  if (migrated) await db.runMigrations({ transaction: "each" });
  return {
    db, embedded: true,
    async drop() {
      if (db.isInitialized) await db.destroy();
      await embedded.stop();
    },
  };
}

/** The database name a data source points at (for admin statements about it). */
export function databaseNameOf(db: DataSource): string {
  return new URL((db.options as { url: string }).url).pathname.slice(1);
}
