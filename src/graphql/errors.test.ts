// scrubMessage and formatError: client errors keep where and why but never the submitted value; faults are masked.
import { GraphQLError } from "graphql";
import { formatError, scrubMessage } from "./errors";

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
