// The API's scalars and the one Money type: integer pence, never floats. Input scalars refuse in words of their own
// (BAD_USER_INPUT), never repeating the value, and dates stay within years the database and people can mean.
import { GraphQLScalarType, Kind, ValueNode } from "graphql";
import { DateTimeResolver, LocalDateResolver, SafeIntResolver, JSONObjectResolver } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import { formatPence } from "../kit/money";
import { badInput } from "./errors";

/** The years a date may fall in: PostgreSQL stores far more, but year 0 or 9999 is always a mistake here. */
export const EARLIEST_YEAR = 1800;
export const LATEST_YEAR = 2200;

/** `scalar` with its parsing wrapped: any failure, or a value `accept` refuses, is BAD_USER_INPUT with `rule`. */
function refusingIn(scalar: GraphQLScalarType, rule: string, accept: (value: unknown) => boolean = () => true): GraphQLScalarType {
  const config = scalar.toConfig();
  const checked = (parse: () => unknown): unknown => {
    let value: unknown;
    try {
      value = parse();
    } catch {
      throw badInput(rule);
    }
    if (!accept(value)) throw badInput(rule);
    return value;
  };
  return new GraphQLScalarType({
    ...config,
    parseValue: (value) => checked(() => config.parseValue!(value)),
    parseLiteral: (node: ValueNode, variables) => checked(() => config.parseLiteral!(node, variables)),
  });
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day YYYY-MM-DD within the years above. */
export function isPlausibleDay(value: unknown): value is string {
  const m = typeof value === "string" ? DAY.exec(value) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < EARLIEST_YEAR || y > LATEST_YEAR) return false;
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

function parseDay(value: unknown): string {
  if (!isPlausibleDay(value)) throw badInput(`A Date is a calendar day from ${EARLIEST_YEAR}-01-01 to ${LATEST_YEAR}-12-31, written YYYY-MM-DD.`);
  return value;
}

/** A calendar day, YYYY-MM-DD, kept as a string end to end so no time zone can move it. */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: "Date",
  description: "A calendar day in ISO 8601 form (YYYY-MM-DD).",
  parseValue: parseDay,
  parseLiteral: (node) => parseDay(node.kind === Kind.STRING ? node.value : undefined),
});

export const DateTimeScalar = refusingIn(DateTimeResolver,
  `A DateTime is a UTC time in ISO 8601 form (e.g. 2024-05-01T09:30:00Z) in the years ${EARLIEST_YEAR} to ${LATEST_YEAR}.`,
  (v) => v instanceof Date && v.getUTCFullYear() >= EARLIEST_YEAR && v.getUTCFullYear() <= LATEST_YEAR);
export const SafeInt = refusingIn(SafeIntResolver, "A SafeInt is a whole number from -9007199254740991 to 9007199254740991.");
export const JSONObject = refusingIn(JSONObjectResolver, "A JSONObject is a JSON object.");

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
