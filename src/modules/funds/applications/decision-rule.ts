// A round's decision rule applied to its panel's views: the tally, whether it reaches quorum, and which outcome the
// majority carries. Pure, so the rule reads in one place and the panel service and later readers share it.
import { ConflictOfInterest, DecisionOutcome, MajorityRule, PanelStance } from "../funds.enums";

export interface DecisionRule {
  quorum: number;
  majorityRule: MajorityRule;
}

export interface Tally {
  for: number;
  against: number;
  abstain: number;
  /** The conflict that excluded each excluded view. */
  excludedFor: ConflictOfInterest[];
}

export interface PanelStanding {
  tally: Tally;
  counted: number;
  quorumMet: boolean;
  /** The outcome the counted views carry: OFFER only when the majority rule is met, DECLINE otherwise. */
  carries: DecisionOutcome;
}

/** Why a decision departs from its panel, or null when it follows it. */
export type Departure = "NO_QUORUM" | "AGAINST_MAJORITY";

const FOR: readonly PanelStance[] = [PanelStance.SUPPORT, PanelStance.SUPPORT_WITH_CHANGES];

export function tallyOf(views: { stance: PanelStance; conflict: ConflictOfInterest | null }[]): Tally {
  const counted = views.filter((v) => v.conflict === null);
  return {
    for: counted.filter((v) => FOR.includes(v.stance)).length,
    against: counted.filter((v) => v.stance === PanelStance.DO_NOT_SUPPORT).length,
    abstain: counted.filter((v) => v.stance === PanelStance.ABSTAIN).length,
    excludedFor: views.filter((v) => v.conflict !== null).map((v) => v.conflict!),
  };
}

/**
 * An offer carries when more counted views are for than against (SIMPLE_MAJORITY) or at least two thirds of those
 * for or against are for (TWO_THIRDS); abstentions count towards quorum but not the majority. A tie does not carry
 * an offer, so the panel's outcome then is DECLINE.
 */
export function standingOf(tally: Tally, rule: DecisionRule): PanelStanding {
  const counted = tally.for + tally.against + tally.abstain;
  const offerCarries = rule.majorityRule === MajorityRule.TWO_THIRDS
    ? tally.for > 0 && tally.for * 3 >= (tally.for + tally.against) * 2
    : tally.for > tally.against;
  return { tally, counted, quorumMet: counted >= rule.quorum, carries: offerCarries ? DecisionOutcome.OFFER : DecisionOutcome.DECLINE };
}

/** Whether deciding `outcome` departs from the panel: taken without quorum, or against what the majority carries. */
export function departureOf(outcome: DecisionOutcome, standing: PanelStanding): Departure | null {
  if (!standing.quorumMet) return "NO_QUORUM";
  return outcome === standing.carries ? null : "AGAINST_MAJORITY";
}
