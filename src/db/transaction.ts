// The transaction helper every service uses: one transaction per use case, retried whole on serialization failures.
import type { DataSource, EntityManager } from "typeorm";

const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 5;

type IsolationLevel = "READ COMMITTED" | "REPEATABLE READ" | "SERIALIZABLE";

/** Thrown inside a transaction to roll it back and hand a value (usually user errors) to the caller. */
export class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super("rollback");
  }
}

export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Runs `work` in a transaction. Serialization failures and deadlocks retry the whole unit (bounded);
 * a thrown `Rollback` undoes everything and returns its value, so a payload with userErrors wrote nothing.
 * Given the manager of a transaction already open (e.g. the demo loader's), the work runs in a savepoint of it.
 */
export async function inTransaction<T>(
  db: DataSource | EntityManager,
  work: (manager: EntityManager) => Promise<T>,
  isolation: IsolationLevel = "READ COMMITTED",
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(isolation, work);
    } catch (error) {
      if (error instanceof Rollback) return error.value as T;
      const state = sqlState(error);
      if (state && RETRYABLE.has(state) && attempt < MAX_ATTEMPTS) {
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
        continue;
      }
      throw error;
    }
  }
}
