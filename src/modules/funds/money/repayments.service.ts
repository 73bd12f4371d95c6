// Repayments: cash (back into the pool, ready to be awarded again) and social value (claimed by the organisation,
// reviewed by ADMIN, then credited). Neither may exceed what is outstanding; repaying both parts in full ends the agreement.
import { allowedFirst, requireVersion, touch } from "../../../kit/records";
import { formatPence as pounds } from "../../../kit/money";
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { once } from "../../../db/idempotency";
import { inTransaction } from "../../../db/transaction";
import { fundAccess } from "../access";
import { Agreement } from "../agreements/agreement.entity";
import { moveAgreement } from "../agreements/agreement.transitions";
import { SocialRepaymentClaim } from "./social-claim.entity";
import { moveClaim } from "./claim.transitions";
import { AgreementStatus, ClaimStatus, MovementKind } from "../funds.enums";
import { AgreementBalance, agreementBalances } from "../ledger/figures";
import { ledger } from "../ledger/ledger";
import { MoneyIn, MovementResult, moveMoneyOnce } from "./movement-rules";
import { AGREEMENT, lockAgreement, MAX_MOVEMENT_PENCE, onlyAdmin, organisationActsOn } from "../fund-rules";
import { WRONG_STATUS } from "../../../kit/lifecycle";
import { refuse, refuseAll, Result } from "../../../kit/refusals";
import { InputChecks } from "../../../kit/input-checks";
import { londonDate } from "../../../kit/calendar";
import { fundEvents } from "../funds.events";

export type ClaimResult = Result<{ claim: SocialRepaymentClaim; agreement: Agreement }>;

function requireActive(agreement: Agreement): void {
  if (agreement.status !== AgreementStatus.ACTIVE) {
    refuse(null, WRONG_STATUS, `Only an active agreement takes repayments; this one is ${agreement.status}.`);
  }
}

/** Ends the agreement as REPAID once all of it was drawn and both the cash and the social part are repaid. */
async function endIfRepaid(m: EntityManager, actor: Actor, agreement: Agreement, today: string): Promise<Agreement> {
  const b = (await agreementBalances(m, [agreement.id])).get(agreement.id)!;
  const repaid = b.disbursedPence === agreement.amountPence && b.repaidCashPence === agreement.cashRepayablePence
    && b.repaidSocialPence === agreement.amountPence - agreement.cashRepayablePence;
  return repaid ? moveAgreement(m, actor, agreement, AgreementStatus.REPAID, today) : m.save(touch(agreement));
}

/** The most that can be repaid now in one part: what is outstanding, and no more than that part has left. */
function repayable(b: AgreementBalance, partLeft: number): number {
  return Math.min(b.outstandingPence, partLeft);
}

async function claimResult(m: EntityManager, claimId: string): Promise<ClaimResult> {
  const claim = await m.findOneByOrFail(SocialRepaymentClaim, { id: claimId });
  return { claim, agreement: await m.findOneByOrFail(Agreement, { id: claim.agreementId }) };
}

export class RepaymentsService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  async recordCashRepayment(actor: Actor, agreementId: string, input: MoneyIn): Promise<MovementResult> {
    if (!fundAccess.manage(actor.viewer)) return onlyAdmin("record repayments");
    return moveMoneyOnce(this.db, actor, { operation: "funds.recordCashRepayment", agreementId, input, today: this.today }, async (m, request, today) => {
      const { agreement } = await lockAgreement(m, agreementId);
      requireActive(agreement);
      if (input.occurredOn < agreement.awardedOn) refuse("occurredOn", "TOO_EARLY", `Money cannot move before the award (${agreement.awardedOn}).`);
      const b = (await agreementBalances(m, [agreementId])).get(agreementId)!;
      const most = repayable(b, agreement.cashRepayablePence - b.repaidCashPence);
      if (input.amountPence > most) {
        refuse("amountPence", "EXCEEDS_OUTSTANDING", `At most ${pounds(most)} can be repaid in cash now: ${pounds(b.outstandingPence)} received is outstanding and ${pounds(agreement.cashRepayablePence - b.repaidCashPence)} of the cash part is left.`);
      }
      const group = await ledger.cashRepayment(m, actor, { fundId: agreement.fundId, agreementId, pence: input.amountPence, occurredOn: input.occurredOn, memo: request.memo });
      await fundEvents.repaymentRecorded(m, actor, {
        movementId: group.id, kind: MovementKind.CASH_REPAYMENT, pence: input.amountPence, occurredOn: input.occurredOn, agreementId, fundId: agreement.fundId,
      });
      await endIfRepaid(m, actor, agreement, today);
      await audit.record(m, actor, { action: "agreement.repayCash", entityType: "Agreement", entityId: agreementId, after: { ...request, movementId: group.id } });
      return group.id;
    });
  }

  async claimSocialRepayment(actor: Actor, agreementId: string, input: {
    valuePence: number; periodFrom: string; periodTo: string; description: string; evidence?: string | null; idempotencyKey: string;
  }): Promise<ClaimResult> {
    return inTransaction(this.db, async (m) => {
      await allowedFirst(m, actor, Agreement, agreementId, organisationActsOn("claim its social repayments"), AGREEMENT);
      const c = new InputChecks();
      c.pence("valuePence", input.valuePence, { min: 1, max: MAX_MOVEMENT_PENCE, label: "social value" });
      const description = c.text("description", input.description, { max: 5000, required: true }) ?? "";
      const evidence = c.text("evidence", input.evidence, { max: 5000 }) ?? null;
      if (input.periodTo < input.periodFrom) c.add("periodTo", "BEFORE_START", "The period cannot end before it starts.");
      if (input.periodTo > this.today()) c.add("periodTo", "IN_FUTURE", "Claim for social value already delivered: the period must have ended.");
      const key = c.idempotencyKey(input.idempotencyKey);
      if (!c.ok) refuseAll(c.errors);
      const request = { agreementId, valuePence: input.valuePence, periodFrom: input.periodFrom, periodTo: input.periodTo, description, evidence };
      return once<ClaimResult>(m, actor, { operation: "funds.claimSocialRepayment", key, input: request }, async () => {
        const { agreement } = await lockAgreement(m, agreementId);
        requireActive(agreement);
        const b = (await agreementBalances(m, [agreementId])).get(agreementId)!;
        const socialLeft = agreement.amountPence - agreement.cashRepayablePence - b.repaidSocialPence;
        if (input.valuePence > socialLeft) {
          refuse("valuePence", "EXCEEDS_OUTSTANDING", `Only ${pounds(socialLeft)} of the social part is left to repay.`);
        }
        const claim = await m.save(m.create(SocialRepaymentClaim, { ...request, claimedBy: actor.viewer.userId }));
        await audit.record(m, actor, { action: "socialRepaymentClaim.create", entityType: "SocialRepaymentClaim", entityId: claim.id, after: request });
        return { ref: claim.id, result: { claim, agreement } };
      }, (ref) => claimResult(m, ref));
    });
  }

  /** Accepting credits the agreement with the accepted value (at most what was claimed); rejecting needs a note. */
  async reviewSocialRepayment(actor: Actor, claimId: string, input: {
    expectedVersion: number; accept: boolean; acceptedPence?: number | null; note?: string | null; idempotencyKey: string;
  }): Promise<ClaimResult> {
    if (!fundAccess.manage(actor.viewer)) return onlyAdmin("review social repayment claims");
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const note = c.text("note", input.note, { max: 5000, required: !input.accept, label: "note saying why" }) ?? null;
      if (!input.accept && input.acceptedPence != null) c.add("acceptedPence", "NOT_WITH_REJECT", "A rejected claim accepts nothing.");
      c.pence("acceptedPence", input.acceptedPence, { min: 1, max: MAX_MOVEMENT_PENCE, label: "accepted value" });
      const key = c.idempotencyKey(input.idempotencyKey);
      if (!c.ok) refuseAll(c.errors);
      const { idempotencyKey: _key, ...request } = input;
      return once<ClaimResult>(m, actor, { operation: "funds.reviewSocialRepayment", key, input: { claimId, ...request } }, async () => {
        const found = await m.findOneBy(SocialRepaymentClaim, { id: claimId });
        if (!found) refuse("claimId", "NOT_FOUND", "No social repayment claim has that ID.");
        const { agreement } = await lockAgreement(m, found!.agreementId);
        const claim = await m.findOneOrFail(SocialRepaymentClaim, { where: { id: claimId }, lock: { mode: "pessimistic_write" } });
        requireVersion(claim, input.expectedVersion, "claim");
        const review = { reviewedBy: actor.viewer.userId, reviewedAt: new Date(), reviewNote: note };
        if (!input.accept) {
          await moveClaim(m, actor, claim, ClaimStatus.REJECTED, review);
          return { ref: claimId, result: { claim, agreement } };
        }
        requireActive(agreement);
        const accepted = input.acceptedPence ?? claim.valuePence;
        if (accepted > claim.valuePence) refuse("acceptedPence", "MORE_THAN_CLAIMED", `The claim is for ${pounds(claim.valuePence)}; accept no more than that.`);
        const b = (await agreementBalances(m, [agreement.id])).get(agreement.id)!;
        const most = repayable(b, agreement.amountPence - agreement.cashRepayablePence - b.repaidSocialPence);
        if (accepted > most) {
          refuse("acceptedPence", "EXCEEDS_OUTSTANDING", `At most ${pounds(most)} can be credited in social value now: ${pounds(b.outstandingPence)} received is outstanding.`);
        }
        const today = this.today();
        const group = await ledger.socialRepayment(m, actor, {
          fundId: agreement.fundId, agreementId: agreement.id, pence: accepted, occurredOn: today, memo: `Social repayment claim for ${claim.periodFrom} to ${claim.periodTo}`,
        });
        await moveClaim(m, actor, claim, ClaimStatus.ACCEPTED, { ...review, ledgerGroupId: group.id });
        await fundEvents.repaymentRecorded(m, actor, {
          movementId: group.id, kind: MovementKind.SOCIAL_REPAYMENT, pence: accepted, occurredOn: today, agreementId: agreement.id, fundId: agreement.fundId, claimId,
        });
        const updated = await endIfRepaid(m, actor, agreement, today);
        return { ref: claimId, result: { claim, agreement: updated } };
      }, (ref) => claimResult(m, ref));
    });
  }
}
