// The repayment schedule rules: 0% interest, equal monthly instalments of the cash part after the holiday,
// the remainder on the last; arrears derived from the schedule and the cash repaid as of a day.
import { addMonths, arrearsAsOf, daysBetween, instalmentsFor } from "./schedule";

describe("instalments", () => {
  test("the cash part is split into equal monthly instalments over the term after the holiday", () => {
    const plan = instalmentsFor({ startsOn: "2025-01-15", termMonths: 12, holidayMonths: 0, cashPence: 1_200_000 });
    expect(plan).toHaveLength(12);
    expect(plan.every((i) => i.pence === 100_000)).toBe(true);
    expect(plan[0]).toEqual({ number: 1, dueOn: "2025-02-15", pence: 100_000 });
    expect(plan[11]).toEqual({ number: 12, dueOn: "2026-01-15", pence: 100_000 });
  });

  test("a repayment holiday delays the first instalment and shortens the number of instalments within the term", () => {
    const plan = instalmentsFor({ startsOn: "2025-01-15", termMonths: 36, holidayMonths: 6, cashPence: 3_000_000 });
    expect(plan).toHaveLength(30);
    expect(plan[0].dueOn).toBe("2025-08-15");
    expect(plan[29].dueOn).toBe("2028-01-15");
    expect(plan.reduce((s, i) => s + i.pence, 0)).toBe(3_000_000);
  });

  test("pence that do not divide evenly are all paid with the last instalment", () => {
    const plan = instalmentsFor({ startsOn: "2025-03-01", termMonths: 12, holidayMonths: 3, cashPence: 1_000_000 });
    expect(plan).toHaveLength(9);
    expect(plan.slice(0, 8).every((i) => i.pence === 111_111)).toBe(true);
    expect(plan[8].pence).toBe(111_112);
    expect(plan.reduce((s, i) => s + i.pence, 0)).toBe(1_000_000);
  });

  test("a remainder larger than one penny still lands on the last instalment and the total is exact", () => {
    const plan = instalmentsFor({ startsOn: "2025-03-01", termMonths: 7, holidayMonths: 0, cashPence: 100 });
    expect(plan.map((i) => i.pence)).toEqual([14, 14, 14, 14, 14, 14, 16]);
  });

  test("a cash part smaller than the number of instalments gives zero instalments then the remainder", () => {
    const plan = instalmentsFor({ startsOn: "2025-03-01", termMonths: 4, holidayMonths: 0, cashPence: 3 });
    expect(plan.map((i) => i.pence)).toEqual([0, 0, 0, 3]);
  });

  test("an agreement repaid wholly in social value has no cash instalments", () => {
    expect(instalmentsFor({ startsOn: "2025-03-01", termMonths: 24, holidayMonths: 6, cashPence: 0 })).toEqual([]);
  });

  test("instalments from a start on the 31st fall on the last day of shorter months and return to the 31st", () => {
    const plan = instalmentsFor({ startsOn: "2024-01-31", termMonths: 3, holidayMonths: 0, cashPence: 300 });
    expect(plan.map((i) => i.dueOn)).toEqual(["2024-02-29", "2024-03-31", "2024-04-30"]);
  });
});

describe("calendar days", () => {
  test("adding months keeps the day where the month has it and clamps where it does not", () => {
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(addMonths("2025-12-15", 1)).toBe("2026-01-15");
  });

  test("days between two calendar days ignore clock changes", () => {
    // The UK changes its clocks on 30 March 2025: still one calendar day each side.
    expect(daysBetween("2025-03-29", "2025-03-31")).toBe(2);
    expect(daysBetween("2025-10-25", "2025-10-27")).toBe(2);
  });
});

describe("arrears", () => {
  const plan = instalmentsFor({ startsOn: "2025-01-10", termMonths: 6, holidayMonths: 2, cashPence: 400_000 });
  // Due: 10 Apr, 10 May, 10 Jun, 10 Jul 2025, 100,000p each.

  test("nothing is in arrears before the first instalment falls due", () => {
    expect(arrearsAsOf(plan, 0, [], "2025-04-09")).toMatchObject({ duePence: 0, repaidPence: 0, arrearsPence: 0, oldestUnpaidDueOn: null, daysOverdue: 0 });
  });

  test("an instalment is due on its day: unpaid, it is in arrears from then", () => {
    expect(arrearsAsOf(plan, 0, [], "2025-04-10")).toMatchObject({ duePence: 100_000, arrearsPence: 100_000, oldestUnpaidDueOn: "2025-04-10", daysOverdue: 0 });
    expect(arrearsAsOf(plan, 0, [], "2025-05-20")).toMatchObject({ duePence: 200_000, arrearsPence: 200_000, oldestUnpaidDueOn: "2025-04-10", daysOverdue: 40 });
  });

  test("repayments count against the oldest instalments first", () => {
    const paid = [{ on: "2025-04-10", pence: 150_000 }];
    expect(arrearsAsOf(plan, 0, paid, "2025-05-20")).toMatchObject({ arrearsPence: 50_000, oldestUnpaidDueOn: "2025-05-10", daysOverdue: 10 });
  });

  test("repayments made after the day asked about do not count for that day", () => {
    const paid = [{ on: "2025-06-01", pence: 200_000 }];
    expect(arrearsAsOf(plan, 0, paid, "2025-05-20").arrearsPence).toBe(200_000);
    expect(arrearsAsOf(plan, 0, paid, "2025-06-01").arrearsPence).toBe(0);
  });

  test("paying ahead leaves no arrears and never a negative figure", () => {
    expect(arrearsAsOf(plan, 0, [{ on: "2025-02-01", pence: 400_000 }], "2025-07-31"))
      .toMatchObject({ duePence: 400_000, repaidPence: 400_000, arrearsPence: 0, oldestUnpaidDueOn: null });
  });

  test("after a reschedule, cash repaid before it counts as already paid and the new instalments are measured from there", () => {
    // 100,000p was repaid under the first schedule; the remaining 300,000p is rescheduled over 3 months from 1 Sep.
    const next = instalmentsFor({ startsOn: "2025-09-01", termMonths: 3, holidayMonths: 0, cashPence: 300_000 });
    const paid = [{ on: "2025-04-10", pence: 100_000 }];
    expect(arrearsAsOf(next, 100_000, paid, "2025-09-30").arrearsPence).toBe(0);
    expect(arrearsAsOf(next, 100_000, paid, "2025-10-01")).toMatchObject({ duePence: 200_000, repaidPence: 100_000, arrearsPence: 100_000, oldestUnpaidDueOn: "2025-10-01" });
  });
});
