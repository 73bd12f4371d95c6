// What partner API keys may use of community assets: the register, transfers and uplift are public (read:public);
// every change is the owners' and staff's.
import { KeyScopes, NO_KEY } from "../../auth/scopes";
import { ApiScope } from "../../auth/roles";

export const assetsScopes: KeyScopes = {
  Query: { assets: ApiScope.READ_PUBLIC, assetTransfers: ApiScope.READ_PUBLIC, assetUplift: ApiScope.READ_PUBLIC },
  Mutation: Object.fromEntries([
    "nominateAssetOfCommunityValue", "decideAcvNomination", "notifyAcvDisposal", "registerAcvIntentToBid", "recordAcvDisposal",
    "registerAsset", "updateAsset", "recordAssetValuation", "startAssetTransfer", "setAssetTransferTerms", "moveAssetTransfer",
  ].map((name) => [name, NO_KEY])),
};
