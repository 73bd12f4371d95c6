// Fund and agreement figures, summed from ledger postings (DESIGN.md: contributed, disbursed, repaid are sums of postings).
import type { DataSource, EntityManager } from "typeorm";
import { flowSumsSql, flowsSql } from "./flows";

type Db = DataSource | EntityManager;

export interface FundFigures extends FundPeriodFigures {
  /** Live agreements' whole amounts, plus what ended agreements actually drew (their undrawn part is released). */
  awardedPence: number;
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

/**
 * One row of figures per fund (`__parent` is the fund's id), every figure a sum of postings: readers filter it by fund
 * (`WHERE __parent = ANY(...)`), and the API folds it under a page of funds. Nets are debits less credits, so money
 * into the pool is positive and money out negative.
 *
 * A live agreement counts whole towards what is awarded; an ended one (REPAID, CLOSED, WRITTEN_OFF) only with what it
 * drew. "Live" is read as "not ended": the agreement table's agreement_ended_check holds ended_on and the ended
 * statuses together, and the ledger need not know the agreement lifecycle's names.
 */
export const FUND_FIGURES_SQL = `
  SELECT f.id AS __parent, flows.*, awarded.awarded_pence, recycled.recycled_pence
  FROM fund f
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(n) FILTER (WHERE account = 'POOL' AND movement = 'CONTRIBUTION'), 0)::bigint AS contributed_pence,
           coalesce(-sum(n) FILTER (WHERE account = 'POOL' AND movement = 'DISBURSEMENT'), 0)::bigint AS disbursed_pence,
           coalesce(sum(n) FILTER (WHERE account = 'POOL' AND movement = 'CASH_REPAYMENT'), 0)::bigint AS repaid_cash_pence,
           coalesce(sum(n) FILTER (WHERE account = 'SOCIAL_REPAID' AND movement = 'SOCIAL_REPAYMENT'), 0)::bigint AS repaid_social_pence,
           coalesce(sum(n) FILTER (WHERE account = 'WRITE_OFF' AND movement = 'WRITE_OFF'), 0)::bigint AS written_off_pence
    FROM (SELECT a.kind AS account, g.kind AS movement, CASE p.direction WHEN 'DEBIT' THEN p.pence ELSE -p.pence END AS n
            FROM ledger_account a JOIN ledger_posting p ON p.account_id = a.id JOIN ledger_group g ON g.id = p.group_id
           WHERE a.fund_id = f.id AND a.kind IN ('POOL', 'SOCIAL_REPAID', 'WRITE_OFF')) net
  ) flows
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(CASE WHEN ag.ended_on IS NULL THEN ag.amount_pence ELSE coalesce(d.pence, 0) END), 0)::bigint AS awarded_pence
    FROM agreement ag
    LEFT JOIN LATERAL (
      SELECT sum(p.pence) AS pence FROM ledger_account a
      JOIN ledger_posting p ON p.account_id = a.id JOIN ledger_group g ON g.id = p.group_id
      WHERE a.agreement_id = ag.id AND g.kind = 'DISBURSEMENT'
    ) d ON ag.ended_on IS NOT NULL
    WHERE ag.fund_id = f.id
  ) awarded
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(al.pence), 0)::bigint AS recycled_pence FROM fund_allocation al JOIN fund_lot l ON l.id = al.lot_id
    WHERE al.fund_id = f.id AND l.generation > 1
  ) recycled`;

/** One row of balances per agreement (`__parent` is its id): the total of each kind of movement on its receivable. */
export const AGREEMENT_BALANCES_SQL = `
  SELECT ag.id AS __parent,
         coalesce(sum(p.pence) FILTER (WHERE g.kind = 'DISBURSEMENT'), 0)::bigint AS disbursed_pence,
         coalesce(sum(p.pence) FILTER (WHERE g.kind = 'CASH_REPAYMENT'), 0)::bigint AS repaid_cash_pence,
         coalesce(sum(p.pence) FILTER (WHERE g.kind = 'SOCIAL_REPAYMENT'), 0)::bigint AS repaid_social_pence,
         coalesce(sum(p.pence) FILTER (WHERE g.kind = 'WRITE_OFF'), 0)::bigint AS written_off_pence
  FROM agreement ag
  LEFT JOIN ledger_account a ON a.agreement_id = ag.id AND a.kind = 'RECEIVABLE'
  LEFT JOIN ledger_posting p ON p.account_id = a.id
  LEFT JOIN ledger_group g ON g.id = p.group_id
  GROUP BY ag.id`;

/** A row of FUND_FIGURES_SQL as figures, with what follows from them. */
export function toFundFigures(row: Record<string, unknown>): FundFigures {
  const n = (k: string) => Number(row[k] ?? 0);
  const contributedPence = n("contributed_pence");
  const disbursedPence = n("disbursed_pence");
  const repaidCashPence = n("repaid_cash_pence");
  const awardedPence = n("awarded_pence");
  return {
    contributedPence, awardedPence, disbursedPence, repaidCashPence,
    repaidSocialPence: n("repaid_social_pence"),
    writtenOffPence: n("written_off_pence"),
    recycledPence: n("recycled_pence"),
    availablePence: contributedPence - awardedPence + repaidCashPence,
    poolPence: contributedPence - disbursedPence + repaidCashPence,
  };
}

/** A row of AGREEMENT_BALANCES_SQL as a balance. */
export function toAgreementBalance(row: Record<string, unknown> | undefined): AgreementBalance {
  const n = (k: string) => Number(row?.[k] ?? 0);
  const b = {
    disbursedPence: n("disbursed_pence"), repaidCashPence: n("repaid_cash_pence"),
    repaidSocialPence: n("repaid_social_pence"), writtenOffPence: n("written_off_pence"),
  };
  return { ...b, outstandingPence: b.disbursedPence - b.repaidCashPence - b.repaidSocialPence - b.writtenOffPence };
}

export async function fundFigures(db: Db, fundIds: readonly string[]): Promise<Map<string, FundFigures>> {
  const rows: Record<string, unknown>[] = await db.query(`SELECT * FROM (${FUND_FIGURES_SQL}) t WHERE t.__parent = ANY($1)`, [fundIds]);
  const byFund = new Map(rows.map((r) => [String(r.__parent), r]));
  return new Map(fundIds.map((id) => [id, toFundFigures(byFund.get(id) ?? {})]));
}

export async function agreementBalances(db: Db, agreementIds: readonly string[]): Promise<Map<string, AgreementBalance>> {
  const rows: Record<string, unknown>[] = await db.query(`SELECT * FROM (${AGREEMENT_BALANCES_SQL}) t WHERE t.__parent = ANY($1)`, [agreementIds]);
  const byAgreement = new Map(rows.map((r) => [String(r.__parent), r]));
  return new Map(agreementIds.map((id) => [id, toAgreementBalance(byAgreement.get(id))]));
}

/** What moved through a fund between two days (both included): flows only, so a dashboard can show a year. */
export interface FundPeriodFigures {
  contributedPence: number;
  /** The whole amounts of agreements awarded in the period. */
  awardedPence: number;
  disbursedPence: number;
  repaidCashPence: number;
  repaidSocialPence: number;
  writtenOffPence: number;
  /** Pounds disbursed in the period that had been repaid before. */
  recycledPence: number;
}

/** Each fund's flows between `from` and `to` (London days, inclusive): the period figures of flows.ts, summed by fund. */
export async function fundFiguresBetween(db: Db, fundIds: readonly string[], from: string, to: string): Promise<Map<string, FundPeriodFigures>> {
  const rows: Record<string, unknown>[] = await db.query(`SELECT f.fund_id, ${flowSumsSql("f")}
    FROM (${flowsSql({ fundIds: "$1::uuid[]", from: "$2::date", to: "$3::date" })}) f GROUP BY f.fund_id`, [fundIds, from, to]);
  const byFund = new Map(rows.map((r) => [String(r.fund_id), r]));
  return new Map(fundIds.map((id) => [id, toPeriodFigures(byFund.get(id))]));
}

/** A row of flowSumsSql's columns as a period's figures. */
export function toPeriodFigures(row: Record<string, unknown> | undefined): FundPeriodFigures {
  const n = (k: string) => Number(row?.[k] ?? 0);
  return {
    contributedPence: n("contributed_pence"), awardedPence: n("awarded_pence"), disbursedPence: n("disbursed_pence"),
    repaidCashPence: n("repaid_cash_pence"), repaidSocialPence: n("repaid_social_pence"), writtenOffPence: n("written_off_pence"),
    recycledPence: n("recycled_pence"),
  };
}
