// What partner API keys may use of community-led housing: the pipeline and homes delivered are public (read:public).
import { KeyScopes, NO_KEY } from "../../auth/scopes";
import { ApiScope } from "../../auth/roles";

export const housingScopes: KeyScopes = {
  Query: { housingSchemes: ApiScope.READ_PUBLIC, homesDelivered: ApiScope.READ_PUBLIC },
  Mutation: Object.fromEntries([
    "startHousingScheme", "updateHousingScheme", "moveHousingScheme", "planHousingHomes", "recordHomesCompleted", "setHousingPartnership",
  ].map((name) => [name, NO_KEY])),
};
