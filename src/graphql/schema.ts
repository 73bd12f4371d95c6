// Builds the executable schema from the modules' resolvers; also prints it for schema.graphql.
import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema, getMetadataStorage } from "type-graphql";
import { authChecker } from "../auth/auth-checker";
import type { KithModule } from "../kith-module";
import { installContributions } from "../kit/extension-point";
import { DateTimeScalar } from "./scalars";
import { validateArgument } from "./validation";

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
  return withPlainFieldsRead(schema);
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
