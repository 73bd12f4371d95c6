// The process lifecycle: DRAFT (rules, thresholds and pitches change) → OPEN (rules fixed, voting in its window) →
// DECLARED (counted, for good). Each move is audited through applyMove.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../auth/viewer";
import { applyMove, Lifecycle } from "../../kit/lifecycle";
import { DecisionProcessStatus as S } from "./decisions.enums";
import { DecisionProcess } from "./process.entity";

export const PROCESS_MOVES: Record<S, readonly S[]> = {
  DRAFT: [S.OPEN],
  OPEN: [S.DECLARED],
  DECLARED: [],
};

const PROCESS_LIFECYCLE: Lifecycle<S> = { noun: "A decision process", entityType: "DecisionProcess", auditAs: "decisionProcess", moves: PROCESS_MOVES };

export function moveProcess(m: EntityManager, actor: Actor, process: DecisionProcess, to: S): Promise<DecisionProcess> {
  return applyMove(m, actor, PROCESS_LIFECYCLE, process, to);
}
