// Fund and agreement figures, summed from ledger postings (DESIGN.md: contributed, disbursed, repaid are sums of postings).
import type { DataSource, EntityManager } from "typeorm";

type Db = DataSource | EntityManager;

export interface FundFigures {
  contributedPence: number;
  /** Live agreements' whole amounts, plus what ended agreements actually drew (their undrawn part is released). */
  awardedPence: number;
  disbursedPence: number;
  repaidCashPence: number;
  repaidSocialPence: number;
  writtenOffPence: number;
  /** Disbursed pounds whose lot was a repayment: money out for at least the second time. */
  recycledPence: number;
  /** What can still be awarded: contributed − awarded + repaidCash. */
  availablePence: number;
  /** Money in the pool now: contributed − disbursed + repaidCash. */
  poolPence: number;
}

export interface AgreementBalance {
  disbursedPence: number;
  repaidCashPence: number;
  repaidSocialPence: number;
  writtenOffPence: number;
  /** What the organisation has received and not yet repaid or had written off. */
  outstandingPence: number;
}

/** Net movement per (fund, account kind, movement kind): every figure is one of these sums. */
const FLOWS = `
  SELECT a.fund_id, a.kind AS account, g.kind AS movement,
         sum(CASE p.direction WHEN 'DEBIT' THEN p.pence ELSE -p.pence END)::bigint AS net
  FROM ledger_account a
  JOIN ledger_posting p ON p.account_id = a.id
  JOIN ledger_group g ON g.id = p.group_id
  WHERE a.fund_id = ANY($1) AND a.kind IN ('POOL', 'SOCIAL_REPAID', 'WRITE_OFF')
  GROUP BY a.fund_id, a.kind, g.kind`;

/** Per agreement, the total of each kind of movement on its receivable (each kind moves it one way only). */
const RECEIVABLE_FLOWS = `
  SELECT a.agreement_id, g.kind AS movement, sum(p.pence)::bigint AS pence
  FROM ledger_account a
  JOIN ledger_posting p ON p.account_id = a.id
  JOIN ledger_group g ON g.id = p.group_id
  WHERE a.kind = 'RECEIVABLE' AND a.agreement_id = ANY($1)
  GROUP BY a.agreement_id, g.kind`;

/**
 * A live agreement (OFFERED or ACTIVE) counts whole towards what is awarded; an ended one (REPAID, CLOSED, WRITTEN_OFF)
 * only with what it drew. "Live" is read as "not ended": the agreement table's agreement_ended_check holds
 * ended_on and the ended statuses together, and the ledger need not know the agreement lifecycle's names.
 */
export async function fundFigures(db: Db, fundIds: readonly string[]): Promise<Map<string, FundFigures>> {
  const rows: { fund_id: string; kind: "flow" | "awarded" | "recycled"; account: string | null; movement: string | null; pence: number }[] = await db.query(
    `WITH flows AS (${FLOWS})
     SELECT fund_id, 'flow' AS kind, account, movement, net AS pence FROM flows
     UNION ALL
     SELECT ag.fund_id, 'awarded', NULL, NULL,
            sum(CASE WHEN ag.ended_on IS NULL THEN ag.amount_pence ELSE coalesce(d.pence, 0) END)::bigint
     FROM agreement ag
     LEFT JOIN LATERAL (
       SELECT sum(p.pence) AS pence FROM ledger_account a
       JOIN ledger_posting p ON p.account_id = a.id JOIN ledger_group g ON g.id = p.group_id
       WHERE a.agreement_id = ag.id AND g.kind = 'DISBURSEMENT'
     ) d ON ag.ended_on IS NOT NULL
     WHERE ag.fund_id = ANY($1) GROUP BY ag.fund_id
     UNION ALL
     SELECT a.fund_id, 'recycled', NULL, NULL, sum(a.pence)::bigint FROM fund_allocation a JOIN fund_lot l ON l.id = a.lot_id
     WHERE a.fund_id = ANY($1) AND l.generation > 1 GROUP BY a.fund_id`,
    [fundIds],
  );
  const result = new Map<string, FundFigures>();
  for (const fundId of fundIds) {
    const mine = rows.filter((r) => r.fund_id === fundId);
    const net = (account: string, movement: string) => mine.find((r) => r.kind === "flow" && r.account === account && r.movement === movement)?.pence ?? 0;
    const contributedPence = net("POOL", "CONTRIBUTION");
    const disbursedPence = -net("POOL", "DISBURSEMENT");
    const repaidCashPence = net("POOL", "CASH_REPAYMENT");
    const awardedPence = mine.find((r) => r.kind === "awarded")?.pence ?? 0;
    result.set(fundId, {
      contributedPence, awardedPence, disbursedPence, repaidCashPence,
      repaidSocialPence: net("SOCIAL_REPAID", "SOCIAL_REPAYMENT"),
      writtenOffPence: net("WRITE_OFF", "WRITE_OFF"),
      recycledPence: mine.find((r) => r.kind === "recycled")?.pence ?? 0,
      availablePence: contributedPence - awardedPence + repaidCashPence,
      poolPence: contributedPence - disbursedPence + repaidCashPence,
    });
  }
  return result;
}

export async function agreementBalances(db: Db, agreementIds: readonly string[]): Promise<Map<string, AgreementBalance>> {
  const rows: { agreement_id: string; movement: string; pence: number }[] = await db.query(RECEIVABLE_FLOWS, [agreementIds]);
  return new Map(agreementIds.map((id) => {
    const total = (movement: string) => rows.find((r) => r.agreement_id === id && r.movement === movement)?.pence ?? 0;
    const b = {
      disbursedPence: total("DISBURSEMENT"),
      repaidCashPence: total("CASH_REPAYMENT"),
      repaidSocialPence: total("SOCIAL_REPAYMENT"),
      writtenOffPence: total("WRITE_OFF"),
    };
    return [id, { ...b, outstandingPence: b.disbursedPence - b.repaidCashPence - b.repaidSocialPence - b.writtenOffPence }];
  }));
}
