// The decision rule on its own: tally, quorum, and what each majority rule carries.
import { ConflictOfInterest, DecisionOutcome, MajorityRule, PanelStance } from "../funds.enums";
import { departureOf, standingOf, tallyOf } from "./decision-rule";

const S = PanelStance;
const views = (...stances: PanelStance[]) => stances.map((stance) => ({ stance, conflict: null }));
const simple = { quorum: 3, majorityRule: MajorityRule.SIMPLE_MAJORITY };
const twoThirds = { quorum: 3, majorityRule: MajorityRule.TWO_THIRDS };

test("conflicted views are excluded from the tally with their reason; abstentions count towards quorum only", () => {
  const tally = tallyOf([...views(S.SUPPORT, S.SUPPORT_WITH_CHANGES, S.DO_NOT_SUPPORT, S.ABSTAIN), { stance: S.SUPPORT, conflict: ConflictOfInterest.DECLARED }]);
  expect(tally).toEqual({ for: 2, against: 1, abstain: 1, excludedFor: ["DECLARED"] });
  expect(standingOf(tally, simple)).toMatchObject({ counted: 4, quorumMet: true, carries: "OFFER" });
});

test("a lone view never reaches a quorum of three", () => {
  const standing = standingOf(tallyOf(views(S.SUPPORT)), simple);
  expect(standing.quorumMet).toBe(false);
  expect(departureOf(DecisionOutcome.OFFER, standing)).toBe("NO_QUORUM");
  expect(departureOf(DecisionOutcome.DECLINE, standing)).toBe("NO_QUORUM");
});

test("a tie carries no offer; a decision against what the majority carries departs from the panel", () => {
  const tie = standingOf(tallyOf(views(S.SUPPORT, S.DO_NOT_SUPPORT, S.ABSTAIN)), simple);
  expect(tie.carries).toBe("DECLINE");
  expect(departureOf(DecisionOutcome.OFFER, tie)).toBe("AGAINST_MAJORITY");
  expect(departureOf(DecisionOutcome.DECLINE, tie)).toBeNull();
});

test("two thirds needs at least two of every three views cast for", () => {
  expect(standingOf(tallyOf(views(S.SUPPORT, S.SUPPORT, S.DO_NOT_SUPPORT)), twoThirds).carries).toBe("OFFER");
  expect(standingOf(tallyOf(views(S.SUPPORT, S.SUPPORT, S.SUPPORT, S.DO_NOT_SUPPORT, S.DO_NOT_SUPPORT)), twoThirds).carries).toBe("DECLINE");
  expect(standingOf(tallyOf(views(S.ABSTAIN, S.ABSTAIN, S.ABSTAIN)), twoThirds)).toMatchObject({ quorumMet: true, carries: "DECLINE" });
});
