// `npm run admin:create -- --email ada@example.org [--name "Ada Lovelace"]`: makes the first ADMIN of a deployment and
// prints a one-time link (valid 24 hours) to choose the password (resetPassword with its token).
import "reflect-metadata";
import { loadConfig } from "../../config";
import { createLogger } from "../../log";
import { openDatabase } from "../../app";
import { createAdmin } from "./first-admin";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

(async () => {
  const email = option("email");
  if (!email) throw new Error('Give --email, e.g. npm run admin:create -- --email ada@example.org --name "Ada Lovelace"');
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const { db, embedded } = await openDatabase(config, log);
  await db.runMigrations({ transaction: "each" });
  const { link, created } = await createAdmin(db, config, email, option("name") ?? "Network staff");
  console.log(created ? `Created ADMIN ${email}.` : `${email} already had an account; it is now ADMIN.`);
  console.log(`Choose the password within 24 hours (the link works once):\n${link}`);
  await db.destroy();
  await embedded?.stop();
})().catch((e) => {
  console.error("admin:create failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
