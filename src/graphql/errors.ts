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
  "OPERATION_RESOLUTION_FAILURE",
  "QUERY_TOO_COMPLEX",
]);

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}
export function forbidden(message = "You are not allowed to see this."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}
export function unauthenticated(message = "Sign in first."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
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
export function scrubMessage(message: string, reason?: string): string {
  const variable = /^(Variable "\$\w+") got invalid value /.exec(message);
  if (variable) {
    let rest = message;
    let why: string | null = null;
    if (reason && message.endsWith(`; ${reason}`)) {
      rest = message.slice(0, -(reason.length + 2));
      why = safeReason(reason);
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

/**
 * Apollo's formatError: client errors keep a scrubbed message and their code; everything else becomes
 * "Internal error" with the request id so the log line can be found.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const code = (formatted.extensions?.code as string | undefined) ?? "INTERNAL_SERVER_ERROR";
  const validation = (original as { validationErrors?: ValidationFailure[] })?.validationErrors
    ?? (formatted.extensions?.validationErrors as ValidationFailure[] | undefined);
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
  if (CLIENT_CODES.has(code)) {
    const reason = (original as { message?: unknown })?.message;
    return {
      message: scrubMessage(formatted.message, original !== error && typeof reason === "string" ? reason : undefined),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, requestId },
    };
  }
  return {
    message: "Internal error",
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
  };
}
