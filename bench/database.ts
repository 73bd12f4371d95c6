// The bench database: created on DATABASE_URL's server, migrated and seeded with kith's own code, then dropped.
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "pg";
import { loadConfig } from "../src/config";
import { createLogger } from "../src/log";
import { allModules, openDatabase } from "../src/app";
import { loadDemoData } from "../src/demo/demo";
import { seedScale } from "../src/demo/scale";

export interface BenchDatabase {
  name: string;
  /** kith's connection string: the owner, as kith runs in production. */
  url: string;
  /** PostGraphile's: a role that may only read, and only the tables its schema needs. */
  readerUrl: string;
  reader: string;
}

async function onServer(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string, user?: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (user) {
    u.username = user;
    u.password = "";
  }
  return u.toString();
}

/** Creates an empty database and a login role for the read-only server, both named for this run. */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const suffix = randomBytes(4).toString("hex");
  const name = `kith_bench_${suffix}`;
  const reader = `kith_bench_reader_${suffix}`;
  await onServer(adminUrl, `CREATE DATABASE "${name}"`);
  return { name, reader, url: withDatabase(adminUrl, name), readerUrl: withDatabase(adminUrl, name, reader) };
}

/**
 * Migrations, the demo data set and the scale generator, all through kith's modules (what `npm start` and
 * `npm run seed -- --scale N` do), then ANALYZE; says how long each part took.
 */
export async function seedBenchDatabase(db: BenchDatabase, scale: number, seed: number, say: (line: string) => void): Promise<void> {
  // Development settings only here, to be allowed the demo data; the server under test runs in production.
  const config = loadConfig({
    NODE_ENV: "development", LOG_LEVEL: "warn", DATABASE_URL: db.url, KITH_TOKEN_SECRET: randomBytes(32).toString("hex"),
  });
  const log = createLogger(config.logLevel);
  const { db: source } = await openDatabase(config, log);
  try {
    let t = Date.now();
    await source.runMigrations({ transaction: "each" });
    say(`migrated in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
    await loadDemoData(source, allModules, log);
    say(`demo data loaded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
    await seedScale(source, allModules, scale, seed, (s) => say(`  ${s.module}: ${s.made} generated in ${(s.ms / 1000).toFixed(1)} s`));
    say(`scale ${scale} seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await source.destroy();
  }
}

/**
 * kith's tables the functions of kith_bench.sql read. They run as the caller (so PostgreSQL can inline them), so
 * the reader needs SELECT on these; the views read as their owner. Nothing personal (users, contacts) is here.
 */
const READ_TABLES = ["place", "organisation", "organisation_identifier", "organisation_place_served", "cluster",
  "cluster_membership", "fund", "agreement", "ledger_account", "ledger_posting", "ledger_group", "fund_allocation", "fund_lot"];

/**
 * PostGraphile's schema of views and functions (bench/postgraphile/kith_bench.sql) and its read-only role: SELECT
 * on that schema and on READ_TABLES, every transaction read-only, and the session settings kith's connections get.
 */
export async function preparePostGraphileSchema(db: BenchDatabase, sqlFile: string): Promise<void> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(readFileSync(sqlFile, "utf8"));
    await client.query(`CREATE ROLE "${db.reader}" LOGIN`);
    await client.query(`GRANT CONNECT ON DATABASE "${db.name}" TO "${db.reader}"`);
    await client.query(`GRANT USAGE ON SCHEMA public, kith_bench TO "${db.reader}"`);
    await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA kith_bench TO "${db.reader}"`);
    await client.query(`GRANT SELECT ON ${READ_TABLES.map((t) => `public.${t}`).join(", ")} TO "${db.reader}"`);
    await client.query(`ALTER ROLE "${db.reader}" SET default_transaction_read_only = on`);
    for (const module of allModules) {
      for (const [key, value] of Object.entries(module.sessionSettings ?? {})) {
        if (!/^[a-z_][a-z0-9_.]*$/.test(key)) throw new Error(`unexpected session setting name ${key}`);
        await client.query(`ALTER ROLE "${db.reader}" SET ${key} = ${client.escapeLiteral(value)}`);
      }
    }
  } finally {
    await client.end();
  }
}

/** Drops the database (closing its sessions) and the reader role. */
export async function dropBenchDatabase(adminUrl: string, db: BenchDatabase): Promise<void> {
  await onServer(adminUrl, `DROP DATABASE IF EXISTS "${db.name}" WITH (FORCE)`);
  await onServer(adminUrl, `DROP ROLE IF EXISTS "${db.reader}"`);
}

export const POSTGRAPHILE_SQL = join(__dirname, "postgraphile", "kith_bench.sql");
