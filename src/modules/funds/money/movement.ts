// A movement of a fund's money as clients see it: one ledger group with its kind, day and amount.
import type { DataSource, EntityManager } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../../graphql/node";
import { DateScalar, Money, money } from "../../../graphql/scalars";
import { MovementKind } from "../funds.enums";

@ObjectType({ implements: Node, description: "A movement of a fund's money: a balanced group of ledger postings, never edited." })
export class FundMovement {
  id: string;
  fundId: string;
  agreementId: string | null;
  pence: number;

  @Field(() => MovementKind)
  kind: MovementKind;

  @Field(() => DateScalar, { description: "The day the money moved." })
  occurredOn: string;

  @Field(() => String, { nullable: true })
  memo: string | null;

  @Field({ description: "When it was recorded." })
  recordedAt: Date;

  @Field(() => Money)
  get amount(): Money {
    return money(this.pence);
  }
}

/** Movements by group id or by agreement (oldest first), each with its amount: the sum of its debits. */
export async function movementsWhere(db: DataSource | EntityManager, column: "id" | "agreement_id", keys: readonly string[]): Promise<FundMovement[]> {
  const rows: { id: string; fund_id: string; agreement_id: string | null; kind: MovementKind; occurred_on: string; memo: string | null; recorded_at: Date; pence: number }[] =
    await db.query(
      `SELECT g.id, g.fund_id, g.agreement_id, g.kind, g.occurred_on, g.memo, g.recorded_at,
              (SELECT sum(p.pence) FROM ledger_posting p WHERE p.group_id = g.id AND p.direction = 'DEBIT')::bigint AS pence
       FROM ledger_group g WHERE g.${column} = ANY($1) ORDER BY g.occurred_on, g.recorded_at, g.id`,
      [keys],
    );
  return rows.map((r) => Object.assign(new FundMovement(), {
    id: r.id, fundId: r.fund_id, agreementId: r.agreement_id, kind: r.kind, occurredOn: r.occurred_on, memo: r.memo, recordedAt: r.recorded_at, pence: r.pence,
  }));
}
