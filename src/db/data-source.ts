// The TypeORM data source for PostgreSQL (a server, or embedded PGlite over a loopback socket); never synchronize.
import { DataSource } from "typeorm";
import type { KithModule } from "../kith-module";
import type { Logger } from "../log";
import { CountingSqlLogger } from "./query-counter";
import { installPgTypeParsers } from "./pg-types";

export interface DataSourceOptions {
  url: string;
  modules: KithModule[];
  log: Logger;
  /** PGlite is one session: its pool must hold exactly one connection. */
  embedded: boolean;
  statementTimeoutMs: number;
  poolSize?: number;
}

export function createDataSource(o: DataSourceOptions): DataSource {
  installPgTypeParsers();
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
      ...(o.embedded ? {} : { statement_timeout: o.statementTimeoutMs }),
      application_name: "kith",
    },
  });
}

/** True when every known migration has been applied (readiness). */
export async function migrationsApplied(db: DataSource): Promise<boolean> {
  return !(await db.showMigrations());
}
