// Mutation plumbing for resolvers: input IDs decoded into userErrors, and service results turned into payloads.
import { UserError, userError } from "./errors";
import { keyOf } from "./ids";

const article = (type: string) => (/^[AEIOU]/.test(type) ? "an" : "a");

/** The key of an input ID of the expected type, or the user error naming the field. */
export function decodeId(id: string, type: string, field: string): { key: string } | { errors: UserError[] } {
  const key = keyOf(id, type);
  return key ? { key } : { errors: [userError(field, "INVALID_ID", `That is not ${article(type)} ${type}'s ID.`)] };
}

/** Keys of a list of input IDs; every malformed one is reported with its index. */
export function decodeIds(ids: string[], type: string, field: string): { keys: string[] } | { errors: UserError[] } {
  const errors: UserError[] = [];
  const keys = ids.map((id, i) => {
    const key = keyOf(id, type);
    if (!key) errors.push(userError(`${field}.${i}`, "INVALID_ID", `That is not ${article(type)} ${type}'s ID.`));
    return key ?? "";
  });
  return errors.length ? { errors } : { keys };
}

/** A service result as a payload: the named object with no errors, or null with the user errors. */
export function payload<P>(name: string, r: { errors: UserError[] } | Record<string, unknown>): P {
  return ("errors" in r ? { [name]: null, userErrors: r.errors } : { [name]: r[name], userErrors: [] }) as P;
}
