// Query limits (graphql-armor): every contract operation passes; deep, wide, aliased or huge ones are refused.
import { ApolloArmor } from "@escape.tech/graphql-armor";

export const LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 3000,
  maxDirectives: 20,
  maxCost: 20000,
};

export function armorProtection() {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: LIMITS.maxAliases },
    // Armor's token plugin throws from an Apollo hook that turns the refusal into a 500; graphql-js counts tokens
    // in the parser itself (see parseLimits), which Apollo reports as GRAPHQL_PARSE_FAILED with a 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives },
    costLimit: { maxCost: LIMITS.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true },
    // formatError removes "Did you mean ..." itself; armor's plugin would rewrite messages of errors that may not be rewritten.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

/** Apollo's `parseOptions`: the parser stops at the token limit before building a huge document. */
export function parseLimits() {
  return { maxTokens: LIMITS.maxTokens };
}
