// The round lifecycle: OPEN (taking applications between its days) → CLOSED.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { applyMove, Lifecycle } from "../../../kit/lifecycle";
import { FundRound } from "./round.entity";
import { RoundStatus as S } from "../funds.enums";

export const ROUND_MOVES: Record<S, readonly S[]> = {
  OPEN: [S.CLOSED],
  CLOSED: [],
};

const lifecycle: Lifecycle<S> = { noun: "A round", auditAs: "fundRound", entityType: "FundRound", moves: ROUND_MOVES };

export function moveRound(m: EntityManager, actor: Actor, round: FundRound, to: S): Promise<FundRound> {
  return applyMove(m, actor, lifecycle, round, to);
}

/** A round takes applications while OPEN, from its opening day to its closing day inclusive. */
export const takesApplications = (round: FundRound, today: string): boolean =>
  round.status === S.OPEN && round.opensOn <= today && today <= round.closesOn;
