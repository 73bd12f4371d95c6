// The social repayment claim lifecycle: CLAIMED → ACCEPTED (credited to the agreement) or REJECTED.
import type { EntityManager } from "typeorm";
import type { Actor } from "../../../auth/viewer";
import { applyMove, Lifecycle } from "../../../kit/lifecycle";
import { SocialRepaymentClaim } from "./social-claim.entity";
import { ClaimStatus as S } from "../funds.enums";

export const CLAIM_MOVES: Record<S, readonly S[]> = {
  CLAIMED: [S.ACCEPTED, S.REJECTED],
  ACCEPTED: [],
  REJECTED: [],
};

const lifecycle: Lifecycle<S> = { noun: "A social repayment claim", auditAs: "socialRepaymentClaim", entityType: "SocialRepaymentClaim", moves: CLAIM_MOVES };

export function moveClaim(
  m: EntityManager, actor: Actor, claim: SocialRepaymentClaim, to: S, changes: Partial<SocialRepaymentClaim>,
): Promise<SocialRepaymentClaim> {
  return applyMove(m, actor, lifecycle, claim, to, changes);
}
