// Movements of a fund's money as the ledger holds them: one balanced group each, with its kind, day and amount.
import type { DataSource, EntityManager } from "typeorm";
import { MovementKind } from "./ledger.enums";

export interface LedgerMovement {
  /** The ledger group's id. */
  id: string;
  fundId: string;
  agreementId: string | null;
  kind: MovementKind;
  /** The day the money moved. */
  occurredOn: string;
  memo: string | null;
  recordedAt: Date;
  /** The sum of the group's debits (equal to its credits). */
  pence: number;
}

/** Movements by group id or by agreement (oldest first), each with its amount: the sum of its debits. */
export async function movementsWhere(db: DataSource | EntityManager, column: "id" | "agreement_id", keys: readonly string[]): Promise<LedgerMovement[]> {
  const rows: { id: string; fund_id: string; agreement_id: string | null; kind: MovementKind; occurred_on: string; memo: string | null; recorded_at: Date; pence: number }[] =
    await db.query(
      `SELECT g.id, g.fund_id, g.agreement_id, g.kind, g.occurred_on, g.memo, g.recorded_at,
              (SELECT sum(p.pence) FROM ledger_posting p WHERE p.group_id = g.id AND p.direction = 'DEBIT')::bigint AS pence
       FROM ledger_group g WHERE g.${column} = ANY($1) ORDER BY g.occurred_on, g.recorded_at, g.id`,
      [keys],
    );
  return rows.map((r) => ({
    id: r.id, fundId: r.fund_id, agreementId: r.agreement_id, kind: r.kind, occurredOn: r.occurred_on, memo: r.memo, recordedAt: r.recorded_at, pence: r.pence,
  }));
}
