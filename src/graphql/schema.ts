// Builds the executable schema from the modules' resolvers; also prints it for schema.graphql.
import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema, getMetadataStorage } from "type-graphql";
import { authChecker } from "../auth/auth-checker";
import type { KithModule } from "../kith-module";
import { installContributions } from "../kit/extension-point";
import { DateTimeScalar } from "./scalars";
import { validateArgument } from "./validation";
import { foldedFirst, RelationRegistry } from "./relations";

export async function buildKithSchema(modules: KithModule[]): Promise<GraphQLSchema> {
  installContributions(modules);
  const resolvers = modules.flatMap((m) => m.resolvers ?? []);
  const schema = await buildSchema({
    resolvers: resolvers as [Function, ...Function[]], // eslint-disable-line @typescript-eslint/no-unsafe-function-type
    authChecker,
    // Every argument at every depth, never echoing the input (see validation.ts).
    validateFn: validateArgument,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  return withFoldedRelationsFirst(withTotalsAwaited(withPlainFieldsRead(schema)), new RelationRegistry(modules.flatMap((m) => m.relations ?? [])));
}

/** Relation fields answer a folded value directly (relations.ts `foldedFirst`); backing relations stay with their fields. */
function withFoldedRelationsFirst(schema: GraphQLSchema, relations: RelationRegistry): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const relation = relations.get(type.name, field.name);
      if (relation && !relation.backs && field.resolve) field.resolve = foldedFirst(relation, field.resolve);
    }
  }
  return schema;
}

/**
 * A connection's totalCount may still be counting (a promise) when its page is empty; the compiled executor awaits only
 * what a resolver returns, so totalCount is read through one.
 */
function withTotalsAwaited(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || !type.name.endsWith("Connection")) continue;
    const total = type.getFields().totalCount;
    if (total) total.resolve = (connection: { totalCount: unknown }) => connection.totalCount;
  }
  return schema;
}

/**
 * type-graphql wraps even a plain property field in a resolver (for middlewares it might have); fields with no
 * resolver method, roles or middleware go back to graphql's own property read, which costs nothing per field.
 */
function withPlainFieldsRead(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const resolved = new Set(storage.fieldResolvers.map((r) => `${r.getObjectType?.()?.name}.${r.methodName}`));
  for (const type of storage.objectTypes) {
    const graphqlType = schema.getType(type.name);
    if (!graphqlType || !("getFields" in graphqlType) || (graphqlType as GraphQLObjectType) !== schema.getType(type.name)) continue;
    const fields = (graphqlType as GraphQLObjectType).getFields();
    for (const field of type.fields ?? []) {
      const plain = !resolved.has(`${(field.target as { name: string }).name}.${field.name}`)
        && !(field.roles?.length) && !(field.middlewares?.length);
      if (plain && fields[field.schemaName]) fields[field.schemaName].resolve = undefined;
    }
  }
  return schema;
}

/** The printed schema, sorted so the file changes only when the API does. */
export function printKithSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
