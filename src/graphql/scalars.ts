// The API's scalars and the one Money type: integer pence, never floats.
import { GraphQLScalarType } from "graphql";
import { DateTimeResolver, LocalDateResolver, SafeIntResolver, JSONObjectResolver } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import { formatPence } from "../kit/money";

/** A calendar day, YYYY-MM-DD, kept as a string end to end so no time zone can move it. */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: "Date",
  description: "A calendar day in ISO 8601 form (YYYY-MM-DD).",
});
export const DateTimeScalar = DateTimeResolver;
export const SafeInt = SafeIntResolver;
export const JSONObject = JSONObjectResolver;

@ObjectType({ description: "An amount of money in integer pence." })
export class Money {
  @Field(() => SafeInt)
  pence: number;

  @Field({ description: "ISO 4217 currency code." })
  currency: string;

  @Field({ description: "The amount as people read it, e.g. £1,250.00." })
  formatted: string;
}

export function money(pence: number, currency = "GBP"): Money {
  const m = new Money();
  m.pence = pence;
  m.currency = currency;
  m.formatted = formatPence(pence, currency);
  return m;
}
