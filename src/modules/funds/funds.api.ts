// What later modules may ask of funds (they never read its tables): rounds by id with their fund's limits, what a
// round's peer panel has decided, awards a binding community decision makes in a round, and awards as open data.
import type { DataSource, EntityManager } from "typeorm";
import { FundRound } from "./rounds/round.entity";
import { Fund } from "./rounds/fund.entity";
import { AgreementStatus, ApplicationStatus, DecisionOutcome, FundStatus } from "./funds.enums";
import { awardCommunityChoices, CommunityAward } from "./applications/community-awards";

type Db = DataSource | EntityManager;

export interface RoundFacts {
  id: string;
  fundId: string;
  name: string;
  fundOpen: boolean;
  minAwardPence: number;
  maxAwardPence: number;
}

/** What a round's panel has decided so far: applications offered (and the sum offered), declined and still open. */
export interface RoundDecisions {
  offered: number;
  declined: number;
  undecided: number;
  offeredPence: number;
}

export type { CommunityAward };

/** An award as open data may show it: the money agreed, when, to whom, from which fund and round, the plan's dates. */
export interface PublicAward {
  agreementId: string;
  amountPence: number;
  cashRepayablePence: number;
  socialRepayablePence: number;
  awardedOn: string;
  updatedAt: Date;
  organisationId: string;
  fundId: string;
  fundName: string;
  roundId: string;
  roundName: string;
  /** The current schedule's first day and term, in months. */
  startsOn: string | null;
  termMonths: number | null;
}

/**
 * The network's publication policy: an award is public once money has moved under it (ACTIVE and after). Offers not
 * taken up are not published; balances, arrears, write-offs and everything about people never are.
 */
export const PUBLISHED_AGREEMENT_STATUSES = [AgreementStatus.ACTIVE, AgreementStatus.REPAID, AgreementStatus.CLOSED, AgreementStatus.WRITTEN_OFF];

export const fundsApi = {
  /** Rounds by id with their fund's award limits (missing ids are simply absent). */
  async roundsByIds(db: Db, ids: string[]): Promise<Map<string, RoundFacts>> {
    if (!ids.length) return new Map();
    const rounds = await db.getRepository(FundRound).createQueryBuilder("r").where("r.id = ANY(:ids)", { ids }).getMany();
    const funds = new Map((await db.getRepository(Fund).createQueryBuilder("f")
      .where("f.id = ANY(:ids)", { ids: [...new Set(rounds.map((r) => r.fundId))] }).getMany()).map((f) => [f.id, f]));
    return new Map(rounds.map((r) => {
      const fund = funds.get(r.fundId)!;
      return [r.id, {
        id: r.id, fundId: r.fundId, name: r.name, fundOpen: fund.status === FundStatus.OPEN,
        minAwardPence: Number(fund.minAwardPence), maxAwardPence: Number(fund.maxAwardPence),
      }];
    }));
  },

  /** The decisions of a round's peer panel, as they stand (awards residents decided are not the panel's; drafts and withdrawn ones are not counted). */
  async roundDecisions(db: Db, roundId: string): Promise<RoundDecisions> {
    const [row] = await db.query(
      `SELECT count(*) FILTER (WHERE d.outcome = $2)::int AS offered, count(*) FILTER (WHERE d.outcome = $3)::int AS declined,
              count(*) FILTER (WHERE d.id IS NULL AND a.status = ANY($4))::int AS undecided,
              coalesce(sum(g.amount_pence) FILTER (WHERE d.outcome = $2), 0)::bigint AS offered_pence
         FROM funding_application a
         LEFT JOIN panel_decision d ON d.application_id = a.id
         LEFT JOIN agreement g ON g.application_id = a.id
        WHERE a.round_id = $1`,
      [roundId, DecisionOutcome.OFFER, DecisionOutcome.DECLINE, [ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW]],
    );
    return { offered: row.offered, declined: row.declined, undecided: row.undecided, offeredPence: Number(row.offered_pence) };
  },

  /**
   * Awards a binding community decision made in a round, in the caller's transaction (all or none): checked against
   * the fund (open, its limits, what it has available) and repaid in social value. Returns the agreements' ids.
   */
  awardCommunityChoices(m: EntityManager, actor: Parameters<typeof awardCommunityChoices>[1],
    o: { roundId: string; awards: CommunityAward[]; decidedBy: string; today: string }): Promise<string[]> {
    return awardCommunityChoices(m, actor, o);
  },

  async publicAwards(db: DataSource | EntityManager): Promise<PublicAward[]> {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT a.id, a.amount_pence, a.cash_repayable_pence, a.awarded_on::text AS awarded_on, a.updated_at, a.organisation_id,
              f.id AS fund_id, f.name AS fund_name, r.id AS round_id, r.name AS round_name, s.starts_on::text AS starts_on, s.term_months
         FROM agreement a
         JOIN fund f ON f.id = a.fund_id
         JOIN fund_round r ON r.id = a.round_id
         LEFT JOIN LATERAL (SELECT starts_on, term_months FROM agreement_schedule sc WHERE sc.agreement_id = a.id
                             ORDER BY sc.version DESC LIMIT 1) s ON true
        WHERE a.status = ANY($1)
        ORDER BY a.awarded_on, a.id`,
      [PUBLISHED_AGREEMENT_STATUSES],
    );
    return rows.map((r) => ({
      agreementId: r.id as string, amountPence: Number(r.amount_pence), cashRepayablePence: Number(r.cash_repayable_pence),
      socialRepayablePence: Number(r.amount_pence) - Number(r.cash_repayable_pence), awardedOn: r.awarded_on as string,
      updatedAt: r.updated_at as Date, organisationId: r.organisation_id as string, fundId: r.fund_id as string,
      fundName: r.fund_name as string, roundId: r.round_id as string, roundName: r.round_name as string,
      startsOn: (r.starts_on as string | null) ?? null, termMonths: (r.term_months as number | null) ?? null,
    }));
  },
};
