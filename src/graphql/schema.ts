// Builds the executable schema from the modules' resolvers; also prints it for schema.graphql.
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { authChecker } from "../auth/auth-checker";
import type { KithModule } from "../kith-module";
import { installContributions } from "../kit/extension-point";
import { DateTimeScalar } from "./scalars";
import { validateArgument } from "./validation";

export async function buildKithSchema(modules: KithModule[]): Promise<GraphQLSchema> {
  installContributions(modules);
  const resolvers = modules.flatMap((m) => m.resolvers ?? []);
  return buildSchema({
    resolvers: resolvers as [Function, ...Function[]], // eslint-disable-line @typescript-eslint/no-unsafe-function-type
    authChecker,
    // Every argument at every depth, never echoing the input (see validation.ts).
    validateFn: validateArgument,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
}

/** The printed schema, sorted so the file changes only when the API does. */
export function printKithSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
