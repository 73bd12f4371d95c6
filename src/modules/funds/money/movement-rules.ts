// What every movement of money for an agreement shares: the checks on its input, one transaction and idempotency key
// around it, and the result it answers with.
import type { DataSource, EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { once } from "../../../db/idempotency";
import { inTransaction } from "../../../db/transaction";
import { Agreement } from "../agreements/agreement.entity";
import { checkDay, MAX_MOVEMENT_PENCE } from "../fund-rules";
import { movementsWhere } from "../ledger/movements";
import { refuseAll, Result } from "../../../kit/refusals";
import { InputChecks } from "../../../kit/input-checks";
import { FundMovement } from "./money.types";

export type MovementResult = Result<{ movement: FundMovement; agreement: Agreement }>;

export interface MoneyIn {
  amountPence: number;
  occurredOn: string;
  memo?: string | null;
  idempotencyKey: string;
}

/** What a movement of money means, as its idempotency key remembers it. */
export interface MovementRequest {
  agreementId: string;
  amountPence: number;
  occurredOn: string;
  memo: string | null;
}

/** Checks what every movement of money is given; returns the idempotency key and the cleaned memo. */
function checkMovement(input: MoneyIn, today: string): { key: string; memo: string | null } {
  const c = new InputChecks();
  c.pence("amountPence", input.amountPence, { min: 1, max: MAX_MOVEMENT_PENCE, label: "amount" });
  checkDay(c, "occurredOn", input.occurredOn, today);
  const memo = c.text("memo", input.memo, { max: 2000 }) ?? null;
  const key = c.idempotencyKey(input.idempotencyKey);
  if (!c.ok) refuseAll(c.errors);
  return { key, memo };
}

/**
 * Moves money for an agreement once per idempotency key, in one transaction: checks the input, then `move` applies the
 * use case's rules and posts to the ledger, returning the ledger group's id. A replayed key answers the first result.
 */
export function moveMoneyOnce(
  db: DataSource | EntityManager, actor: Actor,
  o: { operation: string; agreementId: string; input: MoneyIn; today: () => string },
  move: (m: EntityManager, request: MovementRequest, today: string) => Promise<string>,
): Promise<MovementResult> {
  return inTransaction(db, async (m) => {
    const today = o.today();
    const { key, memo } = checkMovement(o.input, today);
    const request = { agreementId: o.agreementId, amountPence: o.input.amountPence, occurredOn: o.input.occurredOn, memo };
    return once<MovementResult>(m, actor, { operation: o.operation, key, input: request }, async () => {
      const groupId = await move(m, request, today);
      return { ref: groupId, result: await movementResult(m, groupId, o.agreementId) };
    }, (ref) => movementResult(m, ref, o.agreementId));
  });
}

async function movementResult(db: DataSource | EntityManager, groupId: string, agreementId: string): Promise<MovementResult> {
  const [movement] = await movementsWhere(db, "id", [groupId]);
  return { movement: FundMovement.of(movement), agreement: await db.getRepository(Agreement).findOneByOrFail({ id: agreementId }) };
}
