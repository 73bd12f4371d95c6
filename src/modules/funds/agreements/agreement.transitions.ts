// The agreement lifecycle: OFFERED → ACTIVE (first disbursement) → REPAID / CLOSED / WRITTEN_OFF; an offer not
// taken up is CLOSED. Ending an agreement records the day it ended and the agreement.ended event.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { applyMove, Lifecycle } from "../../../kit/lifecycle";
import { Agreement } from "./agreement.entity";
import { AgreementStatus as S } from "../funds.enums";
import { fundEvents } from "../funds.events";

export const AGREEMENT_MOVES: Record<S, readonly S[]> = {
  OFFERED: [S.ACTIVE, S.CLOSED],
  ACTIVE: [S.REPAID, S.CLOSED, S.WRITTEN_OFF],
  REPAID: [],
  CLOSED: [],
  WRITTEN_OFF: [],
};

const lifecycle: Lifecycle<S> = { noun: "An agreement", auditAs: "agreement", entityType: "Agreement", moves: AGREEMENT_MOVES };

export async function moveAgreement(m: EntityManager, actor: Actor, agreement: Agreement, to: S, today: string): Promise<Agreement> {
  const ends = AGREEMENT_MOVES[to].length === 0;
  const moved = await applyMove(m, actor, lifecycle, agreement, to, ends ? { endedOn: today } : {});
  if (ends) await fundEvents.agreementEnded(m, actor, moved, { status: to, endedOn: today });
  return moved;
}
