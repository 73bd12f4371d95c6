// `npm run seed -- --scale N [--seed S]`: adds N generated organisations (and each module's share) reproducibly.
import "reflect-metadata";
import { loadConfig } from "../config";
import { createLogger } from "../log";
import { allModules, openDatabase } from "../app";
import { seedScale } from "./scale";

function argument(name: string, fallback?: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`Give --${name} N`);
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new Error(`--${name} must be a whole number from 1 to 1,000,000`);
  return n;
}

(async () => {
  const scale = argument("scale");
  const seed = argument("seed", 1);
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const { db, embedded } = await openDatabase(config, log);
  await db.runMigrations({ transaction: "each" });
  const started = Date.now();
  await seedScale(db, allModules, scale, seed, (s) => console.log(`${s.module}: ${s.made} generated in ${(s.ms / 1000).toFixed(1)} s`));
  console.log(`Seeded scale ${scale} (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await db.destroy();
  await embedded?.stop();
})().catch((e) => {
  console.error("Seeding failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
