// The application lifecycle: DRAFT → SUBMITTED → IN_REVIEW → OFFERED / DECLINED; WITHDRAWN by the applicant before an offer.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { applyMove, checkMove, Lifecycle } from "../../../kit/lifecycle";
import type { Refusal } from "../../../kit/refusals";
import { FundingApplication } from "./application.entity";
import { ApplicationStatus as S } from "../funds.enums";

export const APPLICATION_MOVES: Record<S, readonly S[]> = {
  DRAFT: [S.SUBMITTED, S.WITHDRAWN],
  SUBMITTED: [S.IN_REVIEW, S.WITHDRAWN],
  IN_REVIEW: [S.OFFERED, S.DECLINED, S.WITHDRAWN],
  OFFERED: [],
  DECLINED: [],
  WITHDRAWN: [],
};

const lifecycle: Lifecycle<S> = { noun: "An application", auditAs: "application", entityType: "FundingApplication", moves: APPLICATION_MOVES };

/** Null when the application may move to `to` now; otherwise the WRONG_STATUS refusal (to check before other rules). */
export function applicationMoveRefusal(application: FundingApplication, to: S): Refusal | null {
  return checkMove(lifecycle, application.status, to);
}

export function moveApplication(
  m: EntityManager, actor: Actor, application: FundingApplication, to: S, changes: Partial<FundingApplication> = {},
): Promise<FundingApplication> {
  return applyMove(m, actor, lifecycle, application, to, changes);
}
