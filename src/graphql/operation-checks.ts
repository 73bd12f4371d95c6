// Checks each operation once its variables are coerced, before any resolver or credential check runs: no NUL
// character in any string it carries (PostgreSQL cannot store one), and a cost within the limit. The cost and the
// limit are reported in the response's `extensions`.
import type { ApolloServerPlugin } from "@apollo/server";
import {
  DocumentNode, getNamedType, getNullableType, getVariableValues, GraphQLError, GraphQLInputType, GraphQLSchema, isInputObjectType, isListType,
  Kind, typeFromAST, visit,
} from "graphql";
import { operationCost } from "./cost";
import { LIMITS } from "./limits";
import { currentRequest } from "./request-scope";

const NUL = "\u0000";

function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes(NUL);
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).some(holdsNul);
  return false;
}

/** Like holdsNul, but skips input fields marked nulReportedByService (validation.ts): their service says where the NUL is. */
function variableHoldsNul(value: unknown, type: GraphQLInputType | undefined): boolean {
  if (!type) return holdsNul(value);
  const t = getNullableType(type);
  if (isListType(t) && Array.isArray(value)) return value.some((v) => variableHoldsNul(v, t.ofType));
  const named = getNamedType(t);
  if (isInputObjectType(named) && value && typeof value === "object" && !Array.isArray(value)) {
    const fields = named.getFields();
    return Object.entries(value).some(([k, v]) => !fields[k]?.extensions?.nulReportedByService && variableHoldsNul(v, fields[k]?.type));
  }
  return holdsNul(value);
}

function variableType(schema: GraphQLSchema, operation: { variableDefinitions?: readonly { variable: { name: { value: string } }; type: never }[] }, name: string): GraphQLInputType | undefined {
  const d = operation.variableDefinitions?.find((v) => v.variable.name.value === name);
  return d ? (typeFromAST(schema, d.type) as GraphQLInputType | undefined) : undefined;
}

function literalHoldsNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes(NUL)) found = true;
    },
  });
  return found;
}

const refuse = (message: string, code: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 }, ...extensions } });

export function operationChecks<T extends object>(maxCost = LIMITS.maxCost): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      let cost: number | undefined;
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          // No operation of that name (or several and none named): said here, before anything would run it.
          if (!operation) throw refuse("The document has no operation of that name; give operationName as it is written.", "OPERATION_RESOLUTION_FAILURE");
          if (literalHoldsNul(document)) throw refuse("A string in the operation contains a NUL character, which cannot be stored.", "BAD_USER_INPUT");
          const { coerced } = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 }) as { coerced?: Record<string, unknown> };
          // Variables that do not coerce are refused by execution (BAD_USER_INPUT) before any resolver runs.
          if (!coerced) return;
          for (const [name, value] of Object.entries(coerced)) {
            if (variableHoldsNul(value, variableType(schema, operation as never, name))) throw refuse(`Variable "$${name}" contains a NUL character, which cannot be stored.`, "BAD_USER_INPUT");
          }
          cost = operationCost(schema, document, operation, coerced);
          const scope = currentRequest();
          if (scope) scope.cost = cost;
          if (cost > maxCost) {
            throw refuse(`This operation would cost ${cost}, more than the limit of ${maxCost}: ask for smaller pages or fewer nested lists.`,
              "QUERY_TOO_COMPLEX", { cost, costLimit: maxCost });
          }
        },
        async willSendResponse({ response }) {
          if (cost === undefined || response.body.kind !== "single") return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost, costLimit: maxCost };
        },
      };
    },
  };
}
