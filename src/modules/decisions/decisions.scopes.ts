// What partner API keys may use of community decisions: processes and their results are public (read:public); keys
// never organise, pitch, register or vote (a vote is a resident's own).
import { KeyScopes, NO_KEY } from "../../auth/scopes";
import { ApiScope } from "../../auth/roles";

export const decisionsScopes: KeyScopes = {
  Query: { decisionProcesses: ApiScope.READ_PUBLIC },
  Mutation: Object.fromEntries(["createParticipatoryBudget", "createResidentBallot", "createPanelDecision", "updateDecisionProcess",
    "openDecisionProcess", "submitDecisionPitch", "registerToVote", "castVote", "declareDecisionResult"].map((name) => [name, NO_KEY])),
};
