// `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database) and exits.
import "reflect-metadata";
import { loadConfig } from "../config";
import { createLogger } from "../log";
import { openDatabase } from "../app";

(async () => {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const { db, embedded } = await openDatabase(config, log);
  const applied = await db.runMigrations({ transaction: "each" });
  console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(", ")}` : "No pending migrations.");
  await db.destroy();
  await embedded?.stop();
})().catch((e) => {
  console.error("Migration failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
