// What later modules may ask of funds (they never read its tables): rounds by id with their fund's limits, what a
// round's peer panel has decided, and awards a binding community decision makes in a round.
import type { DataSource, EntityManager } from "typeorm";
import { FundRound } from "./rounds/round.entity";
import { Fund } from "./rounds/fund.entity";
import { ApplicationStatus, DecisionOutcome, FundStatus } from "./funds.enums";
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
};
