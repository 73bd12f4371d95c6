// The API's scalars and the one Money type: integer pence, never floats.
import { GraphQLScalarType } from "graphql";
import { DateTimeResolver, LocalDateResolver, SafeIntResolver, JSONObjectResolver } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";

/** A calendar day, YYYY-MM-DD, kept as a string end to end so no time zone can move it. */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: "Date",
  description: "A calendar day in ISO 8601 form (YYYY-MM-DD).",
});
export const DateTimeScalar = DateTimeResolver;
export const SafeInt = SafeIntResolver;
export const JSONObject = JSONObjectResolver;

const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

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
  if (!Number.isSafeInteger(pence)) throw new RangeError("money must be a whole number of pence");
  const m = new Money();
  m.pence = pence;
  m.currency = currency;
  m.formatted = currency === "GBP" ? pounds.format(pence / 100) : `${(pence / 100).toFixed(2)} ${currency}`;
  return m;
}

const londonDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day (YYYY-MM-DD) it is in the UK at `at`: the day people in the network would write down. */
export function londonDate(at: Date = new Date()): string {
  return londonDay.format(at);
}
