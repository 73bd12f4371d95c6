// Declaring a result: after voting closes, an organiser counts the stored votes once, for good. A ballot is APPROVED
// only when turnout and approval both reach the thresholds fixed before it opened; a budget funds its most-voted
// pitches that fit the pot and, when binding and part of a fund's round, the funds module makes their awards in the
// same transaction; a panel's decisions are read from its fund round. The result is attached to what it decides.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../audit/audit";
import type { Actor } from "../../auth/viewer";
import { once } from "../../db/idempotency";
import { inTransaction } from "../../db/transaction";
import { InputChecks } from "../../kit/input-checks";
import { allowedFirst, lockRecord, requireVersion } from "../../kit/records";
import { refuse, refuseAll, Result } from "../../kit/refusals";
import { londonDate } from "../../kit/calendar";
import { fundsApi } from "../funds/funds.api";
import { organisersOnly, PROCESS } from "./processes.service";
import { DecisionEffect, DecisionOutcome, DecisionProcessKind as Kind, DecisionProcessStatus as Status } from "./decisions.enums";
import { decisionEvents } from "./decisions.events";
import { DecisionProcess } from "./process.entity";
import { DecisionPitch } from "./pitch.entity";
import { DecisionResult } from "./result.entity";
import { moveProcess } from "./process.transitions";
import { allocatePot, ballotVerdict } from "./count";
import { tallies } from "./tally";

export type DeclareResult = Result<{ process: DecisionProcess; result: DecisionResult }>;

export class ResultsService {
  constructor(private readonly db: DataSource | EntityManager, private readonly now: () => Date = () => new Date()) {}

  async declare(actor: Actor, processId: string, input: { expectedVersion: number; idempotencyKey: string }): Promise<DeclareResult> {
    return inTransaction(this.db, async (m) => {
      await allowedFirst(m, actor, DecisionProcess, processId,
        organisersOnly("Only ADMIN and the owners and editors of the organisation running a process declare its result."), PROCESS);
      const c = new InputChecks();
      const key = c.idempotencyKey(input.idempotencyKey);
      if (!c.ok) refuseAll(c.errors);
      return once<DeclareResult>(m, actor, { operation: "decisions.declare", key, input: { processId, expectedVersion: input.expectedVersion } }, async () => {
        // The row lock waits for votes in flight (they hold it shared) and keeps new ones out while counting.
        const process = await lockRecord(m, DecisionProcess, processId, PROCESS);
        requireVersion(process, input.expectedVersion, "decision process");
        if (process.status !== Status.OPEN) refuse(null, "WRONG_STATUS", `Only an open process is declared; this one is ${process.status}.`);
        if (this.now() < process.closesAt) refuse(null, "VOTING_NOT_CLOSED", `Voting closes at ${process.closesAt.toISOString()}: declare the result after that.`);
        const today = londonDate(this.now());
        const { result, agreementIds } = await this.count(m, actor, process, today);
        const saved = await m.save(m.create(DecisionResult, { ...result, processId, declaredOn: today, declaredBy: actor.viewer.userId }));
        const declared = await moveProcess(m, actor, process, Status.DECLARED);
        await audit.record(m, actor, {
          action: "decisionResult.declare", entityType: "DecisionResult", entityId: saved.id,
          after: { processId, outcome: saved.outcome, electorate: saved.electorate, votesCast: saved.votesCast, yesVotes: saved.yesVotes,
            noVotes: saved.noVotes, allocatedPence: saved.allocatedPence, agreementIds },
        });
        await decisionEvents.declared(m, actor, {
          processId, kind: process.kind, effect: process.effect, areaPlaceId: process.areaPlaceId, outcome: saved.outcome,
          electorate: saved.electorate, votesCast: saved.votesCast, allocatedPence: saved.allocatedPence === null ? null : Number(saved.allocatedPence),
          transferId: process.transferId, housingSchemeId: process.housingSchemeId, fundRoundId: process.fundRoundId, agreementIds,
        });
        return { ref: processId, result: { process: declared, result: saved } };
      }, async (ref) => ({
        process: await m.findOneByOrFail(DecisionProcess, { id: ref }),
        result: await m.findOneByOrFail(DecisionResult, { processId: ref }),
      }));
    });
  }

  private async count(m: EntityManager, actor: Actor, process: DecisionProcess, today: string):
    Promise<{ result: Partial<DecisionResult>; agreementIds: string[] }> {
    const tally = (await tallies(m, [process.id])).get(process.id)!;
    // Every claimed place on the roll has its vote, and no vote is without one: anything else is a fault, not a count.
    if (tally.votesCast !== tally.voted) throw new Error(`decision ${process.id}: ${tally.votesCast} votes stored for ${tally.voted} voters marked`);
    const base = { electorate: tally.electorate, votesCast: tally.votesCast };
    if (process.kind === Kind.BALLOT) {
      const verdict = ballotVerdict({
        electorate: tally.electorate, yes: tally.yes, no: tally.no, minTurnoutPercent: process.minTurnoutPercent!, approvalPercent: process.approvalPercent!,
      });
      return {
        result: { ...base, yesVotes: tally.yes, noVotes: tally.no, turnoutMet: verdict.turnoutMet, approvalMet: verdict.approvalMet,
          outcome: verdict.approved ? DecisionOutcome.APPROVED : DecisionOutcome.REJECTED },
        agreementIds: [],
      };
    }
    if (process.kind === Kind.PANEL) {
      const d = await fundsApi.roundDecisions(m, process.fundRoundId!);
      return {
        result: { ...base, outcome: DecisionOutcome.RECORDED, applicationsOffered: d.offered, applicationsDeclined: d.declined,
          applicationsUndecided: d.undecided, offeredPence: d.offeredPence },
        agreementIds: [],
      };
    }
    const pitches = await m.find(DecisionPitch, { where: { processId: process.id }, lock: { mode: "pessimistic_write" } });
    const counted = pitches.map((p) => ({ id: p.id, amountPence: Number(p.amountPence), votes: tally.byPitch.get(p.id) ?? 0, createdAt: p.createdAt }));
    const { funded, allocatedPence } = allocatePot(counted, Number(process.potPence));
    const winners = pitches.filter((p) => funded.has(p.id));
    let agreementIds: string[] = [];
    if (process.effect === DecisionEffect.BINDING && process.fundRoundId && winners.length) {
      agreementIds = await fundsApi.awardCommunityChoices(m, actor, {
        roundId: process.fundRoundId, today, decidedBy: `DecisionProcess:${process.id}`,
        awards: winners.map((p) => ({ organisationId: p.organisationId, amountPence: Number(p.amountPence), purpose: `${p.title}: ${p.summary}` })),
      });
    }
    const awardOf = new Map(winners.map((p, i) => [p.id, agreementIds[i] ?? null]));
    for (const p of pitches) {
      await m.update(DecisionPitch, { id: p.id }, {
        votes: tally.byPitch.get(p.id) ?? 0, funded: funded.has(p.id), agreementId: awardOf.get(p.id) ?? null, version: p.version + 1, updatedAt: new Date(),
      });
    }
    return {
      result: { ...base, allocatedPence, outcome: funded.size ? DecisionOutcome.FUNDED : DecisionOutcome.NOTHING_FUNDED },
      agreementIds,
    };
  }
}
