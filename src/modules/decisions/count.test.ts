// The counting rules: which pitches a pot funds, and when a ballot's thresholds are met.
import { allocatePot, ballotVerdict, turnoutPercent } from "./count";

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n));

describe("a participatory budget funds the most-voted pitches that fit the pot", () => {
  test("in order of votes, skipping one that no longer fits for smaller ones below it", () => {
    const r = allocatePot([
      { id: "a", amountPence: 500_000, votes: 90, createdAt: at(1) },
      { id: "b", amountPence: 800_000, votes: 80, createdAt: at(2) },
      { id: "c", amountPence: 300_000, votes: 70, createdAt: at(3) },
      { id: "d", amountPence: 200_000, votes: 10, createdAt: at(4) },
    ], 1_000_000);
    expect([...r.funded].sort()).toEqual(["a", "c", "d"]);
    expect(r.allocatedPence).toBe(1_000_000);
  });

  test("ties go to the smaller ask, then the earlier pitch; a pitch without votes is never funded", () => {
    const r = allocatePot([
      { id: "late", amountPence: 400_000, votes: 5, createdAt: at(9) },
      { id: "big", amountPence: 600_000, votes: 5, createdAt: at(1) },
      { id: "early", amountPence: 400_000, votes: 5, createdAt: at(2) },
      { id: "none", amountPence: 1, votes: 0, createdAt: at(0) },
    ], 800_000);
    expect(r.ranked.map((p) => p.id)).toEqual(["early", "late", "big", "none"]);
    expect([...r.funded]).toEqual(["early", "late"]);
  });
});

describe("a ballot is approved only when turnout and approval both reach their thresholds", () => {
  test("exactly on both thresholds is enough", () => {
    expect(ballotVerdict({ electorate: 200, yes: 60, no: 40, minTurnoutPercent: 50, approvalPercent: 60 }))
      .toEqual({ turnoutMet: true, approvalMet: true, approved: true });
  });

  test("one vote short of turnout rejects even a unanimous YES", () => {
    expect(ballotVerdict({ electorate: 200, yes: 99, no: 0, minTurnoutPercent: 50, approvalPercent: 50 }))
      .toEqual({ turnoutMet: false, approvalMet: true, approved: false });
  });

  test("a YES share just under the threshold rejects", () => {
    expect(ballotVerdict({ electorate: 3, yes: 2, no: 1, minTurnoutPercent: 0, approvalPercent: 67 }).approved).toBe(false);
    expect(ballotVerdict({ electorate: 3, yes: 2, no: 1, minTurnoutPercent: 0, approvalPercent: 66 }).approved).toBe(true);
  });

  test("no votes approve nothing, whatever the thresholds", () => {
    expect(ballotVerdict({ electorate: 0, yes: 0, no: 0, minTurnoutPercent: 0, approvalPercent: 1 }).approved).toBe(false);
  });

  test("turnout is shown to one decimal place", () => {
    expect(turnoutPercent(2, 3)).toBe(66.7);
    expect(turnoutPercent(0, 0)).toBe(0);
  });
});
