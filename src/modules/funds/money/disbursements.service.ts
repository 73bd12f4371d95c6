// Disbursing an accepted award: never more than the agreement has undrawn, never more than the fund's pool holds.
import { touch } from "../../../kit/records";
import { formatPence as pounds } from "../../../kit/money";
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { fundAccess } from "../access";
import { moveAgreement } from "../agreements/agreement.transitions";
import { AgreementStatus } from "../funds.enums";
import { agreementBalances, fundFigures } from "../ledger/figures";
import { ledger } from "../ledger/ledger";
import { lockAgreement, onlyAdmin } from "../fund-rules";
import { MoneyIn, MovementResult, moveMoneyOnce } from "./movement-rules";
import { refuse } from "../../../kit/refusals";
import { WRONG_STATUS } from "../../../kit/lifecycle";
import { londonDate } from "../../../kit/calendar";
import { fundEvents } from "../funds.events";

export class DisbursementsService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  async disburse(actor: Actor, agreementId: string, input: MoneyIn): Promise<MovementResult> {
    if (!fundAccess.manage(actor.viewer)) return onlyAdmin("disburse money");
    return moveMoneyOnce(this.db, actor, { operation: "funds.disburse", agreementId, input, today: this.today }, async (m, request, today) => {
      const { fund, agreement } = await lockAgreement(m, agreementId);
      if (![AgreementStatus.OFFERED, AgreementStatus.ACTIVE].includes(agreement.status)) {
        refuse(null, WRONG_STATUS, `Only an accepted offer or an active agreement takes disbursements; this one is ${agreement.status}.`);
      }
      if (!agreement.acceptedAt) refuse(null, "OFFER_NOT_ACCEPTED", "The organisation has not accepted this offer yet.");
      if (input.occurredOn < agreement.awardedOn) refuse("occurredOn", "TOO_EARLY", `Money cannot move before the award (${agreement.awardedOn}).`);
      const { disbursedPence } = (await agreementBalances(m, [agreementId])).get(agreementId)!;
      const undrawn = agreement.amountPence - disbursedPence;
      if (input.amountPence > undrawn) {
        refuse("amountPence", "EXCEEDS_AGREEMENT", `Only ${pounds(undrawn)} of this agreement is still to disburse.`);
      }
      // The fund row is locked: no other movement can spend these pounds between this check and the posting.
      const { poolPence } = (await fundFigures(m, [fund.id])).get(fund.id)!;
      if (input.amountPence > poolPence) {
        refuse("amountPence", "FUND_OVERDRAWN", `The fund holds ${pounds(poolPence)}; a disbursement cannot overdraw it.`);
      }
      const group = await ledger.disbursement(m, actor, { fundId: fund.id, agreementId, pence: input.amountPence, occurredOn: input.occurredOn, memo: request.memo });
      if (agreement.status === AgreementStatus.OFFERED) {
        await moveAgreement(m, actor, agreement, AgreementStatus.ACTIVE, today);
        await fundEvents.agreementActivated(m, actor, agreement, { movementId: group.id, pence: input.amountPence, occurredOn: input.occurredOn });
      } else await m.save(touch(agreement));
      await audit.record(m, actor, { action: "agreement.disburse", entityType: "Agreement", entityId: agreementId, after: { ...request, movementId: group.id } });
      return group.id;
    });
  }
}
