// The rule residents hold over a transfer: when the latest binding ballot on it was declared REJECTED, it cannot
// complete; nor while a binding ballot on it is open, since completing then would decide before residents have. Contributed to the assets module's completion checks, so assets never imports this module.
import type { TransferCompletionCheck } from "../assets/assets.api";
import { refusal } from "../../kit/refusals";
import { decisionsApi } from "./decisions.api";
import { DecisionOutcome } from "./decisions.enums";

export const bindingBallotCheck: TransferCompletionCheck = {
  name: "decisions.bindingBallot",
  async check(m, transfer) {
    if (await decisionsApi.bindingBallotOpenOnTransfer(m, transfer.id)) {
      return refusal("stage", "BALLOT_OPEN", "A binding resident ballot on this transfer is open: it completes only once the result is declared and approves it.");
    }
    const verdict = await decisionsApi.bindingBallotOnTransfer(m, transfer.id);
    if (verdict?.outcome !== DecisionOutcome.REJECTED) return null;
    return refusal("stage", "BALLOT_REJECTED",
      `Residents rejected this transfer in a binding ballot declared on ${verdict.declaredOn}: it cannot complete.`);
  },
};
