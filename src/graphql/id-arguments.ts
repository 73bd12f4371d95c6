// Global IDs in arguments, decoded in one place: an input field marked `@IdOf("Organisation")` reaches the resolver
// as that organisation's primary key. A malformed ID, or one of another type, is a userError in a mutation's payload
// (INVALID_ID, with the field's path) and a BAD_USER_INPUT error in a query.
import { GraphQLArgument, GraphQLField, GraphQLInputType, isInputObjectType, isListType, isNonNullType } from "graphql";
import { Extensions, MiddlewareFn } from "type-graphql";
import { refusal, Refusal } from "../kit/refusals";
import { badInput } from "./errors";
import { keyOf, withArticle } from "./ids";

/** Marks an input field (ID or [ID]) as holding global IDs of `typeName`, decoded before the resolver runs. */
export const IdOf = (typeName: string) => Extensions({ idOf: typeName });

const idTypeOf = (x: { extensions?: Record<string, unknown> | null }): string | undefined =>
  typeof x.extensions?.idOf === "string" ? (x.extensions.idOf as string) : undefined;

/** True when the type can hold a marked field anywhere inside it (so arguments without IDs cost nothing). */
function holdsIds(type: GraphQLInputType, seen = new Set<GraphQLInputType>()): boolean {
  if (isNonNullType(type) || isListType(type)) return holdsIds(type.ofType, seen);
  if (!isInputObjectType(type) || seen.has(type)) return false;
  seen.add(type);
  return Object.values(type.getFields()).some((f) => idTypeOf(f) !== undefined || holdsIds(f.type, seen));
}

interface BadId {
  path: string[];
  typeName: string;
}

function decodeValue(value: unknown, typeName: string, path: string[], bad: BadId[]): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v, i) => decodeValue(v, typeName, [...path, String(i)], bad));
  const key = typeof value === "string" ? keyOf(value, typeName) : null;
  if (key === null) bad.push({ path, typeName });
  return key ?? value;
}

function decodeInput(type: GraphQLInputType, value: unknown, path: string[], bad: BadId[]): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return decodeInput(type.ofType, value, path, bad);
  if (isListType(type)) {
    return Array.isArray(value) ? value.map((v, i) => decodeInput(type.ofType, v, [...path, String(i)], bad)) : value;
  }
  if (!isInputObjectType(type) || typeof value !== "object") return value;
  const object = value as Record<string, unknown>;
  for (const field of Object.values(type.getFields())) {
    if (!(field.name in object)) continue;
    const idType = idTypeOf(field);
    object[field.name] = idType
      ? decodeValue(object[field.name], idType, [...path, field.name], bad)
      : decodeInput(field.type, object[field.name], [...path, field.name], bad);
  }
  return object;
}

/** Per root field: the arguments that may hold IDs (computed once). */
const argumentsWithIds = new WeakMap<GraphQLField<unknown, unknown>, GraphQLArgument[]>();

/**
 * Decodes marked IDs in the arguments in place. Mutations answer bad ones as a payload of INVALID_ID userErrors
 * (paths relative to `input`, as every other userError); queries refuse them as BAD_USER_INPUT.
 */
export const DecodeIds: MiddlewareFn = async ({ args, info }, next) => {
  const field = info.parentType.getFields()[info.fieldName];
  let marked = argumentsWithIds.get(field);
  if (!marked) {
    marked = field.args.filter((a) => idTypeOf(a) !== undefined || holdsIds(a.type));
    argumentsWithIds.set(field, marked);
  }
  if (!marked.length) return next();
  const bad: BadId[] = [];
  for (const arg of marked) {
    if (!(arg.name in args)) continue;
    const idType = idTypeOf(arg);
    args[arg.name] = idType ? decodeValue(args[arg.name], idType, [arg.name], bad) : decodeInput(arg.type, args[arg.name], [arg.name], bad);
  }
  if (!bad.length) return next();
  if (info.parentType.name === "Mutation") {
    const userErrors: Refusal[] = bad.map((b) => refusal(b.path[0] === "input" ? b.path.slice(1) : b.path, "INVALID_ID",
      `That is not ${withArticle(b.typeName)}'s ID.`));
    return { userErrors };
  }
  const [first] = bad;
  throw badInput(`${first.path.filter((p) => !/^\d+$/.test(p)).join(".")} must hold ${withArticle(first.typeName)}'s ID.`);
};
