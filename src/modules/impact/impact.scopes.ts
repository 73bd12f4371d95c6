// What partner API keys may use of impact: the catalogue is public (read:public); summaries need read:impact;
// a key with write:measurements records measurements for the organisations its partner created or was linked to;
// correcting, verifying, importing and the catalogue are people's.
import { KeyScopes, NO_KEY } from "../../auth/scopes";
import { ApiScope } from "../../auth/roles";

export const impactScopes: KeyScopes = {
  Query: { impactMetrics: ApiScope.READ_PUBLIC, impactSummary: ApiScope.READ_IMPACT, regionSummary: ApiScope.READ_IMPACT },
  Mutation: {
    recordMeasurement: ApiScope.WRITE_MEASUREMENTS,
    ...Object.fromEntries(["importMeasurements", "correctMeasurement", "verifyMeasurement", "setOrganisationYear", "defineImpactMetric",
      "updateImpactMetric", "addProxyValue"].map((name) => [name, NO_KEY])),
  },
};
