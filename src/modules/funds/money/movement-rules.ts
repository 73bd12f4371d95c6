// What every movement of money for an agreement shares: the checks on its input and the result it answers with.
import type { DataSource, EntityManager } from "typeorm";
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

export async function movementResult(db: DataSource | EntityManager, groupId: string, agreementId: string): Promise<MovementResult> {
  const [movement] = await movementsWhere(db, "id", [groupId]);
  return { movement: FundMovement.of(movement), agreement: await db.getRepository(Agreement).findOneByOrFail({ id: agreementId }) };
}
