// Drops the run's template and any test databases a crashed file left behind.
import { Client } from "pg";
import { TEMPLATE_ENV } from "./test-db";

export default async function globalTeardown(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const template = process.env[TEMPLATE_ENV];
  if (!url || !template) return;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  const rows = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${template}%`]);
  for (const r of rows.rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  await admin.end();
}
