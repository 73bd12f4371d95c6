// What partner API keys may use of the foundation: refetching by ID (each object then keeps its own rules and its
// type's scope) and asking who they are; never sign-in, key management or the audit log.
import { KeyScopes, NO_KEY } from "./scopes";
import { ApiScope } from "./roles";

export const foundationScopes: KeyScopes = {
  Query: {
    node: ApiScope.READ_PUBLIC,
    nodes: ApiScope.READ_PUBLIC,
    viewer: ApiScope.READ_PUBLIC,
    apiKeys: NO_KEY,
    auditEvents: NO_KEY,
  },
  Mutation: {
    signIn: NO_KEY,
    createApiKey: NO_KEY,
    revokeApiKey: NO_KEY,
  },
};
