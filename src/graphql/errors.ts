// Expected failures as UserError values; unexpected ones masked so no stack, SQL or input ever reaches a client.
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "An expected failure of a mutation: nothing was written." })
export class UserError {
  @Field(() => [String], { nullable: true, description: "Path to the input field at fault, if any." })
  field?: string[] | null;

  @Field({ description: "Stable machine-readable code, e.g. STALE_VERSION, NOT_ALLOWED." })
  code: string;

  @Field({ description: "A sentence a person can act on." })
  message: string;
}

export function userError(field: string | string[] | null, code: string, message: string): UserError {
  const e = new UserError();
  e.field = field === null ? null : Array.isArray(field) ? field : field.split(".");
  e.code = code;
  e.message = message;
  return e;
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
export function unauthenticated(message = "Sign in first."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}
export function forbidden(message = "You are not allowed to see this."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}

/**
 * graphql-js echoes the offending value in coercion messages ('got invalid value {"password":...}'):
 * keep the where and the why, drop the what.
 */
export function scrubMessage(message: string): string {
  return message
    .replace(/ got invalid value .*? at "/s, ' has an invalid value at "')
    .replace(/ got invalid value .*?;/s, " has an invalid value;")
    .replace(/(cannot represent[^:]*): .*$/s, "$1.")
    .replace(/(Expected type "[^"]+"), found .*$/s, "$1.")
    .replace(/Did you mean .*$/s, "")
    .trim();
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
    return {
      message: scrubMessage(formatted.message),
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
