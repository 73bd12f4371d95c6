// Builds the executable schema from the modules' resolvers; also prints it for schema.graphql.
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { authChecker } from "../auth/auth-checker";
import type { KithModule } from "../kith-module";
import { DateTimeScalar } from "./scalars";

export async function buildKithSchema(modules: KithModule[]): Promise<GraphQLSchema> {
  const resolvers = modules.flatMap((m) => m.resolvers ?? []);
  return buildSchema({
    resolvers: resolvers as [Function, ...Function[]], // eslint-disable-line @typescript-eslint/no-unsafe-function-type
    authChecker,
    // class-validator at the edge; never echo the input or the target object back in an error.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
}

/** The printed schema, sorted so the file changes only when the API does. */
export function printKithSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
