// What partner API keys may use of the foundation: refetching by ID (each object then keeps its own rules) and asking
// who they are; never sign-in, key management or the audit log.
import { ANY_KEY, KeyScopes, NO_KEY } from "./scopes";

export const foundationScopes: KeyScopes = {
  Query: {
    // Each object then applies its own access rules: null where the key may not see it.
    node: ANY_KEY,
    nodes: ANY_KEY,
    viewer: ANY_KEY,
    apiKeys: NO_KEY,
    auditEvents: NO_KEY,
  },
  Mutation: {
    signIn: NO_KEY,
    signOut: NO_KEY,
    signOutEverywhere: NO_KEY,
    endSession: NO_KEY,
    createApiKey: NO_KEY,
    revokeApiKey: NO_KEY,
  },
};
