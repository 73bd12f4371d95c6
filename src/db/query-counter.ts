// Counts SQL statements per request (for logs and for tests that fail when a count grows with page size).
import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger as TypeOrmLogger, QueryRunner } from "typeorm";
import type { Logger } from "pino";

export interface QueryScope {
  statements: number;
}

const scope = new AsyncLocalStorage<QueryScope>();

/** Runs `fn` with a fresh statement counter; everything it awaits counts towards it. */
export function countQueries<T>(fn: () => Promise<T>): { scope: QueryScope; result: Promise<T> } {
  const s: QueryScope = { statements: 0 };
  return { scope: s, result: scope.run(s, fn) };
}

/** TypeORM logger that counts every statement into the current scope and logs failures and slow queries. */
export class CountingSqlLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger, private readonly slowMs = 500) {}

  logQuery(query: string): void {
    const s = scope.getStore();
    if (s) s.statements++;
    if (this.logger.isLevelEnabled("trace")) this.logger.trace({ sql: query }, "sql");
  }
  logQueryError(error: string | Error, query: string): void {
    // Expected constraint races are handled by services; the log keeps the SQL, responses never do.
    this.logger.debug({ err: typeof error === "string" ? error : error.message, sql: query }, "sql failed");
  }
  logQuerySlow(time: number, query: string): void {
    if (time >= this.slowMs) this.logger.warn({ ms: time, sql: query }, "slow sql");
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.info({ migration: message }, "migration");
  }
  log(level: "log" | "info" | "warn", message: unknown, _runner?: QueryRunner): void {
    if (level === "warn") this.logger.warn({ message }, "typeorm");
  }
}
