// Awards residents decided: a binding participatory budget that is part of a fund's round funds its winning pitches
// here, in the caller's transaction. Each becomes an application already OFFERED (residents, not the peer panel,
// decided it) and its agreement, checked against the fund like any offer: open, within its limits, within what it has.
import type { EntityManager } from "typeorm";
import { audit } from "../../../audit/audit";
import type { Actor } from "../../../auth/viewer";
import { formatPence as pounds } from "../../../kit/money";
import { refuse } from "../../../kit/refusals";
import { lockFund } from "../fund-rules";
import { fundFigures } from "../ledger/figures";
import { ApplicationStatus, DecisionOutcome, FundStatus } from "../funds.enums";
import { fundEvents } from "../funds.events";
import { writeScheduleVersion } from "../agreements/schedule-versions";
import { Agreement } from "../agreements/agreement.entity";
import { FundRound } from "../rounds/round.entity";
import { FundingApplication } from "./application.entity";

export interface CommunityAward {
  organisationId: string;
  amountPence: number;
  /** What the money is for (the pitch's title and summary). */
  purpose: string;
}

/** A community-decided award is repaid in social value: no cash schedule, and a year to report the value created. */
const SOCIAL_TERM_MONTHS = 12;

/**
 * Makes the awards (all or none: a refusal rolls the caller's transaction back) and returns their agreements' ids in
 * the order given. `decidedBy` names the decision in the audit trail (e.g. "DecisionProcess:<id>").
 */
export async function awardCommunityChoices(
  m: EntityManager, actor: Actor, o: { roundId: string; awards: CommunityAward[]; decidedBy: string; today: string },
): Promise<string[]> {
  const round = await m.findOneBy(FundRound, { id: o.roundId });
  if (!round) refuse("fundRoundId", "NOT_FOUND", "No fund round has that ID.");
  const fund = await lockFund(m, round.fundId);
  if (fund.status !== FundStatus.OPEN) refuse("fundRoundId", "FUND_CLOSED", "The round's fund is closed; it makes no more awards.");
  for (const a of o.awards) {
    if (a.amountPence < fund.minAwardPence || a.amountPence > fund.maxAwardPence) {
      refuse("fundRoundId", "AMOUNT_OUT_OF_RANGE", `This fund awards from ${pounds(fund.minAwardPence)} to ${pounds(fund.maxAwardPence)}.`);
    }
  }
  const total = o.awards.reduce((s, a) => s + a.amountPence, 0);
  const { availablePence } = (await fundFigures(m, [fund.id])).get(fund.id)!;
  if (total > availablePence) {
    refuse("fundRoundId", "FUND_OVERDRAWN", `The fund has ${pounds(availablePence)} available to award; these awards need ${pounds(total)}.`);
  }
  const ids: string[] = [];
  for (const a of o.awards) {
    const application = await m.save(m.create(FundingApplication, {
      fundId: fund.id, roundId: round.id, organisationId: a.organisationId, requestedPence: a.amountPence, purpose: a.purpose,
      status: ApplicationStatus.OFFERED, submittedAt: new Date(), createdBy: actor.viewer.userId,
    }));
    await audit.record(m, actor, {
      action: "application.communityAward", entityType: "FundingApplication", entityId: application.id,
      after: { fundId: fund.id, roundId: round.id, organisationId: a.organisationId, amountPence: a.amountPence, decidedBy: o.decidedBy },
    });
    const agreement = await m.save(m.create(Agreement, {
      applicationId: application.id, fundId: fund.id, roundId: round.id, organisationId: a.organisationId,
      amountPence: a.amountPence, cashRepayablePence: 0, awardedOn: o.today,
    }));
    await writeScheduleVersion(m, actor, {
      agreementId: agreement.id, version: 1, effectiveOn: o.today, startsOn: o.today, termMonths: SOCIAL_TERM_MONTHS, holidayMonths: 0,
      coversPence: 0, paidBeforePence: 0, reason: null,
    });
    await audit.record(m, actor, {
      action: "agreement.offer", entityType: "Agreement", entityId: agreement.id,
      after: { applicationId: application.id, amountPence: a.amountPence, cashRepayablePence: 0, socialRepayablePence: a.amountPence, decidedBy: o.decidedBy },
    });
    await fundEvents.applicationDecided(m, actor, {
      applicationId: application.id, fundId: fund.id, roundId: round.id, organisationId: a.organisationId, partnerOrganisationIds: [],
      outcome: DecisionOutcome.OFFER, agreementId: agreement.id, override: false,
    });
    ids.push(agreement.id);
  }
  return ids;
}
