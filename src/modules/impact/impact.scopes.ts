// What partner API keys may use of impact: the catalogue is public (read:public); summaries need read:impact;
// recording and verifying measurements are people's (a write:measurements scope is not offered yet).
import { KeyScopes, NO_KEY } from "../../auth/scopes";
import { ApiScope } from "../../auth/roles";

export const impactScopes: KeyScopes = {
  Query: { impactMetrics: ApiScope.READ_PUBLIC, impactSummary: ApiScope.READ_IMPACT, regionSummary: ApiScope.READ_IMPACT },
  Mutation: Object.fromEntries(["importMeasurements", "recordMeasurement", "correctMeasurement", "verifyMeasurement", "setOrganisationYear", "defineImpactMetric",
    "updateImpactMetric", "addProxyValue"].map((name) => [name, NO_KEY])),
};
