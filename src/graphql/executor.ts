// Executes operations with graphql-jit: each distinct document is compiled once into plain JavaScript and kept (LRU),
// which answers large nested pages several times faster than graphql-js walking the schema per field. Apollo still
// parses, validates and formats; this plugs in through its gateway interface, which is how Apollo accepts an executor.
import type { GatewayExecutionResult, GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { ExecutionResult, GraphQLError, GraphQLSchema } from "graphql";
import { getVariableValues } from "graphql/execution/values";
import { compileQuery, CompiledQuery, isCompiledQuery } from "graphql-jit";

type Compiled = CompiledQuery<Record<string, unknown>, Record<string, unknown>>;

/** Distinct operations kept compiled; a client sending endless distinct documents only churns this cache. */
const COMPILED_LIMIT = 500;

class CompiledOperations {
  private readonly compiled = new Map<string, Compiled>();

  constructor(private readonly schema: GraphQLSchema) {}

  get(queryHash: string, operationName: string | null, compile: () => Compiled | ExecutionResult): Compiled | ExecutionResult {
    const key = `${queryHash}:${operationName ?? ""}`;
    const known = this.compiled.get(key);
    if (known) {
      // Refresh its place: the map's order is the eviction order.
      this.compiled.delete(key);
      this.compiled.set(key, known);
      return known;
    }
    const made = compile();
    if (!isCompiledQuery(made)) return made;
    if (this.compiled.size >= COMPILED_LIMIT) this.compiled.delete(this.compiled.keys().next().value!);
    this.compiled.set(key, made);
    return made;
  }

  executor(): GatewayExecutor {
    return async (request) => {
      // Variables are checked as graphql-js checks them, so a bad one is reported as Apollo reports it there
      // (BAD_USER_INPUT); the compiled operation coerces the raw values itself.
      const variables = request.request.variables ?? {};
      const checked = getVariableValues(this.schema, request.operation?.variableDefinitions ?? [], variables);
      if (checked.errors) return { errors: checked.errors };
      const compiled = this.get(request.queryHash, request.operationName,
        () => compileQuery(this.schema, request.document, request.operationName ?? undefined) as Compiled | ExecutionResult);
      const result = isCompiledQuery(compiled)
        ? await compiled.query(undefined, request.context, variables)
        : compiled;
      return { ...result, errors: result.errors?.map(asGraphQLError) } as GatewayExecutionResult;
    };
  }
}

/**
 * graphql-jit's errors are GraphQLErrors by prototype only (no extensions object when the cause has none); Apollo and
 * the masking in errors.ts expect graphql's own, so each becomes one, keeping its cause, path and locations.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const made = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  (made as { locations?: unknown }).locations = error.locations;
  return made;
}

/** The `gateway` option for ApolloServer: serves `schema`, executing through compiled operations. */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const operations = new CompiledOperations(schema);
  const listeners = new Set<(s: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void>();
  return {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: "" });
      return { executor: operations.executor() };
    },
    async stop() {},
  };
}
