// What partner API keys may use of places: the public reference data; loading places is ADMIN's, never a key's.
import { KeyScopes, NO_KEY } from "../../auth/scopes";
import { ApiScope } from "../../auth/roles";

export const placesScopes: KeyScopes = {
  Query: { places: ApiScope.READ_PUBLIC },
  Mutation: { importPlaces: NO_KEY },
};
