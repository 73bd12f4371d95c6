// Query limits: depth, aliases and directives (graphql-armor), tokens (the parser), cost (cost.ts, on coerced
// variables), and only the operation types this schema has. Every contract operation passes; bombs do not.
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, ValidationRule } from "graphql";

export const LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 3000,
  maxDirectives: 20,
  /**
   * Most one operation may cost (cost.ts): about that many objects. Every contract operation fits with every page in
   * it at 100: the dearest, CommunityOwnership, costs about 1,100 as written and 30,702 so (100 assets with 100
   * transfers each, three objects a transfer); three nested pages of 100 (1,000,000) or five of the default 20
   * (3,200,000) are refused.
   */
  maxCost: 32_000,
};

export function armorProtection() {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: LIMITS.maxAliases },
    // Armor's token plugin throws from an Apollo hook that turns the refusal into a 500; graphql-js counts tokens
    // in the parser itself (see parseLimits), which Apollo reports as GRAPHQL_PARSE_FAILED with a 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives },
    // Armor's cost sees literals only: a page size passed as a variable cost nothing. Cost is computed on the
    // coerced variables instead (operation-checks.ts).
    costLimit: { enabled: false },
    // formatError removes "Did you mean ..." itself; armor's plugin would rewrite messages of errors that may not be rewritten.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

/** Apollo's `parseOptions`: the parser stops at the token limit before building a huge document. */
export function parseLimits() {
  return { maxTokens: LIMITS.maxTokens };
}

/**
 * An operation of a type the schema does not have (this server has no subscriptions) is invalid, not a fault:
 * graphql-js would only notice at execution and answer with an error that has no code.
 */
export const KnownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This API has no ${node.operation} operations; use a query or a mutation.`, { nodes: node }));
    }
  },
});
