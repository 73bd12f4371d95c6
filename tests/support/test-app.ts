// A kith server over this file's own database: run operations through Apollo or over real HTTP, and count SQL.
import type { DataSource } from "typeorm";
import { loadConfig } from "../../src/config";
import { createLogger, Logger } from "../../src/log";
import { createKith, Kith } from "../../src/app";
import { authenticate } from "../../src/auth/authenticate";
import { buildContext } from "../../src/graphql/context";
import { countQueries } from "../../src/db/query-counter";
import { inRequestScope } from "../../src/graphql/request-scope";
import { ANONYMOUS, Viewer } from "../../src/auth/viewer";
import { createTestDatabase } from "./test-db";

export const TEST_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";

export interface OperationResult<T = Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  data: T | null | undefined;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
  /** SQL statements the operation ran (context building included). */
  sql: number;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

export interface TestApp {
  kith: Kith;
  db: DataSource;
  embedded: boolean;
  /** Runs through Apollo's executeOperation with the same context builder as HTTP; `as` is a token or a viewer. */
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: string | Viewer): Promise<OperationResult<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Runs like `run` and fails the test on any GraphQL error. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: string | Viewer): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Real HTTP against a listening server. */
  http(path: string, init?: { method?: string; body?: string | object; headers?: Record<string, string> }): Promise<HttpResult>;
  /** POSTs one operation over real HTTP, with `Authorization: Bearer <token>` when a token is given. */
  post(query: string, variables?: Record<string, unknown>, token?: string): Promise<HttpResult>;
  /** The port the HTTP server listens on (starts it on first use). */
  port(): Promise<number>;
  signIn(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/** A response body without the cost and rate-limit reports executed operations carry in `extensions` (operation-checks.ts, rate-limits.ts). */
export function withoutCost<T extends { extensions?: Record<string, unknown> }>(json: T): Omit<T, "extensions"> | T {
  const { extensions, ...rest } = json;
  return extensions && Object.keys(extensions).every((k) => k === "cost" || k === "costLimit" || k === "rateLimit") ? rest : json;
}

/** `log` replaces the silent logger, e.g. to capture what the server logs. */
export async function startTestApp(env: Record<string, string> = {}, o: { log?: Logger } = {}): Promise<TestApp> {
  const tdb = await createTestDatabase();
  // Tests deliver events themselves (deliverDue) unless they ask for the background worker with KITH_WORKERS=true.
  const config = loadConfig({
    NODE_ENV: "test", KITH_TOKEN_SECRET: TEST_SECRET, KITH_DATA_DIR: "/tmp/kith-test-unused", KITH_WORKERS: "false", ...env,
  });
  const log = o.log ?? createLogger("silent");
  const kith = await createKith(tdb.db, config, log, () => tdb.drop());
  // One server however many callers ask at once (an awaited number would let each of them start its own).
  let port: Promise<number> | undefined;
  const listening = () => (port ??= kith.listen(0));

  const run: TestApp["run"] = async (query, variables, as) => {
    const requestId = `test-${Math.random().toString(36).slice(2)}`;
    const { scope, result } = countQueries(() => inRequestScope(requestId, null, async () => {
      const viewer = typeof as === "string"
        ? await authenticate(tdb.db, config.tokenSecret, `Bearer ${as}`, kith.services.sessions)
        : (as ?? ANONYMOUS);
      const contextValue = buildContext(kith.services, viewer, requestId);
      return kith.apollo.executeOperation({ query, variables }, { contextValue });
    }));
    const response = await result;
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    const r = response.body.singleResult;
    return { data: r.data as never, errors: r.errors as OperationResult["errors"], sql: scope.statements };
  };

  const app: TestApp = {
    kith, db: tdb.db, embedded: tdb.embedded, run,
    async ok(query, variables, as) {
      const r = await run(query, variables, as);
      if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
      return r.data as never;
    },
    async http(path, init = {}) {
      const baseUrl = `http://127.0.0.1:${await listening()}`;
      const body = typeof init.body === "object" ? JSON.stringify(init.body) : init.body;
      const res = await fetch(`${baseUrl}${path}`, {
        method: init.method ?? (body === undefined ? "GET" : "POST"),
        headers: { "content-type": "application/json", ...init.headers },
        body,
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, headers: res.headers, json, text };
    },
    post(query, variables, token) {
      return app.http("/graphql", { body: { query, variables }, headers: token ? { authorization: `Bearer ${token}` } : {} });
    },
    port: listening,
    async signIn(email, password) {
      const data = await app.ok<{ signIn: { token: string | null; userErrors: unknown[] } }>(
        `mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { token userErrors { code } } }`,
        { e: email, p: password },
      );
      if (!data.signIn.token) throw new Error(`sign-in failed: ${JSON.stringify(data.signIn.userErrors)}`);
      return data.signIn.token;
    },
    close: () => kith.stop(),
  };
  return app;
}
