// Lineage of every pound: contributions and cash repayments enter the pool as lots; disbursements draw the oldest lots
// first; a cash repayment returns the agreement's oldest unrepaid pounds first, remembering where they came from.
import type { DataSource, EntityManager } from "typeorm";

type Db = DataSource | EntityManager;

export async function lotFromContribution(m: EntityManager, l: { fundId: string; groupId: string; contributionId: string; pence: number }): Promise<void> {
  await m.query(
    `INSERT INTO fund_lot (fund_id, ledger_group_id, contribution_id, generation, pence) VALUES ($1, $2, $3, 1, $4)`,
    [l.fundId, l.groupId, l.contributionId, l.pence],
  );
}

/** Rows still open in FIFO order, each with how much comes before it, cut off once `$2` pence are covered. */
const TAKE_FIRST_IN_FIRST_OUT = `
  running AS (
    SELECT id, remaining, sum(remaining) OVER (ORDER BY id) - remaining AS before FROM open WHERE remaining > 0
  )`;

function covered(rows: { pence: number }[], wanted: number, what: string): void {
  const got = rows.reduce((s, r) => s + Number(r.pence), 0);
  if (got !== wanted) throw new Error(`lineage: ${what} covers ${got} of ${wanted} pence`);
}

/** Draws `pence` from the fund's lots, oldest first. Callers have checked the pool holds enough. */
export async function allocateFirstInFirstOut(m: EntityManager, a: { fundId: string; groupId: string; agreementId: string; pence: number }): Promise<void> {
  const rows: { pence: number }[] = await m.query(
    `WITH open AS (
       SELECT l.id, l.pence - coalesce((SELECT sum(x.pence) FROM fund_allocation x WHERE x.lot_id = l.id), 0) AS remaining
       FROM fund_lot l WHERE l.fund_id = $1
     ), ${TAKE_FIRST_IN_FIRST_OUT}
     INSERT INTO fund_allocation (fund_id, ledger_group_id, agreement_id, lot_id, pence)
     SELECT $1, $3, $4, id, least(remaining, $2 - before) FROM running WHERE before < $2 ORDER BY id
     RETURNING pence`,
    [a.fundId, a.pence, a.groupId, a.agreementId],
  );
  covered(rows, a.pence, "the pool");
}

/**
 * Returns `pence` of the agreement's disbursed pounds to the pool, oldest allocation first: each returning lot keeps
 * its contribution and goes round once more (generation + 1). Callers have checked the repayment is outstanding.
 */
export async function returnFirstInFirstOut(m: EntityManager, r: { fundId: string; groupId: string; agreementId: string; pence: number }): Promise<void> {
  const rows: { pence: number }[] = await m.query(
    `WITH open AS (
       SELECT a.id, a.pence - coalesce((SELECT sum(l.pence) FROM fund_lot l WHERE l.source_allocation_id = a.id), 0) AS remaining
       FROM fund_allocation a WHERE a.agreement_id = $4
     ), ${TAKE_FIRST_IN_FIRST_OUT}
     INSERT INTO fund_lot (fund_id, ledger_group_id, contribution_id, generation, source_allocation_id, pence)
     SELECT $1, $3, src.contribution_id, src.generation + 1, r.id, least(r.remaining, $2 - r.before)
     FROM running r JOIN fund_allocation a ON a.id = r.id JOIN fund_lot src ON src.id = a.lot_id
     WHERE r.before < $2 ORDER BY r.id
     RETURNING pence`,
    [r.fundId, r.pence, r.groupId, r.agreementId],
  );
  covered(rows, r.pence, "the agreement's disbursements");
}

export interface LineageLine {
  agreementId: string;
  contributionId: string;
  /** 1: the contribution's own pounds; 2: pounds repaid once and awarded again; and so on. */
  generation: number;
  /** Earlier agreements the pounds passed through, oldest first. */
  viaAgreementIds: string[];
  pence: number;
}

/** What funded each agreement, traced back through earlier agreements to the contributions. */
export async function lineageOf(db: Db, agreementIds: readonly string[]): Promise<Map<string, LineageLine[]>> {
  const rows: { agreement_id: string; contribution_id: string; generation: number; via: string[]; pence: number }[] = await db.query(
    `WITH RECURSIVE walk AS (
       SELECT a.agreement_id, a.id AS allocation_id, a.pence, l.generation, l.contribution_id,
              l.source_allocation_id AS next_allocation, ARRAY[]::uuid[] AS via
       FROM fund_allocation a JOIN fund_lot l ON l.id = a.lot_id WHERE a.agreement_id = ANY($1)
       UNION ALL
       SELECT w.agreement_id, w.allocation_id, w.pence, w.generation, w.contribution_id, l.source_allocation_id, s.agreement_id || w.via
       FROM walk w JOIN fund_allocation s ON s.id = w.next_allocation JOIN fund_lot l ON l.id = s.lot_id
     )
     SELECT agreement_id, contribution_id, generation, via, sum(pence)::bigint AS pence
     FROM walk WHERE next_allocation IS NULL
     GROUP BY agreement_id, contribution_id, generation, via ORDER BY agreement_id, min(allocation_id)`,
    [agreementIds],
  );
  const byAgreement = new Map<string, LineageLine[]>(agreementIds.map((id) => [id, []]));
  for (const r of rows) {
    byAgreement.get(r.agreement_id)!.push({
      agreementId: r.agreement_id, contributionId: r.contribution_id, generation: r.generation, viaAgreementIds: r.via, pence: r.pence,
    });
  }
  return byAgreement;
}

/** Pence disbursed per generation for each fund: how many times its money has gone round. */
export async function generationsOf(db: Db, fundIds: readonly string[]): Promise<Map<string, { generation: number; pence: number }[]>> {
  const rows: { fund_id: string; generation: number; pence: number }[] = await db.query(
    `SELECT a.fund_id, l.generation, sum(a.pence)::bigint AS pence
     FROM fund_allocation a JOIN fund_lot l ON l.id = a.lot_id
     WHERE a.fund_id = ANY($1) GROUP BY a.fund_id, l.generation ORDER BY a.fund_id, l.generation`,
    [fundIds],
  );
  const byFund = new Map<string, { generation: number; pence: number }[]>(fundIds.map((id) => [id, []]));
  for (const r of rows) byFund.get(r.fund_id)!.push({ generation: r.generation, pence: r.pence });
  return byFund;
}
