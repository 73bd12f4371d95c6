// Residents take part: register on a process's roll with their place (and, if they choose, groups and barriers), then
// vote once, inside the window. The vote is stored without anything that names or dates the voter; the roll only
// learns that they voted. Votes are idempotent: a retry with the same key is answered as the first, and a second
// vote (any key, however many at once) is refused.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../audit/audit";
import type { Actor } from "../../auth/viewer";
import { once } from "../../db/idempotency";
import { inTransaction, sqlState } from "../../db/transaction";
import { InputChecks } from "../../kit/input-checks";
import { notAllowed, refuse, refuseAll, Result } from "../../kit/refusals";
import { placesApi } from "../places/places.api";
import { decisionAccess } from "./access";
import {
  BallotChoice, DecisionProcessKind as Kind, DecisionProcessStatus as Status, ParticipantGroup, ParticipationBarrier,
} from "./decisions.enums";
import { DecisionProcess } from "./process.entity";
import { DecisionVoter } from "./voter.entity";
import { DecisionVote } from "./vote.entity";

export type RegistrationResult = Result<{ process: DecisionProcess; registration: DecisionVoter }>;
export type VoteResult = Result<{ process: DecisionProcess; counted: boolean }>;

export interface Registration {
  processId: string;
  placeId: string;
  groups?: ParticipantGroup[] | null;
  barriers?: ParticipationBarrier[] | null;
}

export interface Ballot {
  processId: string;
  choice?: BallotChoice | null;
  pitchIds?: string[] | null;
  idempotencyKey: string;
}

const signInToVote = notAllowed("Sign in as yourself to register and vote (partner keys never vote).");
const unique = <T>(xs: T[] | null | undefined): T[] => [...new Set(xs ?? [])];

export class VotingService {
  constructor(private readonly db: DataSource | EntityManager, private readonly now: () => Date = () => new Date()) {}

  /** Joins the roll: the place must lie in the process's area, and registration ends when voting closes. */
  async register(actor: Actor, input: Registration): Promise<RegistrationResult> {
    if (!decisionAccess.vote(actor.viewer)) return { errors: [signInToVote] };
    return inTransaction(this.db, async (m) => {
      const process = await m.findOne(DecisionProcess, { where: { id: input.processId }, lock: { mode: "pessimistic_read" } });
      if (!process) refuse("processId", "NOT_FOUND", "No decision process has that ID.");
      if (process.kind === Kind.PANEL) refuse("processId", "WRONG_KIND", "A panel decides for itself: residents do not vote on it.");
      if (process.status === Status.DECLARED || process.closesAt <= this.now()) refuse("processId", "REGISTRATION_CLOSED", "Voting has closed on this process.");
      const area = await placesApi.withDescendants(m, [process.areaPlaceId]);
      if (!area.includes(input.placeId)) {
        refuse("placeId", (await placesApi.existing(m, [input.placeId])).has(input.placeId) ? "VOTER_OUTSIDE_AREA" : "UNKNOWN_PLACE",
          "Only residents of the process's area take part: give the place you live in, within that area.");
      }
      const registration = await m.save(m.create(DecisionVoter, {
        processId: process.id, userId: actor.viewer.userId!, placeId: input.placeId, groups: unique(input.groups), barriers: unique(input.barriers),
      })).catch((e) => {
        if (sqlState(e) === "23505") refuse("processId", "ALREADY_REGISTERED", "You are already on this process's roll.");
        throw e;
      });
      // The roll is counted, never listed: the audit names the process, not the registration's details.
      await audit.record(m, actor, { action: "decision.register", entityType: "DecisionProcess", entityId: process.id, after: { placeId: input.placeId } });
      return { process, registration };
    });
  }

  /** One vote per resident on the roll, while the process is open and inside its window. */
  async cast(actor: Actor, input: Ballot): Promise<VoteResult> {
    if (!decisionAccess.vote(actor.viewer)) return { errors: [signInToVote] };
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const key = c.idempotencyKey(input.idempotencyKey);
      if (!c.ok) refuseAll(c.errors);
      // The key's request is the process alone: the choice is never kept with anything that names the voter, so a
      // retry under the same key is answered as the first vote was, whatever it carries.
      return once<VoteResult>(m, actor, { operation: "decisions.castVote", key, input: { processId: input.processId } }, async () => {
        // A share lock: votes run side by side, but never beside the count (declaring takes the row for update).
        const process = await m.findOne(DecisionProcess, { where: { id: input.processId }, lock: { mode: "pessimistic_read" } });
        if (!process) refuse("processId", "NOT_FOUND", "No decision process has that ID.");
        if (process.kind === Kind.PANEL) refuse("processId", "WRONG_KIND", "A panel decides for itself: residents do not vote on it.");
        const now = this.now();
        if (process.status !== Status.OPEN || now < process.opensAt || now >= process.closesAt) {
          refuse("processId", "VOTING_CLOSED", `Votes are taken while the process is open, from ${process.opensAt.toISOString()} until ${process.closesAt.toISOString()}.`);
        }
        const vote = await this.checkChoice(m, process, input);
        const [voter]: { id: string; has_voted: boolean }[] = await m.query(
          "SELECT id, has_voted FROM decision_voter WHERE process_id = $1 AND user_id = $2", [process.id, actor.viewer.userId]);
        if (!voter) refuse("processId", "NOT_REGISTERED", "Register on the roll, with the place you live in, before you vote.");
        // The one place a resident's vote is claimed: concurrent votes queue on this row and only the first finds it unclaimed.
        // (As a SELECT over the update, so the driver answers with the rows claimed rather than an UPDATE's [rows, count].)
        const claimed: unknown[] = await m.query(
          "WITH claim AS (UPDATE decision_voter SET has_voted = true WHERE id = $1 AND NOT has_voted RETURNING id) SELECT id FROM claim", [voter.id]);
        if (!claimed.length) refuse("processId", "ALREADY_VOTED", "You have already voted in this process; each resident votes once.");
        await m.insert(DecisionVote, { processId: process.id, ...vote });
        await audit.record(m, actor, { action: "decision.vote", entityType: "DecisionProcess", entityId: process.id });
        return { ref: process.id, result: { process, counted: true } };
      }, async (ref) => ({ process: await m.findOneByOrFail(DecisionProcess, { id: ref }), counted: true }));
    });
  }

  /** A ballot takes YES or NO; a budget takes 1 to votesPerVoter different pitches of its own. */
  private async checkChoice(m: EntityManager, process: DecisionProcess, input: Ballot): Promise<Pick<DecisionVote, "choice" | "pitchIds">> {
    const c = new InputChecks();
    if (process.kind === Kind.BALLOT) {
      if (!input.choice) c.add("choice", "REQUIRED", "Answer the ballot's question: YES or NO.");
      if (input.pitchIds?.length) c.add("pitchIds", "NOT_FOR_KIND", "A ballot takes a YES or NO, not pitches.");
      if (!c.ok) refuseAll(c.errors);
      return { choice: input.choice!, pitchIds: null };
    }
    const chosen = input.pitchIds ?? [];
    if (input.choice) c.add("choice", "NOT_FOR_KIND", "A participatory budget takes pitches, not YES or NO.");
    if (!chosen.length) c.add("pitchIds", "REQUIRED", "Choose at least one pitch.");
    else if (new Set(chosen).size !== chosen.length) c.add("pitchIds", "DUPLICATE", "Choose each pitch once.");
    else if (chosen.length > process.votesPerVoter!) c.add("pitchIds", "TOO_MANY_VOTES", `Each resident votes for up to ${process.votesPerVoter} pitches.`);
    if (c.ok) {
      const [{ n }] = await m.query("SELECT count(*)::int AS n FROM decision_pitch WHERE process_id = $1 AND id = ANY($2)", [process.id, chosen]);
      if (n !== chosen.length) c.add("pitchIds", "NOT_A_PITCH", "Choose among this budget's pitches.");
    }
    if (!c.ok) refuseAll(c.errors);
    return { choice: null, pitchIds: [...chosen].sort() };
  }
}
