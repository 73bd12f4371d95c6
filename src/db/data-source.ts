// The TypeORM data source for PostgreSQL (a server, or embedded PGlite over a loopback socket); never synchronize.
import { DataSource } from "typeorm";
import type { KithModule } from "../kith-module";
import type { Logger } from "../log";
import { CountingSqlLogger } from "./query-counter";
import { installPgTypeParsers } from "./pg-types";
import { installContributions } from "../kit/extension-point";

export interface DataSourceOptions {
  url: string;
  modules: KithModule[];
  log: Logger;
  /** PGlite is one session: its pool must hold exactly one connection. */
  embedded: boolean;
  statementTimeoutMs: number;
  poolSize?: number;
}

function sessionSettings(modules: KithModule[]): [string, string][] {
  return modules.flatMap((m) => Object.entries(m.sessionSettings ?? {}));
}

export function createDataSource(o: DataSourceOptions): DataSource {
  installPgTypeParsers();
  // Contributions (event handlers, filters) are in force wherever the modules' data is read or written.
  installContributions(o.modules);
  // A server takes them as startup options on every pooled connection; PGlite's one session gets SET in openDataSource.
  const options = sessionSettings(o.modules).map(([k, v]) => `-c ${k}=${v}`).join(" ");
  return new DataSource({
    type: "postgres",
    url: o.url,
    entities: o.modules.flatMap((m) => m.entities ?? []),
    migrations: o.modules.flatMap((m) => m.migrations ?? []),
    migrationsTransactionMode: "each",
    synchronize: false,
    uuidExtension: "pgcrypto",
    installExtensions: false,
    logger: new CountingSqlLogger(o.log),
    maxQueryExecutionTime: 500,
    extra: {
      max: o.embedded ? 1 : (o.poolSize ?? 10),
      // Sent as a startup parameter: a runaway statement is cancelled by the server, not left to hold a connection.
      ...(o.embedded ? {} : { statement_timeout: o.statementTimeoutMs, ...(options ? { options } : {}) }),
      application_name: "kith",
    },
  });
}

/** Creates and initialises the data source, with the modules' session settings in force on every connection. */
export async function openDataSource(o: DataSourceOptions): Promise<DataSource> {
  const db = createDataSource(o);
  await db.initialize();
  if (o.embedded) {
    for (const [key, value] of sessionSettings(o.modules)) await db.query("SELECT set_config($1, $2, false)", [key, value]);
  }
  return db;
}

/** True when every known migration has been applied (readiness). */
export async function migrationsApplied(db: DataSource): Promise<boolean> {
  return !(await db.showMigrations());
}
