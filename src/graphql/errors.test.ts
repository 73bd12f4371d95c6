// scrubMessage and formatError: client errors keep where and why but never the submitted value; faults are masked.
import { GraphQLError } from "graphql";
import { badInput, formatError, isDatabaseUnavailable, scrubMessage } from "./errors";

const SECRET = 'hunter2; at "a.b"; x';

describe("scrubMessage on variable coercion messages", () => {
  test("keeps the variable, the path and a safe reason, and drops the value", () => {
    const reason = `Int cannot represent non-integer value: ${JSON.stringify(SECRET)}`;
    expect(scrubMessage(`Variable "$n" got invalid value ${JSON.stringify(SECRET)} at "n.first"; ${reason}`, reason))
      .toBe('Variable "$n" has an invalid value at "n.first": Int cannot represent this value.');
  });

  test("a value that looks like the message's own punctuation cannot leak", () => {
    const message = `Variable "$i" got invalid value { password: ${JSON.stringify(SECRET)} }; Field "email" of required type "String!" was not provided.`;
    const scrubbed = scrubMessage(message, 'Field "email" of required type "String!" was not provided.');
    expect(scrubbed).toBe('Variable "$i" has an invalid value: Field "email" of required type "String!" was not provided.');
    expect(scrubbed).not.toContain("hunter2");
  });

  test("without the reason, only the variable name is kept", () => {
    expect(scrubMessage(`Variable "$n" got invalid value ${JSON.stringify(SECRET)}; whatever`)).toBe('Variable "$n" has an invalid value.');
  });

  test("a reason of unknown shape (a custom scalar's own words) is dropped", () => {
    const reason = `DateTime cannot be parsed from ${SECRET}`;
    expect(scrubMessage(`Variable "$t" got invalid value "x"; ${reason}`, reason)).toBe('Variable "$t" has an invalid value.');
  });

  test("unknown enum values and unknown field names are not repeated", () => {
    const enumReason = `Value ${JSON.stringify(SECRET)} does not exist in "PlaceKind" enum.`;
    expect(scrubMessage(`Variable "$k" got invalid value "x" at "k[0]"; ${enumReason}`, enumReason))
      .toBe('Variable "$k" has an invalid value at "k[0]": The value does not exist in "PlaceKind" enum.');
    const fieldReason = `Field "${SECRET}" is not defined by type "SignInInput".`;
    expect(scrubMessage(`Variable "$i" got invalid value {}; ${fieldReason}`, fieldReason)).toBe('Variable "$i" has an invalid value.');
  });
});

describe("scrubMessage on other messages", () => {
  test("literal values and suggestions are dropped", () => {
    expect(scrubMessage(`Int cannot represent non-integer value: "${SECRET}"`)).toBe("Int cannot represent this value.");
    expect(scrubMessage(`Expected value of type "Int", found "${SECRET}".`)).toBe('Expected value of type "Int".');
    expect(scrubMessage('Cannot query field "nme" on type "Place". Did you mean "name"?')).toBe('Cannot query field "nme" on type "Place".');
  });

  test("messages that carry no input are kept", () => {
    expect(scrubMessage("first must be between 1 and 100.")).toBe("first must be between 1 and 100.");
  });
});

describe("formatError", () => {
  test("an unexpected error becomes Internal error with the request id and nothing else", () => {
    const fault = new GraphQLError('relation "place" does not exist', { originalError: new Error("SELECT * FROM place"), path: ["places"] });
    expect(formatError({ message: fault.message, path: ["places"], extensions: { stacktrace: ["at x.ts:1"] } }, fault, "req-1"))
      .toEqual({ message: "Internal error", path: ["places"], extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-1" } });
  });

  test("a client error keeps its code and a scrubbed message", () => {
    const e = new GraphQLError("That is not a valid ID.", { extensions: { code: "BAD_USER_INPUT" } });
    expect(formatError({ message: e.message, extensions: { code: "BAD_USER_INPUT" } }, e, "req-2"))
      .toEqual({ message: "That is not a valid ID.", extensions: { code: "BAD_USER_INPUT", requestId: "req-2" } });
  });

  test("type-graphql's UNAUTHORIZED is reported as FORBIDDEN", () => {
    const e = new GraphQLError("Access denied! You don't have permission for this action!", { extensions: { code: "UNAUTHORIZED" } });
    expect(formatError({ message: e.message, extensions: { code: "UNAUTHORIZED" } }, e).extensions?.code).toBe("FORBIDDEN");
  });

  test("class-validator failures list the field and rule, not the value", () => {
    const original = Object.assign(new Error("Argument Validation Error"), {
      validationErrors: [{ property: "input", children: [{ property: "name", constraints: { maxLength: "name must be shorter than or equal to 200 characters" } }] }],
    });
    const e = new GraphQLError("Argument Validation Error", { originalError: original });
    expect(formatError({ message: e.message }, e, "req-3")).toEqual({
      message: "Invalid input: input.name: name must be shorter than or equal to 200 characters",
      extensions: { code: "BAD_USER_INPUT", requestId: "req-3" },
    });
  });
});

describe("formatError, further", () => {
  test("a long name is elided from a validation message; a short one is kept", () => {
    const long = `f${"x".repeat(60)}`;
    const message = (m: string) => formatError({ message: m, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }, new GraphQLError(m)).message;
    expect(message(`Cannot query field "${long}" on type "Query".`)).toBe('Cannot query field "…" on type "Query".');
    expect(message('Cannot query field "nme" on type "Place".')).toBe('Cannot query field "nme" on type "Place".');
  });

  test("a syntax error names the kind of token, never a string's text", () => {
    const m = 'Syntax Error: Expected Name, found String "hunter2".';
    expect(formatError({ message: m, extensions: { code: "GRAPHQL_PARSE_FAILED" } }, new GraphQLError(m)).message).toBe("Syntax Error: Expected Name, found String.");
  });

  test("our own refusal of a literal keeps its words and becomes BAD_USER_INPUT", () => {
    const ours = badInput("A Date is a calendar day.");
    const wrapped = new GraphQLError(ours.message, { originalError: ours, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    expect(formatError({ message: ours.message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }, wrapped, "r"))
      .toEqual({ message: "A Date is a calendar day.", extensions: { code: "BAD_USER_INPUT", requestId: "r" } });
  });

  test("Apollo's refusals without a code get one", () => {
    const e = new GraphQLError("provided sha does not match query", { extensions: { http: { status: 400 } } });
    expect(formatError({ message: e.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, e).extensions?.code).toBe("PERSISTED_QUERY_HASH_MISMATCH");
  });
});

describe("isDatabaseUnavailable", () => {
  const wrap = (cause: object) => new GraphQLError("x", { originalError: Object.assign(new Error("query failed"), { driverError: cause }) });
  test.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["a server shutting down", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL" })],
    ["a server still starting", Object.assign(new Error("the database system is starting up"), { code: "57P03", severity: "FATAL" })],
    ["a lost connection", new Error("Connection terminated unexpectedly")],
    ["a database that refuses connections", Object.assign(new Error('database "x" is not currently accepting connections'), { code: "55000", severity: "FATAL" })],
  ])("%s is", (_, cause) => {
    expect(isDatabaseUnavailable(wrap(cause))).toBe(true);
  });
  test.each([
    ["a missing table", Object.assign(new Error('relation "x" does not exist'), { code: "42P01", severity: "ERROR" })],
    ["a cancelled statement", Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014", severity: "ERROR" })],
    ["a bug", new TypeError("x is undefined")],
  ])("%s is not", (_, cause) => {
    expect(isDatabaseUnavailable(wrap(cause))).toBe(false);
  });
});
