// Mutation payloads: one factory for the types (the changed objects and userErrors) and one typed mapping from a
// service's result, so a payload's field names are checked by the compiler rather than written as strings.
import { ClassType, Field, ObjectType } from "type-graphql";
import type { Refusal, Result } from "../kit/refusals";
import { UserError } from "./errors";

type FieldType = ClassType | StringConstructor;
/** A field's type, or its type and description. */
type PayloadField = (() => FieldType) | { type: () => FieldType; description: string };
type PayloadFields = Record<string, PayloadField>;

type ValueOf<F extends PayloadField> = F extends () => infer T ? Value<T> : F extends { type: () => infer T } ? Value<T> : never;
type Value<T> = T extends StringConstructor ? string : T extends ClassType<infer I> ? I : never;

/** The objects a payload carries (each null when refused) and its userErrors. */
export type PayloadOf<F extends PayloadFields> = { [K in keyof F]: ValueOf<F[K]> | null } & { userErrors: Refusal[] };

/**
 * Declares `<name>` with a nullable field per object and `userErrors: [UserError!]!`:
 * `export const FundPayload = PayloadType("FundPayload", { fund: () => Fund });`
 */
export function PayloadType<F extends PayloadFields>(name: string, fields: F, description?: string): ClassType<PayloadOf<F>> {
  @ObjectType(name, { description })
  class Payload {}
  for (const [key, field] of Object.entries(fields)) {
    const [type, description] = typeof field === "function" ? [field, undefined] : [field.type, field.description];
    Field(type, { nullable: true, description })(Payload.prototype, key);
  }
  Field(() => [UserError])(Payload.prototype, "userErrors");
  return Payload as ClassType<PayloadOf<F>>;
}

/**
 * A service result as its payload: the objects it returned with no errors, or the refusals (every object null).
 * The result's fields must be the payload's, so a resolver declared to return `FundPayload` does not compile when
 * its service returns something else.
 */
export function toPayload<R extends object>(result: Result<R>): R & { userErrors: Refusal[] } {
  return ("errors" in result ? { userErrors: result.errors } : { ...result, userErrors: [] }) as R & { userErrors: Refusal[] };
}
