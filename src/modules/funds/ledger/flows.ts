// The one definition of each figure a period reports (contributed, awarded, disbursed, repaid in cash and in social
// value, written off, recycled): rows of (fund, agreement, day, figure, pence) that Fund.figuresBetween, the region
// summary and fundingSummary all sum, each grouping them its own way (by fund, by place, by year or quarter).
export const FLOW_FIGURES = ["contributed", "awarded", "disbursed", "repaid_cash", "repaid_social", "written_off", "recycled"] as const;
export type FlowFigure = (typeof FLOW_FIGURES)[number];

/**
 * Which postings make which figure: the account posted to, the kind of movement, and the sign that makes the figure
 * positive (nets are debits less credits, so money into the pool is positive and money out negative).
 */
const POSTED: { account: string; movement: string; figure: FlowFigure; sign: 1 | -1 }[] = [
  { account: "POOL", movement: "CONTRIBUTION", figure: "contributed", sign: 1 },
  { account: "POOL", movement: "DISBURSEMENT", figure: "disbursed", sign: -1 },
  { account: "POOL", movement: "CASH_REPAYMENT", figure: "repaid_cash", sign: 1 },
  { account: "SOCIAL_REPAID", movement: "SOCIAL_REPAYMENT", figure: "repaid_social", sign: 1 },
  { account: "WRITE_OFF", movement: "WRITE_OFF", figure: "written_off", sign: 1 },
];
const POSTED_VALUES = POSTED.map((k) => `('${k.account}', '${k.movement}', '${k.figure}', ${k.sign})`).join(", ");

/**
 * The period and funds asked, as SQL expressions the caller binds (a parameter such as `$2::date`, or a scalar subquery
 * of its own): the ledger composes SQL text only (it is storage, and imports none of the API's SQL helpers).
 */
export interface FlowsWhere {
  /** First and last day counted, both included (UK calendar days, as the ledger records them): `date` expressions. */
  from: string;
  to: string;
  /** A `uuid[]` expression of the funds asked; null for every fund. */
  fundIds: string | null;
}

/**
 * SQL of flow rows `(fund_id, agreement_id, day, figure, pence)` between two days, both included:
 * - posted figures: a movement's net on the account that says what it was (the pool for contributions, disbursements
 *   and cash repaid; "repaid in social value"; write-offs), on the day the money moved;
 * - awarded: an agreement's whole amount on the day it was awarded (contributions have no agreement);
 * - recycled: pounds disbursed whose lot was a repayment (generation 2 or later), on the disbursement's day.
 * The filters sit inside each branch, so each reads only its days through the indexes on those days.
 */
export function flowsSql(where: FlowsWhere): string {
  const inFunds = (column: string) => (where.fundIds ? `${column} = ANY((${where.fundIds})::uuid[])` : "true");
  const between = (column: string) => `${column} BETWEEN ${where.from} AND ${where.to}`;
  return `
    SELECT g.fund_id, g.agreement_id, g.occurred_on AS day, k.figure, k.sign * CASE p.direction WHEN 'DEBIT' THEN p.pence ELSE -p.pence END AS pence
      FROM ledger_group g
      JOIN ledger_posting p ON p.group_id = g.id
      JOIN ledger_account a ON a.id = p.account_id
      JOIN (VALUES ${POSTED_VALUES}) k(account, movement, figure, sign) ON k.account = a.kind AND k.movement = g.kind
     WHERE ${between("g.occurred_on")} AND ${inFunds("g.fund_id")}
    UNION ALL
    SELECT ag.fund_id, ag.id, ag.awarded_on, 'awarded', ag.amount_pence
      FROM agreement ag
     WHERE ${between("ag.awarded_on")} AND ${inFunds("ag.fund_id")}
    UNION ALL
    SELECT al.fund_id, al.agreement_id, g.occurred_on, 'recycled', al.pence
      FROM fund_allocation al
      JOIN fund_lot l ON l.id = al.lot_id AND l.generation > 1
      JOIN ledger_group g ON g.id = al.ledger_group_id
     WHERE ${between("g.occurred_on")} AND ${inFunds("al.fund_id")}`;
}

/** `sum(pence) FILTER (figure = ...)` for each figure, as `<figure>_pence` columns of bigint, over flow rows aliased `alias`. */
export function flowSumsSql(alias: string): string {
  return FLOW_FIGURES.map((f) => `coalesce(sum(${alias}.pence) FILTER (WHERE ${alias}.figure = '${f}'), 0)::bigint AS ${f}_pence`).join(",\n      ");
}
