// Peer decisions: the round's panel records views (conflicted members' views are kept but excluded), then the panel
// decides together: decline, or offer terms that become an agreement with its first repayment schedule.
import { lockRecord, requireVersion, saveChange } from "../../../kit/records";
import { formatPence as pounds } from "../../../kit/money";
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import { isAdmin, type Actor } from "../../../auth/viewer";
import { once } from "../../../db/idempotency";
import { inTransaction } from "../../../db/transaction";
import { clustersApi, PanelSeat } from "../../clusters/clusters.api";
import { FundingApplication } from "./application.entity";
import { moveApplication } from "./application.transitions";
import { Agreement } from "../agreements/agreement.entity";
import { FundRound } from "../rounds/round.entity";
import { PanelView } from "./panel-view.entity";
import { PanelDecision } from "./panel-decision.entity";
import { ApplicationStatus, ConflictOfInterest, DecisionOutcome, FundStatus, PanelStance } from "../funds.enums";
import { fundFigures } from "../ledger/figures";
import { checkTiming, ScheduleTiming, writeScheduleVersion } from "../agreements/schedule-versions";
import { lockFund } from "../fund-rules";
import { WRONG_STATUS } from "../../../kit/lifecycle";
import { notAllowed, refuse, refuseAll, Result } from "../../../kit/refusals";
import { InputChecks } from "../../../kit/input-checks";
import { londonDate } from "../../../kit/calendar";
import { fundEvents } from "../funds.events";

export type ViewResult = Result<{ view: PanelView; application: FundingApplication }>;
export type DecisionResult = Result<{ application: FundingApplication; agreement: Agreement | null }>;

export interface OfferTerms extends ScheduleTiming {
  amountPence: number;
  cashRepayablePence: number;
}

/** The viewer's seat on the round's panel, or null when they do not sit on it. */
async function seatOf(m: EntityManager, actor: Actor, round: FundRound): Promise<PanelSeat | null> {
  const members = await clustersApi.panelMembers(m, round.panelId);
  return members.find((p) => p.userId === actor.viewer.userId) ?? null;
}

/**
 * A conflict of interest excludes a view: sitting for (or belonging to) the applicant organisation, sitting for an
 * organisation that shares a cluster with it, or declaring one.
 */
async function conflictOf(m: EntityManager, actor: Actor, seat: PanelSeat, applicantId: string, declared: string | null): Promise<ConflictOfInterest | null> {
  if (seat.organisationId === applicantId || actor.viewer.memberships.has(applicantId)) return ConflictOfInterest.SAME_ORGANISATION;
  if (seat.organisationId && (await clustersApi.organisationsSharingACluster(m, seat.organisationId)).has(applicantId)) {
    return ConflictOfInterest.SHARED_CLUSTER;
  }
  return declared ? ConflictOfInterest.DECLARED : null;
}

async function lockApplicationWithRound(m: EntityManager, applicationId: string): Promise<{ application: FundingApplication; round: FundRound }> {
  const application = await lockRecord(m, FundingApplication, applicationId, { noun: "application", field: "applicationId" });
  if (!application.roundId) refuse("applicationId", WRONG_STATUS, "A draft has no panel yet; it is reviewed once submitted.");
  return { application, round: await m.findOneByOrFail(FundRound, { id: application.roundId! }) };
}

export class PanelService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  async recordView(actor: Actor, applicationId: string, input: { stance: PanelStance; comment: string; declaredConflict?: string | null }): Promise<ViewResult> {
    // A panel counts people whose email is known to be theirs.
    if (actor.viewer.unverified) {
      return { errors: [notAllowed("Verify your email (follow the link we sent you) before sitting on a panel.")] };
    }
    return inTransaction(this.db, async (m) => {
      const { application, round } = await lockApplicationWithRound(m, applicationId);
      const seat = await seatOf(m, actor, round);
      if (!seat) refuseAll([notAllowed("Only the people on this round's peer panel record views on its applications.")]);
      if (![ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW].includes(application.status)) {
        refuse(null, WRONG_STATUS, `Views are recorded while an application is submitted or in review; this one is ${application.status}.`);
      }
      const c = new InputChecks();
      const comment = c.text("comment", input.comment, { max: 5000, required: true });
      const declared = c.text("declaredConflict", input.declaredConflict, { max: 2000 }) ?? null;
      if (!c.ok) refuseAll(c.errors);
      const conflict = await conflictOf(m, actor, seat, application.organisationId, declared);
      const fields = { stance: input.stance, comment: comment!, conflict, conflictNote: declared, memberOrganisationId: seat.organisationId };
      const existing = await m.findOne(PanelView, { where: { applicationId, memberUserId: seat.userId }, lock: { mode: "pessimistic_write" } });
      let view: PanelView;
      if (existing) {
        const before = { stance: existing.stance, comment: existing.comment, conflict: existing.conflict };
        view = await saveChange(m, actor, Object.assign(existing, fields), { action: "panelView.update", before, after: fields });
      } else {
        view = await m.save(m.create(PanelView, { ...fields, applicationId, memberUserId: seat.userId }));
        await audit.record(m, actor, { action: "panelView.record", entityType: "PanelView", entityId: view.id, after: { applicationId, ...fields } });
      }
      // The first view starts the panel's review.
      const reviewed = application.status === ApplicationStatus.SUBMITTED
        ? await moveApplication(m, actor, application, ApplicationStatus.IN_REVIEW)
        : application;
      return { view, application: reviewed };
    });
  }

  /**
   * Records the panel's decision. ADMIN or a panel member without a conflict records it; it rests on at least one
   * counted view. An offer is checked against the fund's limits and what it has available, and becomes an agreement.
   */
  async decide(actor: Actor, applicationId: string, input: {
    expectedVersion: number; outcome: DecisionOutcome; reasons: string; offer?: OfferTerms | null; idempotencyKey: string;
  }): Promise<DecisionResult> {
    return inTransaction(this.db, async (m) => {
      const c = new InputChecks();
      const key = c.idempotencyKey(input.idempotencyKey);
      const reasons = c.text("reasons", input.reasons, { max: 5000, required: true }) ?? "";
      if (input.outcome === DecisionOutcome.OFFER && !input.offer) c.add("offer", "REQUIRED", "An offer needs its terms.");
      if (input.outcome === DecisionOutcome.DECLINE && input.offer) c.add("offer", "NOT_WITH_DECLINE", "A decline carries no offer terms.");
      if (input.offer) {
        c.pence("offer.amountPence", input.offer.amountPence, { min: 1, max: Number.MAX_SAFE_INTEGER, label: "amount" });
        c.pence("offer.cashRepayablePence", input.offer.cashRepayablePence, { min: 0, max: input.offer.amountPence, label: "cash to repay" });
        checkTiming(c, input.offer, "offer.");
      }
      if (!c.ok) refuseAll(c.errors);
      const { idempotencyKey: _key, ...request } = input;
      return once<DecisionResult>(m, actor, { operation: "funds.decideApplication", key, input: { applicationId, ...request } }, async () => {
        const found = await m.findOne(FundingApplication, { where: { id: applicationId }, select: { id: true, fundId: true } });
        if (!found) refuse("applicationId", "NOT_FOUND", "No application has that ID.");
        // An offer reserves the fund's money: take the fund's lock before the application's, like every money move.
        const fund = await lockFund(m, found!.fundId);
        const { application, round } = await lockApplicationWithRound(m, applicationId);
        requireVersion(application, input.expectedVersion, "application");
        const seat = await seatOf(m, actor, round);
        const views = await m.find(PanelView, { where: { applicationId } });
        const ownView = views.find((v) => v.memberUserId === actor.viewer.userId);
        if (!isAdmin(actor.viewer) && (!seat || ownView?.conflict)) {
          refuseAll([notAllowed(seat
            ? "Your view is excluded for a conflict of interest, so another panel member records this decision."
            : "Only the people on this round's peer panel (or ADMIN) record its decisions.")]);
        }
        const counted = views.filter((v) => v.conflict === null).length;
        if (counted === 0) refuse(null, "NO_PANEL_VIEWS", "The panel decides together: record at least one view without a conflict of interest first.");
        const today = this.today();
        let agreement: Agreement | null = null;
        if (input.outcome === DecisionOutcome.OFFER) {
          const offer = input.offer!;
          if (fund.status !== FundStatus.OPEN) refuse("fundId", "FUND_CLOSED", "This fund is closed; it makes no more offers.");
          if (offer.amountPence < fund.minAwardPence || offer.amountPence > fund.maxAwardPence) {
            refuse("offer.amountPence", "AMOUNT_OUT_OF_RANGE", `This fund awards from ${pounds(fund.minAwardPence)} to ${pounds(fund.maxAwardPence)}.`);
          }
          if (offer.startsOn < today) refuse("offer.startsOn", "TOO_EARLY", "The schedule cannot start before the award.");
          const { availablePence } = (await fundFigures(m, [fund.id])).get(fund.id)!;
          if (offer.amountPence > availablePence) {
            refuse("offer.amountPence", "FUND_OVERDRAWN", `The fund has ${pounds(availablePence)} available to award; offer no more than that.`);
          }
          agreement = await this.createAgreement(m, actor, application, offer, today);
        }
        const decided = await moveApplication(m, actor, application,
          input.outcome === DecisionOutcome.OFFER ? ApplicationStatus.OFFERED : ApplicationStatus.DECLINED);
        const decision = await m.save(m.create(PanelDecision, {
          applicationId, outcome: input.outcome, reasons, viewsCounted: counted, viewsExcluded: views.length - counted,
          decidedBy: actor.viewer.userId, decidedOn: today,
        }));
        await audit.record(m, actor, {
          action: "application.decide", entityType: "FundingApplication", entityId: applicationId,
          after: { outcome: input.outcome, reasons, decisionId: decision.id, agreementId: agreement?.id ?? null, offer: input.offer ?? null },
        });
        await fundEvents.applicationDecided(m, actor, {
          applicationId, fundId: application.fundId, roundId: application.roundId, organisationId: application.organisationId,
          outcome: input.outcome, agreementId: agreement?.id ?? null,
        });
        return { ref: applicationId, result: { application: decided, agreement } };
      }, async (ref) => ({
        application: await m.findOneByOrFail(FundingApplication, { id: ref }),
        agreement: await m.findOneBy(Agreement, { applicationId: ref }),
      }));
    });
  }

  private async createAgreement(m: EntityManager, actor: Actor, application: FundingApplication, offer: OfferTerms, today: string): Promise<Agreement> {
    const agreement = await m.save(m.create(Agreement, {
      applicationId: application.id, fundId: application.fundId, roundId: application.roundId!, organisationId: application.organisationId,
      amountPence: offer.amountPence, cashRepayablePence: offer.cashRepayablePence, awardedOn: today,
    }));
    await writeScheduleVersion(m, actor, {
      agreementId: agreement.id, version: 1, effectiveOn: today, startsOn: offer.startsOn, termMonths: offer.termMonths,
      holidayMonths: offer.holidayMonths, coversPence: offer.cashRepayablePence, paidBeforePence: 0, reason: null,
    });
    await audit.record(m, actor, {
      action: "agreement.offer", entityType: "Agreement", entityId: agreement.id,
      after: { applicationId: application.id, ...offer, socialRepayablePence: offer.amountPence - offer.cashRepayablePence },
    });
    return agreement;
  }
}
