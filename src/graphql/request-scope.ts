// What the server knows of the request being served, wherever in the pipeline it is needed: formatError and plugins
// run for errors raised before any context exists (a bad body, a refused credential, a lost database).
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestScope {
  requestId: string;
  /** The operation's name once Apollo has resolved it (until then, the one the body gave). */
  operationName: string | null;
  /** Set when an error came from the database being unreachable: the answer is then a 503 with Retry-After. */
  unavailable: boolean;
  /** The operation's cost once operation-checks.ts has computed it (rate limits take it from the caller's bucket). */
  cost?: number;
}

const store = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` as the request `requestId`; everything it awaits sees the same scope. */
export function inRequestScope<T>(requestId: string, operationName: string | null, fn: (scope: RequestScope) => Promise<T>): Promise<T> {
  const scope: RequestScope = { requestId, operationName, unavailable: false };
  return store.run(scope, () => fn(scope));
}

export function currentRequest(): RequestScope | undefined {
  return store.getStore();
}
