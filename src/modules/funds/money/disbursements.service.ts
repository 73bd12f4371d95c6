// Disbursing an accepted award: never more than the agreement has undrawn, never more than the fund's pool holds.
import { touch } from "../../../kit/records";
import { formatPence as pounds } from "../../../kit/money";
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { once } from "../../../db/idempotency";
import { inTransaction } from "../../../db/transaction";
import { fundAccess } from "../access";
import { Agreement } from "../agreements/agreement.entity";
import { moveAgreement } from "../agreements/agreement.transitions";
import { AgreementStatus } from "../funds.enums";
import { agreementBalances, fundFigures } from "../ledger/figures";
import { ledger } from "../ledger/ledger";
import { FundMovement, movementsWhere } from "./movement";
import { checkDay, lockAgreement, MAX_MOVEMENT_PENCE, onlyAdmin } from "../fund-rules";
import { Refusal, refuse, refuseAll } from "../../../kit/refusals";
import { InputChecks } from "../../../kit/input-checks";
import { londonDate } from "../../../kit/calendar";

export type MovementResult = { movement: FundMovement; agreement: Agreement } | { errors: Refusal[] };

export interface MoneyIn {
  amountPence: number;
  occurredOn: string;
  memo?: string | null;
  idempotencyKey: string;
}

/** Checks what every movement of money is given; returns the idempotency key and the cleaned memo. */
export function checkMovement(input: MoneyIn, today: string): { key: string; memo: string | null } {
  const c = new InputChecks();
  c.pence("amountPence", input.amountPence, { min: 1, max: MAX_MOVEMENT_PENCE, label: "amount" });
  checkDay(c, "occurredOn", input.occurredOn, today);
  const memo = c.text("memo", input.memo, { max: 2000 }) ?? null;
  const key = c.idempotencyKey(input.idempotencyKey);
  if (!c.ok) refuseAll(c.errors);
  return { key, memo };
}

export async function movementResult(db: Parameters<typeof movementsWhere>[0], groupId: string, agreementId: string): Promise<MovementResult> {
  const [movement] = await movementsWhere(db, "id", [groupId]);
  return { movement, agreement: await db.getRepository(Agreement).findOneByOrFail({ id: agreementId }) };
}

export class DisbursementsService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  async disburse(actor: Actor, agreementId: string, input: MoneyIn): Promise<MovementResult> {
    if (!fundAccess.manage(actor.viewer)) return onlyAdmin("disburse money");
    return inTransaction(this.db, async (m) => {
      const today = this.today();
      const { key, memo } = checkMovement(input, today);
      const request = { agreementId, amountPence: input.amountPence, occurredOn: input.occurredOn, memo };
      return once<MovementResult>(m, actor, { operation: "funds.disburse", key, input: request }, async () => {
        const { fund, agreement } = await lockAgreement(m, agreementId);
        if (![AgreementStatus.OFFERED, AgreementStatus.ACTIVE].includes(agreement.status)) {
          refuse(null, "WRONG_STATUS", `Only an accepted offer or an active agreement takes disbursements; this one is ${agreement.status}.`);
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
        const group = await ledger.disbursement(m, actor, { fundId: fund.id, agreementId, pence: input.amountPence, occurredOn: input.occurredOn, memo });
        if (agreement.status === AgreementStatus.OFFERED) await moveAgreement(m, actor, agreement, AgreementStatus.ACTIVE, today);
        else await m.save(touch(agreement));
        await audit.record(m, actor, { action: "agreement.disburse", entityType: "Agreement", entityId: agreementId, after: { ...request, movementId: group.id } });
        return { ref: group.id, result: await movementResult(m, group.id, agreementId) };
      }, (ref) => movementResult(m, ref, agreementId));
    });
  }
}
