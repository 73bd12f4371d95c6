// TypeORM DataSource for the CLI (e.g. `npx typeorm -d ormconfig.ts migration:generate --check`); needs DATABASE_URL.
import "reflect-metadata";
import { createDataSource } from "./src/db/data-source";
import { allModules } from "./src/app";
import { createLogger } from "./src/log";

if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to use the TypeORM CLI.");

export default createDataSource({
  url: process.env.DATABASE_URL, modules: allModules, log: createLogger("warn"), embedded: false, statementTimeoutMs: 60000,
});
