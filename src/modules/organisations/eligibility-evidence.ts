// What each STO test rests on in the register, and which recorded facts contradict a "yes": the rule behind
// refusing an ELIGIBLE assessment that the record does not bear out (unless the assessor records an override).
import { LegalForm, STATUTORY_ASSET_LOCK, StoTest, SurplusDestination } from "./organisation.enums";

/** The register's facts the tests rest on; null where the register does not hold them (nothing to contradict). */
export interface RecordFacts {
  legalForm: LegalForm;
  assetLockDeclared: boolean;
  tradingIncomePercent: number | null;
  boardSize: number | null;
  communityBoardMembers: number | null;
  surplusDestination: SurplusDestination | null;
}

/** One version of the network's thresholds (eligibility_thresholds), as the rule reads it. */
export interface Thresholds {
  minTradingIncomePercent: number;
  minCommunityBoardPercent: number;
  assetLockRequired: boolean;
}

export interface Answers {
  tradesForSocialPurpose: boolean;
  communityLed: boolean;
  keepsSurplusInRegion: boolean;
  notGrantOnlyCharity: boolean;
  doesNotExportProfit: boolean;
}

/** Kept on each assessment: the facts as they stood and, per test, the recorded fact that contradicted a "yes". */
export interface AssessmentEvidence {
  facts: RecordFacts & { assetLocked: boolean };
  contradicted: Partial<Record<StoTest, string>>;
}

/** The tests in the order people read them, with the input field that answers each and the evidence it rests on. */
export const STO_TESTS: { test: StoTest; answer: keyof Answers; restsOn: string }[] = [
  { test: StoTest.TRADES_FOR_SOCIAL_PURPOSE, answer: "tradesForSocialPurpose", restsOn: "Trading share of income, against the network's minimum." },
  { test: StoTest.COMMUNITY_LED, answer: "communityLed", restsOn: "Governance: community members' share of the board, against the network's minimum." },
  { test: StoTest.KEEPS_SURPLUS_IN_REGION, answer: "keepsSurplusInRegion", restsOn: "Asset lock (by law or in the rules, where the network requires one) and where surplus goes." },
  { test: StoTest.NOT_GRANT_ONLY_CHARITY, answer: "notGrantOnlyCharity", restsOn: "Trading share of income: a grant-only charity has none." },
  { test: StoTest.DOES_NOT_EXPORT_PROFIT, answer: "doesNotExportProfit", restsOn: "Where surplus goes: it must stay in the places the organisation serves." },
];

export const assetLocked = (f: Pick<RecordFacts, "legalForm" | "assetLockDeclared">) => STATUTORY_ASSET_LOCK.has(f.legalForm) || f.assetLockDeclared;

/**
 * For each test, the fact of the register that contradicts answering it "yes" under `t`, as a sentence naming the fact
 * (never its value, so a refusal does not echo the record back). Facts the register does not hold contradict nothing.
 */
export function contradictions(f: RecordFacts, t: Thresholds): Partial<Record<StoTest, string>> {
  const found: Partial<Record<StoTest, string>> = {};
  if (f.tradingIncomePercent !== null && f.tradingIncomePercent < t.minTradingIncomePercent) {
    found[StoTest.TRADES_FOR_SOCIAL_PURPOSE] = "The register records a trading share of income below the network's minimum.";
  }
  if (f.tradingIncomePercent === 0) found[StoTest.NOT_GRANT_ONLY_CHARITY] = "The register records no income from trading.";
  if (f.communityBoardMembers === 0) {
    found[StoTest.COMMUNITY_LED] = "The register records no community members on the board.";
  } else if (f.boardSize !== null && f.communityBoardMembers !== null && f.communityBoardMembers * 100 < t.minCommunityBoardPercent * f.boardSize) {
    found[StoTest.COMMUNITY_LED] = "The register records a community share of the board below the network's minimum.";
  }
  if (f.surplusDestination === SurplusDestination.OUTSIDE_REGION) {
    found[StoTest.KEEPS_SURPLUS_IN_REGION] = "The register records that surplus goes outside the region.";
  } else if (t.assetLockRequired && !assetLocked(f)) {
    found[StoTest.KEEPS_SURPLUS_IN_REGION] = "The register records no asset lock, by law or in the organisation's rules.";
  }
  if (f.surplusDestination === SurplusDestination.OUTSIDE_REGION || f.surplusDestination === SurplusDestination.ELSEWHERE_IN_REGION) {
    found[StoTest.DOES_NOT_EXPORT_PROFIT] = "The register records that surplus leaves the places the organisation serves.";
  }
  return found;
}

/** The contradictions that matter to these answers: only a "yes" can be contradicted. */
export function evidenceFor(f: RecordFacts, t: Thresholds, a: Answers): AssessmentEvidence {
  const all = contradictions(f, t);
  const contradicted = Object.fromEntries(STO_TESTS.filter((x) => a[x.answer] && all[x.test]).map((x) => [x.test, all[x.test]]));
  return {
    facts: {
      legalForm: f.legalForm, assetLockDeclared: f.assetLockDeclared, assetLocked: assetLocked(f), tradingIncomePercent: f.tradingIncomePercent,
      boardSize: f.boardSize, communityBoardMembers: f.communityBoardMembers, surplusDestination: f.surplusDestination,
    },
    contradicted,
  };
}
