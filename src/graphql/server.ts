// Apollo Server behind a plain node:http handler: body limits, JSON errors, request ids, logs, health checks.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { ApolloServer, ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLError, GraphQLSchema, Kind, parse } from "graphql";
import { authenticate } from "../auth/authenticate";
import { clientAddress } from "../auth/client-address";
import { countQueries } from "../db/query-counter";
import { migrationsApplied } from "../db/data-source";
import { AppServices, buildContext, Context } from "./context";
import { describeFault, formatError, isDatabaseUnavailable, SERVICE_UNAVAILABLE } from "./errors";
import { currentRequest, inRequestScope, RequestScope } from "./request-scope";
import { armorProtection, KnownOperationTypes, parseLimits } from "./limits";
import { operationChecks } from "./operation-checks";
import { scopeChecks } from "./scope-checks";
import { Buckets, rateLimits } from "./rate-limits";
import { graphiqlRoutes } from "./ide/graphiql.routes";
import { jitGateway } from "./executor";
import type { HttpRoute } from "../kith-module";

/** Seconds a client should wait before trying again while the database cannot be reached. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Adds the request id to every error so a client can quote it and an operator can find the log line, and gives the
 * request scope the operation's name as Apollo resolved it, for those log lines.
 */
const requestIdOnErrors: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName }) {
        const scope = currentRequest();
        if (scope && operationName) scope.operationName = operationName;
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
        response.body.singleResult.errors = response.body.singleResult.errors.map((e) => ({
          ...e, extensions: { ...e.extensions, requestId: contextValue.requestId },
        }));
      },
    };
  },
};

/**
 * A signed-in person's own mutations may change their access (creating an organisation makes them its OWNER, accepting
 * an invitation a member): their cached viewer is dropped on every process, so their next request sees it at once.
 */
const accessAfterMutations: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ operation, contextValue }) {
        const userId = contextValue.viewer.userId;
        if (operation?.operation === "mutation" && userId) await contextValue.app.sessions.accessChanged(userId);
      },
    };
  },
};

/**
 * Every error the client sees masked (Internal error, SERVICE_UNAVAILABLE) is logged here, once, at error level with
 * the request id, the operation and the cause; the response never carries the cause.
 */
function logMasked(log: AppServices["log"], error: unknown, code: string, path?: readonly (string | number)[]): void {
  const scope = currentRequest();
  if (scope && code === SERVICE_UNAVAILABLE) scope.unavailable = true;
  log.error({
    requestId: scope?.requestId, operationName: scope?.operationName ?? null, path: path?.join("."), code, cause: describeFault(error),
  }, code === SERVICE_UNAVAILABLE ? "database unavailable" : "internal error");
}

export function createApollo(services: AppServices, schema: GraphQLSchema, buckets?: Buckets): ApolloServer<Context> {
  const armor = armorProtection();
  const limits = buckets && services.config.rateLimit ? [rateLimits(buckets, services.config.rateLimit)] : [];
  const unexpected: ApolloServerPlugin<Context> = {
    // Apollo answers a fault outside any hook's reach with a bare 500; its cause is only seen here.
    async unexpectedErrorProcessingRequest({ error }) {
      logMasked(services.log, error, isDatabaseUnavailable(error) ? SERVICE_UNAVAILABLE : "INTERNAL_SERVER_ERROR");
    },
  };
  // Every operation a key sends counts toward its use (ApiKey.usage), refused ones too, at the cost it was charged.
  const keyUsage: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          const key = contextValue?.viewer?.apiKeyId;
          if (key) services.keyUsage.record(key, currentRequest()?.cost ?? 0);
        },
      };
    },
  };
  return new ApolloServer<Context>({
    // Operations run compiled (executor.ts); Apollo parses, validates and formats.
    gateway: jitGateway(schema),
    ...armor,
    // No per-field cache hints are used, and Apollo's plugin would wrap every field to collect them.
    plugins: [...armor.plugins, operationChecks<Context>(),
      scopeChecks(services.modules.flatMap((m) => (m.scopes ? [m.scopes] : []))), ...limits, requestIdOnErrors, accessAfterMutations, unexpected, keyUsage,
      ApolloServerPluginCacheControlDisabled()],
    validationRules: [...armor.validationRules, KnownOperationTypes],
    // Compact JSON: Apollo's default indents every response.
    stringifyResult: (result) => JSON.stringify(result),
    parseOptions: parseLimits(),
    introspection: services.config.introspection,
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    // main.ts stops the whole process on SIGINT/SIGTERM; Apollo's own handlers would race it and never let it exit.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      const result = formatError(formatted, error, currentRequest()?.requestId);
      const code = result.extensions?.code as string;
      if (code === "INTERNAL_SERVER_ERROR" || code === SERVICE_UNAVAILABLE) logMasked(services.log, error, code, formatted.path);
      return result;
    },
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

/** True when `body` asks for one mutation whose root fields are all upload mutations (so it may be larger). */
function callsOnlyUploads(body: unknown, uploads: ReadonlySet<string>): boolean {
  if (!uploads.size || !body || typeof body !== "object" || !("query" in body) || typeof body.query !== "string") return false;
  try {
    const doc = parse(body.query, { maxTokens: 500 });
    const [op, ...more] = doc.definitions;
    return !more.length && op.kind === Kind.OPERATION_DEFINITION && op.operation === "mutation"
      && op.selectionSet.selections.every((f) => f.kind === Kind.FIELD && uploads.has(f.name.value));
  } catch {
    return false;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Node's own answer to a request it cannot parse (a URL or headers over its limit, broken HTTP) is a bare status line;
 * this gives it the same JSON shape as every other refusal. For `server.on("clientError")`.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const body = JSON.stringify({ errors: [{
    message: tooLarge ? "The request's URL or headers are too large." : "The request is not valid HTTP.",
    extensions: { code: tooLarge ? "REQUEST_HEADER_FIELDS_TOO_LARGE" : "BAD_REQUEST", requestId: randomUUID() },
  }] });
  socket.end(`HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\ncontent-type: application/json; charset=utf-8\r\n`
    + `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

export interface HttpHandler {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export function createHttpHandler(services: AppServices, apollo: ApolloServer<Context>): HttpHandler {
  const { config, log, db } = services;
  const uploads = new Set(services.modules.flatMap((m) => m.uploadMutations ?? []));
  const uploadLimit = Math.max(config.maxBodyBytes, config.maxUploadBytes ?? 0);
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
    let request: RequestScope | undefined;
    const { scope, result } = countQueries(() => inRequestScope(requestId, null, async (r) => {
      request = r;
      if (req.method === "POST") {
        // Only a signed-in caller may send more than the usual limit, and only to call upload mutations (a CSV import).
        const limit = uploads.size && req.headers.authorization ? uploadLimit : config.maxBodyBytes;
        const raw = await readBody(req, limit);
        try {
          body = raw.length ? JSON.parse(raw) : undefined;
        } catch {
          throw new HttpProblem(400, "BAD_REQUEST", "Request body is not valid JSON.");
        }
        if (limit > config.maxBodyBytes && Buffer.byteLength(raw) > config.maxBodyBytes && !callsOnlyUploads(body, uploads)) {
          throw new HttpProblem(413, "PAYLOAD_TOO_LARGE", `Request body is larger than ${config.maxBodyBytes} bytes.`);
        }
        if (body && typeof body === "object" && "operationName" in body) {
          operationName = typeof body.operationName === "string" ? body.operationName.slice(0, 100) : null;
          r.operationName = operationName;
        }
      }
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
      return apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
        context: async () => {
          try {
            const viewer = await authenticate(db, config.tokenSecret, req.headers.authorization, services.sessions);
            return buildContext(services, viewer, requestId,
              clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], config.trustedProxies),
              req.headers["user-agent"]?.slice(0, 200) ?? null);
          } catch (e) {
            if (e instanceof GraphQLError) {
              throw new GraphQLError(e.message, { extensions: { ...e.extensions, requestId } });
            }
            // Apollo keeps only the message of what is not a GraphQLError; wrapped, the cause reaches formatError.
            throw new GraphQLError("Context creation failed", { originalError: e as Error });
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
      if (request?.unavailable) {
        status = 503;
        headers["retry-after"] = String(RETRY_AFTER_SECONDS);
      }
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
      } else if (request?.unavailable || isDatabaseUnavailable(e)) {
        status = 503;
        log.error({ requestId, operationName, code: SERVICE_UNAVAILABLE, cause: describeFault(e) }, "database unavailable");
        sendJson(res, 503, { errors: [{ message: "The service is unavailable for a moment; try again shortly.", extensions: { code: SERVICE_UNAVAILABLE, requestId } }] },
          { "x-request-id": requestId, "retry-after": String(RETRY_AFTER_SECONDS) });
      } else {
        log.error({ requestId, operationName, code: "INTERNAL_SERVER_ERROR", cause: describeFault(e) }, "request failed");
        sendJson(res, 500, { errors: [{ message: "Internal error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] }, { "x-request-id": requestId });
      }
    } finally {
      log.info({
        requestId, operationName, status, sql: scope.statements,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      }, "graphql request");
    }
  }

  const ide = services.config.graphiql ? graphiqlRoutes : [];
  const routes = new Map([...services.modules.flatMap((m) => m.httpRoutes ?? []), ...ide].map((r) => [r.path, r]));
  async function serveRoute(route: HttpRoute, req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
    try {
      const { contentType, body, headers } = await route.get(services, url);
      res.writeHead(200, { "content-type": contentType, "content-length": Buffer.byteLength(body), "x-request-id": requestId, ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (e) {
      const unavailable = isDatabaseUnavailable(e);
      log.error({ requestId, path: url.pathname, code: unavailable ? SERVICE_UNAVAILABLE : "INTERNAL_SERVER_ERROR", cause: describeFault(e) }, "route failed");
      sendJson(res, unavailable ? 503 : 500, { errors: [{ message: unavailable ? "The service is unavailable for a moment; try again shortly." : "Internal error",
        extensions: { code: unavailable ? SERVICE_UNAVAILABLE : "INTERNAL_SERVER_ERROR", requestId } }] },
      { "x-request-id": requestId, ...(unavailable ? { "retry-after": String(RETRY_AFTER_SECONDS) } : {}) });
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
    const route = routes.get(url.pathname);
    if (route && (req.method === "GET" || req.method === "HEAD")) return serveRoute(route, req, res, url, requestId);
    sendJson(res, 404, { errors: [{ message: "Not found. The API is at POST /graphql.", extensions: { code: "NOT_FOUND", requestId } }] },
      { "x-request-id": requestId });
  };
}
