// Apollo Server behind a plain node:http handler: body limits, JSON errors, request ids, logs, health checks.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApolloServer, ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { GraphQLError, GraphQLSchema } from "graphql";
import { authenticate } from "../auth/authenticate";
import { countQueries } from "../db/query-counter";
import { migrationsApplied } from "../db/data-source";
import { AppServices, buildContext, Context } from "./context";
import { formatError } from "./errors";
import { armorProtection, KnownOperationTypes, parseLimits } from "./limits";
import { operationChecks } from "./operation-checks";

/**
 * The request id of the HTTP request being served. Errors Apollo raises before an operation runs (a bad body,
 * a refused credential) skip the plugin below, so formatError reads the id from here.
 */
const httpRequestId = new AsyncLocalStorage<string>();

/** Adds the request id to every error so a client can quote it and an operator can find the log line. */
const requestIdOnErrors: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
        response.body.singleResult.errors = response.body.singleResult.errors.map((e) => ({
          ...e, extensions: { ...e.extensions, requestId: contextValue.requestId },
        }));
      },
    };
  },
};

export function createApollo(services: AppServices, schema: GraphQLSchema): ApolloServer<Context> {
  const armor = armorProtection();
  return new ApolloServer<Context>({
    schema,
    ...armor,
    plugins: [...armor.plugins, operationChecks<Context>(), requestIdOnErrors],
    validationRules: [...armor.validationRules, KnownOperationTypes],
    parseOptions: parseLimits(),
    introspection: services.config.introspection,
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, httpRequestId.getStore()),
  });
}

class HttpProblem extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new HttpProblem(413, "PAYLOAD_TOO_LARGE", `Request body is larger than ${limit} bytes.`);
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop reading but keep the socket: destroying it here would drop the 413 before the client sees it.
        req.off("data", onData);
        req.pause();
        reject(tooLarge());
      } else chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface HttpHandler {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export function createHttpHandler(services: AppServices, apollo: ApolloServer<Context>): HttpHandler {
  const { config, log, db } = services;
  let migrated = false;

  async function ready(): Promise<boolean> {
    try {
      await db.query("SELECT 1");
      migrated ||= await migrationsApplied(db);
      return migrated;
    } catch {
      return false;
    }
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
    const started = process.hrtime.bigint();
    let body: unknown = undefined;
    let operationName: string | null = null;
    const { scope, result } = countQueries(() => httpRequestId.run(requestId, async () => {
      if (req.method === "POST") {
        const raw = await readBody(req, config.maxBodyBytes);
        try {
          body = raw.length ? JSON.parse(raw) : undefined;
        } catch {
          throw new HttpProblem(400, "BAD_REQUEST", "Request body is not valid JSON.");
        }
        if (body && typeof body === "object" && "operationName" in body) {
          operationName = typeof body.operationName === "string" ? body.operationName.slice(0, 100) : null;
        }
      }
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
      return apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
        context: async () => {
          try {
            const viewer = await authenticate(db, config.tokenSecret, req.headers.authorization);
            return buildContext(services, viewer, requestId);
          } catch (e) {
            if (e instanceof GraphQLError) {
              throw new GraphQLError(e.message, { extensions: { ...e.extensions, requestId } });
            }
            throw e;
          }
        },
      });
    }));
    let status = 500;
    try {
      const response = await result;
      status = response.status ?? 200;
      const headers: Record<string, string> = { "x-request-id": requestId };
      for (const [k, v] of response.headers) headers[k] = v;
      res.writeHead(status, headers);
      if (response.body.kind === "complete") res.end(response.body.string);
      else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (e) {
      if (e instanceof HttpProblem) {
        status = e.status;
        // A body left unread cannot be followed by another request on this connection.
        const close: Record<string, string> = e.status === 413 ? { connection: "close" } : {};
        sendJson(res, status, { errors: [{ message: e.message, extensions: { code: e.code, requestId } }] }, { "x-request-id": requestId, ...close });
      } else {
        log.error({ err: e, requestId }, "request failed");
        sendJson(res, 500, { errors: [{ message: "Internal error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] }, { "x-request-id": requestId });
      }
    } finally {
      log.info({
        requestId, operationName, status, sql: scope.statements,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      }, "graphql request");
    }
  }

  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const header = req.headers["x-request-id"];
    const requestId = typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
    if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
    if (url.pathname === "/readyz") {
      return (await ready()) ? sendJson(res, 200, { status: "ready" }) : sendJson(res, 503, { status: "not ready" });
    }
    if (url.pathname === "/graphql") return graphql(req, res, url, requestId);
    sendJson(res, 404, { errors: [{ message: "Not found. The API is at POST /graphql.", extensions: { code: "NOT_FOUND", requestId } }] },
      { "x-request-id": requestId });
  };
}
