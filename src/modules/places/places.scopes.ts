// What partner API keys may use of places: the public reference data.
import { KeyScopes } from "../../auth/scopes";
import { ApiScope } from "../../auth/roles";

export const placesScopes: KeyScopes = {
  Query: { places: ApiScope.READ_PUBLIC },
};
