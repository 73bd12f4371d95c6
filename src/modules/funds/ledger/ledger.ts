// The fund's double-entry ledger (DESIGN.md "Pay-it-forward funds"): which accounts each movement debits and credits.
// Callers hold the fund's row lock, so account creation and lineage never race within a fund.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { AccountKind, MovementKind } from "./ledger.enums";
import { LedgerGroup } from "./ledger-group.entity";
import { Direction, LedgerPosting } from "./ledger-posting.entity";
import { allocateFirstInFirstOut, lotFromContribution, returnFirstInFirstOut } from "./lineage";

export type AccountRef =
  | { kind: AccountKind.POOL | AccountKind.SOCIAL_REPAID | AccountKind.WRITE_OFF }
  | { kind: AccountKind.CONTRIBUTOR; contributor: string }
  | { kind: AccountKind.RECEIVABLE; agreementId: string };

interface Line {
  account: AccountRef;
  direction: Direction;
  pence: number;
}

interface MovementBase {
  fundId: string;
  occurredOn: string;
  memo?: string | null;
  pence: number;
}

const POOL: AccountRef = { kind: AccountKind.POOL };
const receivable = (agreementId: string): AccountRef => ({ kind: AccountKind.RECEIVABLE, agreementId });

async function accountId(m: EntityManager, fundId: string, ref: AccountRef): Promise<string> {
  const agreementId = ref.kind === AccountKind.RECEIVABLE ? ref.agreementId : null;
  const contributor = ref.kind === AccountKind.CONTRIBUTOR ? ref.contributor : null;
  const [found] = await m.query(
    `SELECT id FROM ledger_account WHERE fund_id = $1 AND kind = $2
       AND coalesce(agreement_id::text, lower(contributor), '') = coalesce($3::text, lower($4::text), '')`,
    [fundId, ref.kind, agreementId, contributor],
  );
  if (found) return found.id;
  const [created] = await m.query(
    "INSERT INTO ledger_account (fund_id, kind, agreement_id, contributor) VALUES ($1, $2, $3, $4) RETURNING id",
    [fundId, ref.kind, agreementId, contributor],
  );
  return created.id;
}

/** Writes one balanced group. An unbalanced one is a bug, not a user's mistake: it throws (and the DB would refuse it). */
async function post(
  m: EntityManager, actor: Actor, g: { fundId: string; kind: MovementKind; agreementId: string | null; occurredOn: string; memo?: string | null },
  lines: Line[],
): Promise<LedgerGroup> {
  const debits = lines.filter((l) => l.direction === "DEBIT").reduce((s, l) => s + l.pence, 0);
  const credits = lines.filter((l) => l.direction === "CREDIT").reduce((s, l) => s + l.pence, 0);
  if (debits !== credits || debits <= 0 || lines.some((l) => !Number.isSafeInteger(l.pence) || l.pence <= 0)) {
    throw new Error(`unbalanced ledger group: ${debits} debited, ${credits} credited`);
  }
  const group = await m.save(m.create(LedgerGroup, {
    fundId: g.fundId, kind: g.kind, agreementId: g.agreementId, occurredOn: g.occurredOn, memo: g.memo ?? null,
    recordedBy: actor.viewer.userId,
  }));
  const postings = [];
  for (const l of lines) {
    postings.push({ groupId: group.id, accountId: await accountId(m, g.fundId, l.account), direction: l.direction, pence: l.pence });
  }
  await m.insert(LedgerPosting, postings);
  return group;
}

const pair = (debit: AccountRef, credit: AccountRef, pence: number): Line[] => [
  { account: debit, direction: "DEBIT", pence },
  { account: credit, direction: "CREDIT", pence },
];

/** The movements of a fund's money, each a balanced group; pool movements also write their lineage. */
export const ledger = {
  /**
   * Debits the pool, credits the contributor, and records who contributed on what terms (fund_contribution, same id as
   * the group); the money enters the pool as one first-generation lot. Returns the group's (and contribution's) id.
   */
  async contribution(m: EntityManager, actor: Actor, c: MovementBase & { contributor: string; restriction: string | null }): Promise<string> {
    const group = await post(m, actor, { fundId: c.fundId, kind: MovementKind.CONTRIBUTION, agreementId: null, occurredOn: c.occurredOn, memo: c.memo },
      pair(POOL, { kind: AccountKind.CONTRIBUTOR, contributor: c.contributor }, c.pence));
    await m.query("INSERT INTO fund_contribution (id, contributor, restriction) VALUES ($1, $2, $3)", [group.id, c.contributor, c.restriction]);
    await lotFromContribution(m, { fundId: c.fundId, groupId: group.id, contributionId: group.id, pence: c.pence });
    return group.id;
  },

  /** Debits the agreement's receivable, credits the pool; the pounds are drawn from the pool's lots first in, first out. */
  async disbursement(m: EntityManager, actor: Actor, d: MovementBase & { agreementId: string }): Promise<LedgerGroup> {
    const group = await post(m, actor, { fundId: d.fundId, kind: MovementKind.DISBURSEMENT, agreementId: d.agreementId, occurredOn: d.occurredOn, memo: d.memo },
      pair(receivable(d.agreementId), POOL, d.pence));
    await allocateFirstInFirstOut(m, { fundId: d.fundId, groupId: group.id, agreementId: d.agreementId, pence: d.pence });
    return group;
  },

  /** Debits the pool, credits the receivable; the pounds return as new lots that remember where they came from. */
  async cashRepayment(m: EntityManager, actor: Actor, r: MovementBase & { agreementId: string }): Promise<LedgerGroup> {
    const group = await post(m, actor, { fundId: r.fundId, kind: MovementKind.CASH_REPAYMENT, agreementId: r.agreementId, occurredOn: r.occurredOn, memo: r.memo },
      pair(POOL, receivable(r.agreementId), r.pence));
    await returnFirstInFirstOut(m, { fundId: r.fundId, groupId: group.id, agreementId: r.agreementId, pence: r.pence });
    return group;
  },

  /** Debits "repaid in social value", credits the receivable: the money stays in the community, not the pool. */
  socialRepayment(m: EntityManager, actor: Actor, r: MovementBase & { agreementId: string }): Promise<LedgerGroup> {
    return post(m, actor, { fundId: r.fundId, kind: MovementKind.SOCIAL_REPAYMENT, agreementId: r.agreementId, occurredOn: r.occurredOn, memo: r.memo },
      pair({ kind: AccountKind.SOCIAL_REPAID }, receivable(r.agreementId), r.pence));
  },

  /** Debits write-offs, credits the receivable. */
  writeOff(m: EntityManager, actor: Actor, w: MovementBase & { agreementId: string }): Promise<LedgerGroup> {
    return post(m, actor, { fundId: w.fundId, kind: MovementKind.WRITE_OFF, agreementId: w.agreementId, occurredOn: w.occurredOn, memo: w.memo },
      pair({ kind: AccountKind.WRITE_OFF }, receivable(w.agreementId), w.pence));
  },
};
