// What later modules may ask of community decisions (they never read its tables): the figures a region's summary
// takes for places and a period, and the ballots held on transfer cases or housing schemes.
import type { DataSource, EntityManager } from "typeorm";
import { placesApi } from "../places/places.api";
import { DecisionEffect, DecisionOutcome, DecisionProcessKind, DecisionProcessStatus } from "./decisions.enums";

type Db = DataSource | EntityManager;

/** A region's community decisions for places (each with the places inside it), by the day results were declared. */
export interface DecisionRegionFigures {
  /** Processes declared in the period, and of those participatory budgets, ballots and panel decisions. */
  processesDeclared: number;
  budgets: number;
  ballots: number;
  panels: number;
  /** Residents on the rolls of the processes declared, and the votes they cast. */
  participantsRegistered: number;
  votesCast: number;
  /** Declared outcomes that bind (budgets funded, ballots approved or rejected), and ballots approved among all. */
  bindingOutcomes: number;
  ballotsApproved: number;
  /** Money participatory budgets allocated to funded pitches, and how many pitches were funded. */
  allocatedByBudgetsPence: number;
  pitchesFunded: number;
}

/** The latest declared binding ballot on a proposal, if any. */
export interface BallotVerdict {
  processId: string;
  outcome: DecisionOutcome;
  declaredOn: string;
}

export const decisionsApi = {
  /** The region summary's part from this module: `from` and `to` are calendar days, both counted. */
  async regionFigures(db: Db, placeIds: string[], from: string, to: string): Promise<DecisionRegionFigures> {
    const places = await placesApi.withDescendants(db, placeIds);
    const [row] = await db.query(
      `WITH declared AS (
         SELECT d.id, d.kind, d.effect, r.outcome, r.electorate, r.votes_cast, r.allocated_pence
           FROM decision_process d JOIN decision_result r ON r.process_id = d.id
          WHERE d.area_place_id = ANY($1) AND r.declared_on BETWEEN $2 AND $3)
       SELECT count(*)::int AS processes,
              count(*) FILTER (WHERE kind = $4)::int AS budgets,
              count(*) FILTER (WHERE kind = $5)::int AS ballots,
              count(*) FILTER (WHERE kind = $6)::int AS panels,
              coalesce(sum(electorate), 0)::int AS registered,
              coalesce(sum(votes_cast), 0)::int AS votes,
              count(*) FILTER (WHERE effect = $7 AND outcome <> $8)::int AS binding,
              count(*) FILTER (WHERE outcome = $9)::int AS approved,
              coalesce(sum(allocated_pence), 0)::bigint AS allocated,
              (SELECT count(*)::int FROM decision_pitch p WHERE p.funded AND p.process_id IN (SELECT id FROM declared)) AS funded
         FROM declared`,
      [places, from, to, DecisionProcessKind.PARTICIPATORY_BUDGET, DecisionProcessKind.BALLOT, DecisionProcessKind.PANEL,
        DecisionEffect.BINDING, DecisionOutcome.RECORDED, DecisionOutcome.APPROVED],
    );
    return {
      processesDeclared: row.processes, budgets: row.budgets, ballots: row.ballots, panels: row.panels,
      participantsRegistered: row.registered, votesCast: row.votes, bindingOutcomes: row.binding, ballotsApproved: row.approved,
      allocatedByBudgetsPence: Number(row.allocated), pitchesFunded: row.funded,
    };
  },

  /** True when a binding ballot on the transfer case is open: residents are still deciding. */
  async bindingBallotOpenOnTransfer(db: Db, transferId: string): Promise<boolean> {
    const [row] = await db.query(
      "SELECT EXISTS (SELECT 1 FROM decision_process WHERE transfer_id = $1 AND kind = $2 AND effect = $3 AND status = $4) AS open",
      [transferId, DecisionProcessKind.BALLOT, DecisionEffect.BINDING, DecisionProcessStatus.OPEN],
    );
    return row.open === true;
  },

  /** The latest declared binding ballot on a transfer case (what decides whether it may complete). */
  async bindingBallotOnTransfer(db: Db, transferId: string): Promise<BallotVerdict | null> {
    const [row] = await db.query(
      `SELECT d.id, r.outcome, r.declared_on FROM decision_process d JOIN decision_result r ON r.process_id = d.id
        WHERE d.transfer_id = $1 AND d.kind = $2 AND d.effect = $3 ORDER BY r.declared_at DESC, r.id DESC LIMIT 1`,
      [transferId, DecisionProcessKind.BALLOT, DecisionEffect.BINDING],
    );
    return row ? { processId: row.id, outcome: row.outcome, declaredOn: row.declared_on } : null;
  },
};
