// Setting up decision processes: create a participatory budget, a resident ballot or a panel decision; change its rules
// while it is a draft (thresholds, pot and window are fixed once it opens); open it; and take organisations' pitches.
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../audit/audit";
import type { Actor } from "../../auth/viewer";
import { inTransaction } from "../../db/transaction";
import { InputChecks } from "../../kit/input-checks";
import { ActRule, allowedFirst, lockRecord, requireVersion, saveChange } from "../../kit/records";
import { notAllowed, refuse, refuseAll, Result } from "../../kit/refusals";
import { formatPence } from "../../kit/money";
import { organisationsApi } from "../organisations/organisations.api";
import { placesApi } from "../places/places.api";
import { fundsApi } from "../funds/funds.api";
import { assetsApi } from "../assets/assets.api";
import { housingApi } from "../housing/housing.api";
import { decisionAccess } from "./access";
import { DecisionEffect, DecisionProcessKind as Kind, DecisionProcessStatus as Status } from "./decisions.enums";
import { decisionEvents } from "./decisions.events";
import { DecisionProcess } from "./process.entity";
import { DecisionPitch } from "./pitch.entity";
import { moveProcess } from "./process.transitions";

export type ProcessResult = Result<{ process: DecisionProcess }>;
export type PitchResult = Result<{ pitch: DecisionPitch; process: DecisionProcess }>;

/** What every process has: who runs it, where, under whose power, and when residents vote. */
export interface ProcessBasics {
  title: string;
  description?: string | null;
  organiserOrganisationId: string;
  areaPlaceId: string;
  effect: DecisionEffect;
  delegatedBy: string;
  answersTo: string;
  opensAt: Date;
  closesAt: Date;
}

export interface NewBudget extends ProcessBasics {
  potPence: number;
  votesPerVoter: number;
  fundRoundId?: string | null;
}

export interface NewBallot extends ProcessBasics {
  transferId?: string | null;
  housingSchemeId?: string | null;
  question: string;
  minTurnoutPercent: number;
  approvalPercent: number;
}

export interface NewPanelDecision extends ProcessBasics {
  fundRoundId: string;
}

/** What a draft's organiser may change; omitted fields stay as they are. */
export interface ProcessChanges {
  expectedVersion: number;
  title?: string | null;
  description?: string | null;
  effect?: DecisionEffect | null;
  delegatedBy?: string | null;
  answersTo?: string | null;
  opensAt?: Date | null;
  closesAt?: Date | null;
  potPence?: number | null;
  votesPerVoter?: number | null;
  question?: string | null;
  minTurnoutPercent?: number | null;
  approvalPercent?: number | null;
}

export interface NewPitch {
  processId: string;
  organisationId: string;
  title: string;
  summary: string;
  amountPence: number;
}

const LIMITS = { title: 200, description: 5000, power: 300, question: 1000, summary: 5000, votesPerVoter: 20 };
/** Far above any community pot, still a safe integer of pence (£100m). */
export const MAX_POT_PENCE = 10_000_000_000;

const cannotOrganise = notAllowed("Only ADMIN and the owners and editors of the organisation running a process organise it.");

/** A process's organisers, asked before anything is locked (kit/records `allowedFirst`), e.g. organisersOnly(cannotOrganise.message). */
export const organisersOnly = (refusal: string): ActRule<DecisionProcess> => ({
  allows: (_m, actor, process) => decisionAccess.organise(actor.viewer, process.organiserOrganisationId), refusal,
});
export const PROCESS = { noun: "decision process", field: "processId" };

const RULES = ["title", "description", "effect", "delegatedBy", "answersTo", "opensAt", "closesAt", "potPence", "votesPerVoter",
  "question", "minTurnoutPercent", "approvalPercent"] as const;
const snapshot = (p: DecisionProcess) => Object.fromEntries(RULES.map((k) => [k, p[k]]));

/** The rules every kind shares, checked together; the window must end after it starts. */
function checkRules(c: InputChecks, p: Partial<DecisionProcess>): void {
  if (p.title !== undefined) p.title = c.text("title", p.title, { max: LIMITS.title, required: true }) ?? "";
  if (p.description !== undefined) p.description = c.text("description", p.description, { max: LIMITS.description }) ?? null;
  if (p.delegatedBy !== undefined) p.delegatedBy = c.text("delegatedBy", p.delegatedBy, { max: LIMITS.power, required: true, label: "who delegated the power" }) ?? "";
  if (p.answersTo !== undefined) p.answersTo = c.text("answersTo", p.answersTo, { max: LIMITS.power, required: true, label: "body it answers to" }) ?? "";
  if (p.opensAt && p.closesAt && p.closesAt <= p.opensAt) c.add("closesAt", "WINDOW_BACKWARDS", "Voting must close after it opens.");
  if (p.kind === Kind.PARTICIPATORY_BUDGET) {
    c.pence("potPence", p.potPence, { min: 1, max: MAX_POT_PENCE, label: "pot" });
    c.int("votesPerVoter", p.votesPerVoter, 1, LIMITS.votesPerVoter);
  }
  if (p.kind === Kind.BALLOT) {
    if (p.question !== undefined) p.question = c.text("question", p.question, { max: LIMITS.question, required: true }) ?? "";
    c.int("minTurnoutPercent", p.minTurnoutPercent, 0, 100);
    c.int("approvalPercent", p.approvalPercent, 1, 100);
  }
}

export class ProcessesService {
  constructor(private readonly db: DataSource | EntityManager, private readonly now: () => Date = () => new Date()) {}

  createBudget(actor: Actor, input: NewBudget): Promise<ProcessResult> {
    return this.create(actor, Kind.PARTICIPATORY_BUDGET, input, async (m, c, p) => {
      Object.assign(p, { potPence: input.potPence, votesPerVoter: input.votesPerVoter, fundRoundId: input.fundRoundId ?? null });
      if (input.fundRoundId) {
        const round = (await fundsApi.roundsByIds(m, [input.fundRoundId])).get(input.fundRoundId);
        if (!round) c.add("fundRoundId", "NOT_FOUND", "No fund round has that ID.");
        else if (!round.fundOpen) c.add("fundRoundId", "FUND_CLOSED", "That round's fund is closed; it makes no more awards.");
      }
    });
  }

  createBallot(actor: Actor, input: NewBallot): Promise<ProcessResult> {
    return this.create(actor, Kind.BALLOT, input, async (m, c, p) => {
      Object.assign(p, {
        question: input.question, minTurnoutPercent: input.minTurnoutPercent, approvalPercent: input.approvalPercent,
        transferId: input.transferId ?? null, housingSchemeId: input.housingSchemeId ?? null,
      });
      if (!!input.transferId === !!input.housingSchemeId) {
        c.add("transferId", "ONE_PROPOSAL", "A ballot is on one proposal: give either a transfer case or a housing scheme.");
      } else if (input.transferId && !(await assetsApi.transfersByIds(m, [input.transferId])).has(input.transferId)) {
        c.add("transferId", "NOT_FOUND", "No transfer case has that ID.");
      } else if (input.housingSchemeId && !(await housingApi.schemesByIds(m, [input.housingSchemeId])).has(input.housingSchemeId)) {
        c.add("housingSchemeId", "NOT_FOUND", "No housing scheme has that ID.");
      }
    });
  }

  createPanelDecision(actor: Actor, input: NewPanelDecision): Promise<ProcessResult> {
    return this.create(actor, Kind.PANEL, input, async (m, c, p) => {
      p.fundRoundId = input.fundRoundId;
      if (!(await fundsApi.roundsByIds(m, [input.fundRoundId])).has(input.fundRoundId)) c.add("fundRoundId", "NOT_FOUND", "No fund round has that ID.");
    });
  }

  /** A draft's rules; once it opens, its rules, thresholds, pot and window are fixed (RULES_FIXED). */
  async update(actor: Actor, processId: string, input: ProcessChanges): Promise<ProcessResult> {
    return this.onProcess(actor, processId, input.expectedVersion, async (m, process) => {
      if (process.status !== Status.DRAFT) {
        refuse(null, "RULES_FIXED", `The rules of a process are fixed when it opens; this one is ${process.status}.`);
      }
      const before = snapshot(process);
      const next: Partial<DecisionProcess> = { kind: process.kind, opensAt: process.opensAt, closesAt: process.closesAt };
      for (const key of RULES) {
        const value = input[key];
        if (value === undefined) continue;
        if (value === null && key !== "description") continue;
        (next as Record<string, unknown>)[key] = value;
      }
      const c = new InputChecks();
      if (process.kind !== Kind.PARTICIPATORY_BUDGET && (input.potPence != null || input.votesPerVoter != null)) {
        c.add("potPence", "NOT_FOR_KIND", "Only a participatory budget has a pot and votes per voter.");
      }
      if (process.kind !== Kind.BALLOT && (input.question != null || input.minTurnoutPercent != null || input.approvalPercent != null)) {
        c.add("question", "NOT_FOR_KIND", "Only a ballot has a question and thresholds.");
      }
      checkRules(c, next);
      if (next.potPence !== undefined && process.kind === Kind.PARTICIPATORY_BUDGET) {
        const [over] = await m.query("SELECT max(amount_pence)::bigint AS largest FROM decision_pitch WHERE process_id = $1", [process.id]);
        if (over.largest !== null && Number(over.largest) > next.potPence!) {
          c.add("potPence", "PITCH_OVER_POT", `A pitch already asks for ${formatPence(Number(over.largest))}: the pot cannot be smaller than that.`);
        }
      }
      if (!c.ok) refuseAll(c.errors);
      delete next.kind;
      Object.assign(process, next);
      return saveChange(m, actor, process, { action: "decisionProcess.update", before, after: snapshot(process) });
    });
  }

  /** Fixes the rules and opens the process: a budget needs a pitch, and the window must not have closed already. */
  async open(actor: Actor, processId: string, input: { expectedVersion: number }): Promise<ProcessResult> {
    return this.onProcess(actor, processId, input.expectedVersion, async (m, process) => {
      if (process.status !== Status.DRAFT) refuse(null, "WRONG_STATUS", `Only a draft opens; this process is ${process.status}.`);
      if (process.closesAt <= this.now()) refuse("closesAt", "WINDOW_PASSED", "Voting would already have closed: set a later closing time first.");
      if (process.kind === Kind.PARTICIPATORY_BUDGET) {
        const [{ n }] = await m.query("SELECT count(*)::int AS n FROM decision_pitch WHERE process_id = $1", [process.id]);
        if (n === 0) refuse(null, "NO_PITCHES", "Residents vote on pitches: take at least one before opening.");
      }
      const opened = await moveProcess(m, actor, process, Status.OPEN);
      await decisionEvents.opened(m, actor, {
        processId: process.id, kind: process.kind, effect: process.effect, areaPlaceId: process.areaPlaceId,
        opensAt: process.opensAt.toISOString(), closesAt: process.closesAt.toISOString(),
      });
      return opened;
    });
  }

  /** An organisation's pitch to a draft budget: never more than the pot, and within the fund's limits when it is part of a round. */
  async submitPitch(actor: Actor, input: NewPitch): Promise<PitchResult> {
    if (!decisionAccess.pitchFor(actor.viewer, input.organisationId)) {
      return { errors: [notAllowed("Pitch for an organisation you own or edit (ADMIN for any).")] };
    }
    return inTransaction(this.db, async (m) => {
      const process = await m.findOne(DecisionProcess, { where: { id: input.processId }, lock: { mode: "pessimistic_read" } });
      if (!process) refuse("processId", "NOT_FOUND", "No decision process has that ID.");
      if (process.kind !== Kind.PARTICIPATORY_BUDGET) refuse("processId", "WRONG_KIND", "Only a participatory budget takes pitches.");
      if (process.status !== Status.DRAFT) refuse("processId", "PITCHES_CLOSED", "Pitches are taken before voting opens, so every voter sees the same list.");
      const c = new InputChecks();
      const title = c.text("title", input.title, { max: LIMITS.title, required: true }) ?? "";
      const summary = c.text("summary", input.summary, { max: LIMITS.summary, required: true }) ?? "";
      c.pence("amountPence", input.amountPence, { min: 1, max: MAX_POT_PENCE, label: "amount" });
      if (c.ok && input.amountPence > process.potPence!) {
        c.add("amountPence", "PITCH_OVER_POT", `The pot is ${formatPence(process.potPence!)}: a pitch cannot ask for more than that.`);
      }
      const organisation = (await organisationsApi.byIds(m, [input.organisationId])).get(input.organisationId);
      if (!organisation) c.add("organisationId", "NOT_FOUND", "No organisation has that ID.");
      else if (organisation.archivedAt) c.add("organisationId", "ARCHIVED", "That organisation is archived.");
      if (process.fundRoundId && c.ok) {
        const round = (await fundsApi.roundsByIds(m, [process.fundRoundId])).get(process.fundRoundId)!;
        if (input.amountPence < round.minAwardPence || input.amountPence > round.maxAwardPence) {
          c.add("amountPence", "AMOUNT_OUT_OF_RANGE", `This budget's fund awards from ${formatPence(round.minAwardPence)} to ${formatPence(round.maxAwardPence)}.`);
        }
        if (!(await organisationsApi.isEligibleSto(m, input.organisationId))) {
          c.add("organisationId", "NOT_ELIGIBLE", "This budget awards from a pay-it-forward fund: only organisations assessed as eligible STOs may pitch.");
        }
      }
      if (!c.ok) refuseAll(c.errors);
      const pitch = await m.save(m.create(DecisionPitch, { processId: process.id, organisationId: input.organisationId, title, summary, amountPence: input.amountPence }));
      await audit.record(m, actor, {
        action: "decisionPitch.submit", entityType: "DecisionPitch", entityId: pitch.id,
        after: { processId: process.id, organisationId: input.organisationId, title, amountPence: input.amountPence },
      });
      return { pitch, process };
    });
  }

  private create(actor: Actor, kind: Kind, input: ProcessBasics,
    specific: (m: EntityManager, c: InputChecks, p: Partial<DecisionProcess>) => Promise<void>): Promise<ProcessResult> {
    if (!decisionAccess.organise(actor.viewer, input.organiserOrganisationId)) {
      return Promise.resolve({ errors: [notAllowed("Run a process for an organisation you own or edit (ADMIN for any).")] });
    }
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const p: Partial<DecisionProcess> = {
        kind, title: input.title, description: input.description ?? null, organiserOrganisationId: input.organiserOrganisationId,
        areaPlaceId: input.areaPlaceId, effect: input.effect, delegatedBy: input.delegatedBy, answersTo: input.answersTo,
        opensAt: input.opensAt, closesAt: input.closesAt,
      };
      await specific(m, c, p);
      checkRules(c, p);
      const organiser = (await organisationsApi.byIds(m, [input.organiserOrganisationId])).get(input.organiserOrganisationId);
      if (!organiser) c.add("organiserOrganisationId", "NOT_FOUND", "No organisation has that ID.");
      else if (organiser.archivedAt) c.add("organiserOrganisationId", "ARCHIVED", "That organisation is archived.");
      if (!(await placesApi.existing(m, [input.areaPlaceId])).has(input.areaPlaceId)) c.add("areaPlaceId", "UNKNOWN_PLACE", "No place has that ID.");
      if (!c.ok) refuseAll(c.errors);
      const process = await m.save(m.create(DecisionProcess, p));
      await audit.record(m, actor, {
        action: "decisionProcess.create", entityType: "DecisionProcess", entityId: process.id,
        after: { kind, organiserOrganisationId: process.organiserOrganisationId, areaPlaceId: process.areaPlaceId, fundRoundId: process.fundRoundId,
          transferId: process.transferId, housingSchemeId: process.housingSchemeId, ...snapshot(process) },
      });
      return { process };
    });
  }

  /** Runs `work` on the process locked for an edit by one of its organisers. */
  private onProcess(actor: Actor, processId: string, expectedVersion: number,
    work: (m: EntityManager, process: DecisionProcess) => Promise<DecisionProcess>): Promise<ProcessResult> {
    return inTransaction(this.db, async (m) => {
      await allowedFirst(m, actor, DecisionProcess, processId, organisersOnly(cannotOrganise.message), PROCESS);
      const process = await lockRecord(m, DecisionProcess, processId, PROCESS);
      requireVersion(process, expectedVersion, "decision process");
      return { process: await work(m, process) };
    });
  }
}
