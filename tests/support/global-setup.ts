// Migrates a fresh template database once per run (PostgreSQL only); each test file copies it.
import "reflect-metadata";
import { Client } from "pg";
import { createDataSource } from "../../src/db/data-source";
import { allModules } from "../../src/app";
import { createLogger } from "../../src/log";
import { TEMPLATE_ENV, withDatabase } from "./test-db";

export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const name = `kith_t${Date.now().toString(36)}${process.pid}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const db = createDataSource({ url: withDatabase(url, name), modules: allModules, log: createLogger("silent"), embedded: false, statementTimeoutMs: 60000 });
  await db.initialize();
  await db.runMigrations({ transaction: "each" });
  await db.destroy();
  process.env[TEMPLATE_ENV] = name;
}
