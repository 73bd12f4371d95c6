// Refuses, before anything runs, an operation a partner API key has no scope for: each root field it selects (in
// fragments too) needs the scope its module declared; undeclared and NO_KEY fields are closed to keys. The error names
// the scope and the field. Below the root, objects' own access rules decide (null where a key may not see).
import type { ApolloServerPlugin } from "@apollo/server";
import {
  DocumentNode, GraphQLError, GraphQLSchema, Kind, OperationDefinitionNode, TypeInfo, visit, visitWithTypeInfo,
} from "graphql";
import type { Context } from "./context";
import { ANY_KEY, KeyScopes, mergeKeyScopes, NO_KEY } from "../auth/scopes";
import type { ApiScope } from "../auth/roles";

export interface ScopeProblem {
  /** Where: `Query.agreements`, `Organisation.agreements`. */
  coordinate: string;
  /** The scope missing, or null when keys may not use the field at all. */
  scope: ApiScope | null;
}

/** The first thing the operation asks for that a key with `scopes` may not have, or null. */
export function scopeProblem(
  schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, rules: Required<KeyScopes>, scopes: ReadonlySet<string>,
): ScopeProblem | null {
  let problem: ScopeProblem | null = null;
  const typeInfo = new TypeInfo(schema);
  // The operation and the fragments it spreads (fragments it does not use are never run, so never checked).
  const used = new Set<string>();
  visit(operation, { FragmentSpread: (n) => void used.add(n.name.value) });
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of document.definitions) {
      if (d.kind === Kind.FRAGMENT_DEFINITION && used.has(d.name.value)) {
        visit(d, { FragmentSpread: (n) => { if (!used.has(n.name.value)) { used.add(n.name.value); grew = true; } } });
      }
    }
  }
  const parts = [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION && used.has(d.name.value))];
  for (const part of parts) {
    visit(part, visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (problem) return false;
        const parent = typeInfo.getParentType();
        const name = node.name.value;
        if (!parent || name.startsWith("__")) return undefined;
        const coordinate = `${parent.name}.${name}`;
        if (parent.name === "Query" || parent.name === "Mutation") {
          const access = rules[parent.name][name];
          if (access === undefined || access === NO_KEY) {
            problem = { coordinate, scope: null };
            return false;
          }
          if (access !== ANY_KEY && !scopes.has(access)) {
            problem = { coordinate, scope: access };
            return false;
          }
        }
        return undefined;
      },
    }));
  }
  return problem;
}

export function scopeError(p: ScopeProblem): GraphQLError {
  const message = p.scope
    ? `This API key needs the ${p.scope} scope for ${p.coordinate}.`
    : `${p.coordinate} is not open to API keys.`;
  return new GraphQLError(message, {
    extensions: { code: "FORBIDDEN", http: { status: 403 }, ...(p.scope ? { requiredScope: p.scope } : {}) },
  });
}

export function scopeChecks(declarations: KeyScopes[]): ApolloServerPlugin<Context> {
  const rules = mergeKeyScopes(declarations);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, schema }) {
          const scopes = contextValue.viewer.scopes;
          if (scopes === null || !operation) return;
          const problem = scopeProblem(schema, document, operation, rules, scopes);
          if (problem) throw scopeError(problem);
        },
      };
    },
  };
}
