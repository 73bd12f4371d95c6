// Expected failures as UserError values; unexpected ones masked so no stack, SQL or input ever reaches a client.
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { Field, ObjectType } from "type-graphql";
import type { Refusal } from "../kit/refusals";

/** A service's Refusal as the API shows it. */
@ObjectType({ description: "An expected failure of a mutation: nothing was written." })
export class UserError implements Refusal {
  @Field(() => [String], { nullable: true, description: "Path to the input field at fault, if any." })
  field: string[] | null;

  @Field({ description: "Stable machine-readable code, e.g. STALE_VERSION, NOT_ALLOWED." })
  code: string;

  @Field({ description: "A sentence a person can act on." })
  message: string;
}

/** Codes whose GraphQL errors are the client's own doing; their messages are safe to show (after scrubbing). */
const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "PERSISTED_QUERY_HASH_MISMATCH",
  "PERSISTED_QUERY_VERSION_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "QUERY_TOO_COMPLEX",
  "RATE_LIMITED",
]);

/** The database cannot be reached: clients and load balancers should retry shortly (HTTP 503 with Retry-After). */
export const SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

/** Refused input, in words of our own that never repeat the value: its message is shown as it is. */
export class BadInputError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: "BAD_USER_INPUT" } });
  }
}

export function badInput(message: string): GraphQLError {
  return new BadInputError(message);
}
export function forbidden(message = "You are not allowed to see this."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}
export function unauthenticated(message = "Sign in first."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}

/** Each error and what it wraps (GraphQL's originalError, TypeORM's driverError, an Error's cause), outermost first. */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e && typeof e === "object" && chain.length < 6 && !chain.includes(e);) {
    chain.push(e);
    // thrownValue: graphql-js wraps a thrown value that is not an Error (of this realm) in NonErrorThrown.
    const x = e as { originalError?: unknown; driverError?: unknown; cause?: unknown; thrownValue?: unknown };
    e = x.originalError ?? x.driverError ?? x.cause ?? x.thrownValue;
  }
  return chain;
}

/** SQLSTATEs of a server that is going away or cannot take a connection now (class 08: connection exceptions). */
const UNAVAILABLE_STATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ENOTFOUND"]);
/**
 * What node-postgres and TypeORM say when a connection is lost or cannot be made; they set no code for these. TypeORM
 * releases a transaction's query runner when its connection fails between statements, so the next statement finds
 * it released (and with a session token's viewer cached, a write's transaction is often the first to meet a lost
 * connection).
 */
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection with "postgres" database is not established|Driver not Connected|Cannot use a pool after calling end|Query runner already released|provided by a query runner was already released/i;

/** True when an error comes from the database being unreachable rather than from a fault of ours. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((e) => {
    // A FATAL error ends the session: the server is going away or will not take this connection now.
    const severity = (e as { severity?: unknown }).severity;
    if (severity === "FATAL" || severity === "PANIC") return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (code.startsWith("08") || UNAVAILABLE_STATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
    const message = (e as { message?: unknown }).message;
    return typeof message === "string" && UNAVAILABLE_MESSAGES.test(message);
  });
}

/** What an operator needs to find a fault: the innermost error's type, message and stack, and its SQL state. */
export function describeFault(error: unknown): Record<string, unknown> {
  const chain = causes(error);
  const inner = chain[chain.length - 1] as { name?: string; message?: string; stack?: string; code?: unknown } | undefined;
  const withState = chain.find((e) => typeof (e as { code?: unknown }).code === "string") as { code: string } | undefined;
  const sql = chain.map((e) => (e as { query?: unknown }).query).find((q) => typeof q === "string") as string | undefined;
  return {
    type: inner?.name, message: inner?.message, stack: inner?.stack,
    ...(withState ? { sqlState: withState.code } : {}),
    // The statement, never its parameters (they hold people's input).
    ...(sql ? { sql: sql.slice(0, 2000) } : {}),
  };
}

/** Apollo's own refusals of a request that come with an HTTP 4xx but no code. */
function apolloRequestError(error: unknown): { code: string; message: string } | undefined {
  const status = ((error as GraphQLError)?.extensions?.http as { status?: number } | undefined)?.status;
  if (!status || status < 400 || status >= 500) return undefined;
  const message = (error as Error).message;
  if (message === "provided sha does not match query") {
    return { code: "PERSISTED_QUERY_HASH_MISMATCH", message: "The persisted query's sha256Hash is not the SHA-256 of its query." };
  }
  if (message === "Unsupported persisted query version") {
    return { code: "PERSISTED_QUERY_VERSION_NOT_SUPPORTED", message: "Give extensions.persistedQuery as { version: 1, sha256Hash }." };
  }
  return { code: "BAD_REQUEST", message: "The request is not one this API can read." };
}

/** Longest name (of a field, argument, operation) repeated in a message; longer ones are elided. */
const MAX_ECHOED_NAME = 40;

/**
 * Last line of defence for client messages: a quoted name too long to be a typo is elided, and a syntax error names
 * the kind of token it found, not its text (a string token can hold a password).
 */
function withoutLongInput(message: string): string {
  return message
    .replace(/\b(String|BlockString|Int|Float) "[\s\S]*"(\.?)$/, "$1$2")
    .replace(new RegExp(`"(?:[^"\\\\]|\\\\.){${MAX_ECHOED_NAME + 1},}"`, "g"), '"…"');
}

/**
 * Why a value was refused, kept only in shapes known to carry type and field names, never the value itself;
 * anything else (custom scalars word their own messages, often with the value) is dropped.
 */
function safeReason(reason: string): string | null {
  const r = reason.replace(/\s*Did you mean .*$/s, "").trim();
  let m: RegExpExecArray | null;
  if ((m = /^(Enum "\w+"|\w+) cannot represent/.exec(r))) return `${m[1]} cannot represent this value.`;
  if ((m = /^Value .* does not exist in ("\w+") enum\.$/s.exec(r))) return `The value does not exist in ${m[1]} enum.`;
  if ((m = /^Expected value of type ("[\w[\]!]+"), found /s.exec(r))) return `Expected value of type ${m[1]}.`;
  if (/^Field "\w+" of required type "[\w[\]!]+" was not provided\.$/.test(r)) return r;
  if (/^Field "\w+" is not defined by type "\w+"\.$/.test(r)) return r;
  if (/^Expected type "\w+" to be an object\.$/.test(r)) return r;
  return null;
}

/**
 * graphql-js echoes the offending value in coercion messages ('got invalid value {"password":...}'):
 * keep the where and the why, drop the what. A variable's message is `<head> got invalid value <value>
 * [at "<path>"]; <reason>` where the value may hold any text, so it is taken apart from both ends: the reason
 * (`reason`, the original error's message when known) from the end, the path only when it is a plain path.
 */
export function scrubMessage(message: string, reason?: string, reasonIsOurs = false): string {
  const variable = /^(Variable "\$\w+") got invalid value /.exec(message);
  if (variable) {
    let rest = message;
    let why: string | null = null;
    if (reason && message.endsWith(`; ${reason}`)) {
      rest = message.slice(0, -(reason.length + 2));
      why = reasonIsOurs ? reason : safeReason(reason);
    }
    const at = rest !== message ? / at ("[\w.[\]]+")$/.exec(rest) : null;
    return `${variable[1]} has an invalid value${at ? ` at ${at[1]}` : ""}${why ? `: ${why}` : "."}`;
  }
  return safeReason(message) ?? message.replace(/\s*Did you mean .*$/s, "").trim();
}

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

function describeValidation(failures: ValidationFailure[], prefix = ""): string[] {
  return failures.flatMap((f) => {
    const path = prefix ? `${prefix}.${f.property}` : f.property;
    const own = Object.values(f.constraints ?? {}).map((m) => `${path}: ${m}`);
    return [...own, ...describeValidation(f.children ?? [], path)];
  });
}

/** Extensions our own client errors set that a client acts on (never input): the scope a key lacks, when to retry. */
const SAFE_EXTENSIONS = ["requiredScope", "retryAfterSeconds"];
const safeExtensions = (e: Record<string, unknown> | undefined) =>
  Object.fromEntries(SAFE_EXTENSIONS.filter((k) => ["string", "number"].includes(typeof e?.[k])).map((k) => [k, e![k]]));

/**
 * Apollo's formatError: client errors keep a scrubbed message and their code; a database that cannot be reached is
 * SERVICE_UNAVAILABLE; everything else becomes "Internal error" with the request id so the log line can be found.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const code = (formatted.extensions?.code as string | undefined) ?? "INTERNAL_SERVER_ERROR";
  const validation = (original as { validationErrors?: ValidationFailure[] })?.validationErrors
    ?? (formatted.extensions?.validationErrors as ValidationFailure[] | undefined);
  const where = { locations: formatted.locations, path: formatted.path };
  if (validation) {
    return {
      message: `Invalid input: ${describeValidation(validation).join("; ")}`,
      path: formatted.path,
      extensions: { code: "BAD_USER_INPUT", requestId },
    };
  }
  if (code === "UNAUTHORIZED") {
    // type-graphql's name for a signed-in viewer without the needed role.
    return { message: "You are not allowed to do this.", path: formatted.path, extensions: { code: "FORBIDDEN", requestId } };
  }
  if (original instanceof BadInputError && (code === "BAD_USER_INPUT" || code === "GRAPHQL_VALIDATION_FAILED")) {
    // Our own words (a scalar's, a rule's); a literal a scalar refuses reaches us as a validation failure.
    const message = formatted.message === original.message ? original.message : scrubMessage(formatted.message, original.message, true);
    return { message, ...where, extensions: { code: "BAD_USER_INPUT", requestId } };
  }
  if (CLIENT_CODES.has(code)) {
    const reason = (original as { message?: unknown })?.message;
    return {
      message: withoutLongInput(scrubMessage(formatted.message, original !== error && typeof reason === "string" ? reason : undefined)),
      ...where,
      extensions: { code, requestId, ...safeExtensions(formatted.extensions) },
    };
  }
  if (/^Too many errors processing variables/.test(formatted.message)) {
    // graphql-js stops coercing after 50 bad variable values with an error of no code: still the client's input.
    return { message: "Too many invalid variable values; correct the ones reported first.", extensions: { code: "BAD_USER_INPUT", requestId } };
  }
  if (isDatabaseUnavailable(error)) {
    return { message: "The service is unavailable for a moment; try again shortly.", path: formatted.path, extensions: { code: SERVICE_UNAVAILABLE, requestId } };
  }
  const request = apolloRequestError(error);
  if (request) return { message: request.message, extensions: { code: request.code, requestId } };
  return {
    message: "Internal error",
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
  };
}
