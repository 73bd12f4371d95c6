// `npm run places:import -- wards.csv`: loads places from a CSV file into the database at DATABASE_URL, as the
// importPlaces mutation does (all rows or none; every bad row printed with its line). Exits 1 when refused.
import "reflect-metadata";
import { readFileSync } from "node:fs";
import { loadConfig } from "../../config";
import { createLogger } from "../../log";
import { openDatabase } from "../../app";
import { Role } from "../../auth/roles";
import type { Actor } from "../../auth/viewer";
import { PlacesImportService } from "./places-import.service";

/** The command acts for the deployment's operator, who has the database itself: ADMIN, signed in as nobody. */
const operator: Actor = {
  viewer: { userId: null, apiKeyId: null, roles: new Set([Role.ADMIN]), memberships: new Map(), scopes: null },
  requestId: "places:import",
};

(async () => {
  const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!file) throw new Error("Give the CSV file, e.g. npm run places:import -- wards.csv");
  const bytes = readFileSync(file);
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const { db, embedded } = await openDatabase(config, log);
  let failed = false;
  try {
    await db.runMigrations({ transaction: "each" });
    const result = await new PlacesImportService(db).importCsv(operator, bytes);
    if ("errors" in result) {
      failed = true;
      console.error(`Nothing imported: ${result.errors.length} problem${result.errors.length === 1 ? "" : "s"}.`);
      for (const e of result.errors) console.error(`${e.message} [${e.code}]`);
    } else {
      console.log(`Imported ${file}: ${result.created.length} created, ${result.updated.length} updated, ${result.unchangedCount} unchanged.`);
    }
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
  if (failed) process.exit(1);
})().catch((e) => {
  console.error("places:import failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
