// What partner API keys may use of the funds: read funds, agreements (awards) and what applications the key may see
// with read:funds (below the root, access.ts answers null to keys without it); never move money or decide.
import { KeyScopes, NO_KEY } from "../../auth/scopes";
import { ApiScope } from "../../auth/roles";

export const fundsScopes: KeyScopes = {
  Query: { funds: ApiScope.READ_FUNDS, agreements: ApiScope.READ_FUNDS, applications: ApiScope.READ_FUNDS, fundingSummary: ApiScope.READ_FUNDS },
  Mutation: Object.fromEntries([
    "disburse", "recordCashRepayment", "claimSocialRepayment", "reviewSocialRepayment", "acceptOffer", "rescheduleAgreement",
    "closeAgreement", "writeOffAgreement", "createFund", "updateFund", "addContribution", "openRound", "closeRound",
    "draftApplication", "updateApplication", "submitApplication", "withdrawApplication", "recordPanelView", "decideApplication",
    "addApplicationPartner", "removeApplicationPartner", "respondToApplicationPartnership",
  ].map((name) => [name, NO_KEY])),
};
