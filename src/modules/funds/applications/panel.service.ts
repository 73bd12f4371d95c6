// Peer decisions: the round's panel records views (conflicted members' views are kept but excluded), then the panel
// decides together under the round's rule (quorum and majority): decline, or offer terms that become an agreement
// with its first repayment schedule. Only ADMIN departs from the panel, with a recorded reason marked as an override.
import { ActRule, allowedFirst, lockRecord, requireVersion, saveChange } from "../../../kit/records";
import { formatPence as pounds } from "../../../kit/money";
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import { isAdmin, type Actor } from "../../../auth/viewer";
import { once } from "../../../db/idempotency";
import { inTransaction } from "../../../db/transaction";
import { clustersApi, PanelSeat } from "../../clusters/clusters.api";
import { FundingApplication } from "./application.entity";
import { applicationMoveRefusal, moveApplication } from "./application.transitions";
import { Agreement } from "../agreements/agreement.entity";
import { FundRound } from "../rounds/round.entity";
import { PanelView } from "./panel-view.entity";
import { PanelDecision } from "./panel-decision.entity";
import { ApplicationStatus, DecisionOutcome, FundStatus, PanelStance, PartnerConsent } from "../funds.enums";
import { partnersOf } from "./application-partners";
import { findConflict } from "./conflicts";
import { Departure, departureOf, PanelStanding, standingOf, tallyOf } from "./decision-rule";
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

export interface DecideInput {
  expectedVersion: number;
  outcome: DecisionOutcome;
  reasons: string;
  offer?: OfferTerms | null;
  /** ADMIN only: why the decision departs from the panel (no quorum, or against the majority). */
  overrideReason?: string | null;
  idempotencyKey: string;
}

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
 * The organisations an application is made by, whose conflicts a panel member must not have: the lead and every
 * partner of a collective application (all have consented once it is submitted; a declined one is not an applicant).
 */
async function applicantsOf(m: EntityManager, application: Pick<FundingApplication, "id" | "organisationId">): Promise<string[]> {
  const partners = await partnersOf(m, application.id);
  return [application.organisationId, ...partners.filter((p) => p.consent !== PartnerConsent.DECLINED).map((p) => p.organisationId)];
}

const DEPARTURES: Record<Departure, string> = {
  NO_QUORUM: "The panel has not reached its quorum of counted views",
  AGAINST_MAJORITY: "This outcome goes against what the panel's counted views carry",
};

/** Whether the actor sits on the peer panel of the round (none for a draft, which has no round yet). */
async function sitsOnRoundPanel(m: EntityManager, actor: Actor, roundId: string | null): Promise<boolean> {
  if (!roundId || !actor.viewer.userId) return false;
  const round = await m.findOneBy(FundRound, { id: roundId });
  return round !== null && (await seatOf(m, actor, round)) !== null;
}

/** Views: the people on the round's panel. Asked before anything is locked (kit/records `allowedFirst`). */
const recordsViews: ActRule<FundingApplication> = {
  allows: (m, actor, application) => sitsOnRoundPanel(m, actor, application.roundId),
  refusal: "Only the people on this round's peer panel record views on its applications.",
};

/** Decisions: ADMIN and the people on the round's panel (conflicts are weighed once the application is locked). */
const recordsDecisions: ActRule<FundingApplication> = {
  allows: async (m, actor, application) => isAdmin(actor.viewer) || sitsOnRoundPanel(m, actor, application.roundId),
  refusal: "Only the people on this round's peer panel (or ADMIN) record its decisions.",
};

const APPLICATION = { noun: "application", field: "applicationId" };

async function lockApplicationWithRound(m: EntityManager, applicationId: string): Promise<{ application: FundingApplication; round: FundRound }> {
  const application = await lockRecord(m, FundingApplication, applicationId, { noun: "application", field: "applicationId" });
  if (!application.roundId) refuse("applicationId", WRONG_STATUS, "A draft has no panel yet; it is reviewed once submitted.");
  return { application, round: await m.findOneByOrFail(FundRound, { id: application.roundId! }) };
}

/** The tally and rule in words, for refusals. */
function describe(standing: PanelStanding, round: FundRound): string {
  const { tally } = standing;
  return `${standing.counted} counted of a quorum of ${round.quorum}: ${tally.for} for, ${tally.against} against, ${tally.abstain} abstaining; `
    + `${tally.excludedFor.length} excluded for a conflict of interest; rule ${round.majorityRule}`;
}

export class PanelService {
  constructor(private readonly db: DataSource | EntityManager, private readonly today: () => string = () => londonDate()) {}

  async recordView(actor: Actor, applicationId: string, input: { stance: PanelStance; comment: string; declaredConflict?: string | null }): Promise<ViewResult> {
    // A panel counts people whose email is known to be theirs.
    if (actor.viewer.unverified) {
      return { errors: [notAllowed("Verify your email (follow the link we sent you) before sitting on a panel.")] };
    }
    return inTransaction(this.db, async (m) => {
      await allowedFirst(m, actor, FundingApplication, applicationId, recordsViews, APPLICATION);
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
      const { conflict, sharedClusters } = await findConflict(m, { userId: seat.userId, seatOrganisationId: seat.organisationId }, await applicantsOf(m, application), declared, this.today());
      const fields = { stance: input.stance, comment: comment!, conflict, conflictNote: declared, sharedClusters, memberOrganisationId: seat.organisationId };
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
   * Records the panel's decision. A panel member or ADMIN records it, never someone with a conflict of interest
   * towards the applicant (whether or not they recorded a view). The outcome follows the counted views under the
   * round's rule: a quorum, and a majority for an offer. Taking it without quorum or against the majority is an
   * override: ADMIN only, with `overrideReason`, kept and shown with the decision. An offer is checked against the
   * fund's limits and what it has available, and becomes an agreement.
   */
  async decide(actor: Actor, applicationId: string, input: DecideInput): Promise<DecisionResult> {
    return inTransaction(this.db, async (m) => {
      // Who is asking comes first: nothing is read for anonymous callers, nothing locked or compared for anyone who may not decide.
      await allowedFirst(m, actor, FundingApplication, applicationId, recordsDecisions, APPLICATION);
      const c = new InputChecks();
      const key = c.idempotencyKey(input.idempotencyKey);
      const reasons = c.text("reasons", input.reasons, { max: 5000, required: true }) ?? "";
      const overrideReason = c.text("overrideReason", input.overrideReason, { max: 5000 }) ?? null;
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
        const found = await m.findOne(FundingApplication, { where: { id: applicationId }, select: { id: true, fundId: true, organisationId: true, roundId: true } });
        if (!found) refuse("applicationId", "NOT_FOUND", "No application has that ID.");
        if (!found!.roundId) refuse("applicationId", WRONG_STATUS, "A draft has no panel yet; it is reviewed once submitted.");
        const today = this.today();
        await this.requireDecider(m, actor, found!, today);
        // An offer reserves the fund's money: take the fund's lock before the application's, like every money move.
        const fund = await lockFund(m, found.fundId);
        const { application, round } = await lockApplicationWithRound(m, applicationId);
        requireVersion(application, input.expectedVersion, "application");
        const decidedStatus = input.outcome === DecisionOutcome.OFFER ? ApplicationStatus.OFFERED : ApplicationStatus.DECLINED;
        const wrongStatus = applicationMoveRefusal(application, decidedStatus);
        if (wrongStatus) refuseAll([wrongStatus]);
        const views = await this.recount(m, actor, application, today);
        const standing = standingOf(tallyOf(views), round);
        const departure = departureOf(input.outcome, standing);
        if (departure && !isAdmin(actor.viewer)) {
          refuse("outcome", departure, `${DEPARTURES[departure]} (${describe(standing, round)}); only ADMIN may decide otherwise, with a recorded override reason.`);
        }
        if (departure && !overrideReason) {
          refuse("overrideReason", departure, `${DEPARTURES[departure]} (${describe(standing, round)}); give the reason for overriding the panel.`);
        }
        if (!departure && overrideReason) {
          refuse("overrideReason", "NOT_AN_OVERRIDE", "This decision follows the panel; an override reason is only for departing from it.");
        }
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
        const decided = await moveApplication(m, actor, application, decidedStatus);
        const { tally } = standing;
        const decision = await m.save(m.create(PanelDecision, {
          applicationId, outcome: input.outcome, reasons, viewsCounted: standing.counted, viewsExcluded: tally.excludedFor.length,
          votesFor: tally.for, votesAgainst: tally.against, abstentions: tally.abstain, excludedFor: tally.excludedFor,
          quorum: round.quorum, majorityRule: round.majorityRule, overrideReason: departure ? overrideReason : null,
          decidedBy: actor.viewer.userId, decidedOn: today,
        }));
        await audit.record(m, actor, {
          action: departure ? "application.decideByOverride" : "application.decide", entityType: "FundingApplication", entityId: applicationId,
          after: {
            outcome: input.outcome, reasons, decisionId: decision.id, agreementId: agreement?.id ?? null, offer: input.offer ?? null,
            tally, quorum: round.quorum, majorityRule: round.majorityRule, override: departure, overrideReason: decision.overrideReason,
          },
        });
        await fundEvents.applicationDecided(m, actor, {
          applicationId, fundId: application.fundId, roundId: application.roundId, organisationId: application.organisationId,
          partnerOrganisationIds: (await partnersOf(m, applicationId)).map((p) => p.organisationId), outcome: input.outcome, agreementId: agreement?.id ?? null, override: departure !== null,
        });
        return { ref: applicationId, result: { application: decided, agreement } };
      }, async (ref) => ({
        application: await m.findOneByOrFail(FundingApplication, { id: ref }),
        agreement: await m.findOneBy(Agreement, { applicationId: ref }),
      }));
    });
  }

  /**
   * Refuses anyone who may not decide: not on the round's panel (and not ADMIN), or with a conflict of interest
   * towards the applicant by the same rule that excludes a view, including a conflict declared on their own view.
   * Checked before anything is locked.
   */
  private async requireDecider(m: EntityManager, actor: Actor, application: Pick<FundingApplication, "id" | "organisationId" | "roundId">, today: string): Promise<void> {
    const round = await m.findOneByOrFail(FundRound, { id: application.roundId! });
    const seat = await seatOf(m, actor, round);
    if (!seat && !isAdmin(actor.viewer)) {
      refuseAll([notAllowed("Only the people on this round's peer panel (or ADMIN) record its decisions.")]);
    }
    const own = actor.viewer.userId
      ? await m.findOne(PanelView, { where: { applicationId: application.id, memberUserId: actor.viewer.userId } })
      : null;
    const { conflict } = await findConflict(m, { userId: actor.viewer.userId, seatOrganisationId: seat?.organisationId ?? null },
      await applicantsOf(m, application), own?.conflictNote ?? null, today);
    if (conflict) {
      refuseAll([notAllowed(`You have a conflict of interest with this applicant (${conflict}), so another panel member or ADMIN records this decision.`)]);
    }
  }

  /**
   * The views as they count today: conflicts are found again on the day of the decision (a membership or an exchange
   * may have begun since a view was recorded), and a view whose finding changed is updated and audited.
   */
  private async recount(m: EntityManager, actor: Actor, application: FundingApplication, today: string): Promise<PanelView[]> {
    const views = await m.find(PanelView, { where: { applicationId: application.id }, order: { recordedAt: "ASC", id: "ASC" } });
    const applicants = await applicantsOf(m, application);
    for (const v of views) {
      const found = await findConflict(m, { userId: v.memberUserId, seatOrganisationId: v.memberOrganisationId }, applicants, v.conflictNote, today);
      if (found.conflict === v.conflict) continue;
      await audit.record(m, actor, {
        action: "panelView.recount", entityType: "PanelView", entityId: v.id, before: { conflict: v.conflict }, after: { conflict: found.conflict },
      });
      v.conflict = found.conflict;
      await m.update(PanelView, { id: v.id }, { conflict: found.conflict });
    }
    return views;
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
      after: {
        applicationId: application.id, ...offer, socialRepayablePence: offer.amountPence - offer.cashRepayablePence,
        partnerOrganisationIds: (await partnersOf(m, application.id)).map((p) => p.organisationId),
      },
    });
    return agreement;
  }
}
