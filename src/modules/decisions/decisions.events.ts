// The domain events of community decisions: a process opened for voting and a result declared. Recorded through
// domainEvents.record in the transaction of the change. A vote is never an event: events name who acted.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { domainEvents } from "../../events/domain-events";
import type { DecisionEffect, DecisionOutcome, DecisionProcessKind } from "./decisions.enums";

interface ProcessFacts {
  processId: string;
  kind: DecisionProcessKind;
  effect: DecisionEffect;
  areaPlaceId: string;
}

export const decisionEvents = {
  opened(m: EntityManager, actor: Actor, d: ProcessFacts & { opensAt: string; closesAt: string }) {
    return domainEvents.record(m, actor, { type: "decision.opened", subjectType: "DecisionProcess", subjectId: d.processId, data: { ...d } });
  },

  /** The result stands: the outcome, the count, and what it acts on (a transfer, a scheme, a fund round's awards). */
  declared(m: EntityManager, actor: Actor, d: ProcessFacts & {
    outcome: DecisionOutcome; electorate: number; votesCast: number; allocatedPence: number | null;
    transferId: string | null; housingSchemeId: string | null; fundRoundId: string | null; agreementIds: string[];
  }) {
    return domainEvents.record(m, actor, { type: "decision.declared", subjectType: "DecisionProcess", subjectId: d.processId, data: { ...d } });
  },
};
