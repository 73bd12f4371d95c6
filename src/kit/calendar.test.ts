// UK calendar-day arithmetic: month ends, leap years, and periods "beginning with" a day as statutes count them.
import { addDays, addMonths, addYears, daysBetween, daysInMonth, isWithin, lastDayOfPeriod, londonDate } from "./calendar";

test("the UK day of an instant follows London time, not UTC", () => {
  // 23:30 UTC on 30 June 2026 is already 1 July in London (BST); in winter the two agree.
  expect(londonDate(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
  expect(londonDate(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
});

test("days are added across month, year and leap-day boundaries", () => {
  expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
  expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
  expect(daysInMonth(2024, 2)).toBe(29);
  expect(daysInMonth(2100, 2)).toBe(28);
  expect(daysInMonth(2000, 2)).toBe(29);
});

test("months and years keep the day where the month has it and clamp where it does not", () => {
  expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
  expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
  expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
  expect(addMonths("2025-12-15", 1)).toBe("2026-01-15");
  expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
  expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
});

test("days between two calendar days ignore clock changes", () => {
  expect(daysBetween("2025-03-29", "2025-03-31")).toBe(2);
  expect(daysBetween("2025-10-25", "2025-10-27")).toBe(2);
  expect(daysBetween("2025-10-27", "2025-10-25")).toBe(-2);
});

describe("periods beginning with a day", () => {
  test("six weeks beginning with a day end 41 days later", () => {
    expect(lastDayOfPeriod("2026-01-01", 6, "weeks")).toBe("2026-02-11");
    // Across the end of a leap February, and a common one.
    expect(lastDayOfPeriod("2028-02-01", 6, "weeks")).toBe("2028-03-13");
    expect(lastDayOfPeriod("2027-02-01", 6, "weeks")).toBe("2027-03-14");
    expect(lastDayOfPeriod("2026-11-25", 6, "weeks")).toBe("2027-01-05");
  });

  test("months end the day before the corresponding day", () => {
    expect(lastDayOfPeriod("2026-01-01", 6, "months")).toBe("2026-06-30");
    expect(lastDayOfPeriod("2026-03-15", 18, "months")).toBe("2027-09-14");
    expect(lastDayOfPeriod("2026-03-01", 1, "months")).toBe("2026-03-31");
  });

  test("where the later month has no corresponding day, the period ends on its last day", () => {
    expect(lastDayOfPeriod("2026-08-31", 6, "months")).toBe("2027-02-28");
    expect(lastDayOfPeriod("2027-08-31", 6, "months")).toBe("2028-02-29");
    expect(lastDayOfPeriod("2026-08-30", 6, "months")).toBe("2027-02-28");
    expect(lastDayOfPeriod("2026-08-29", 6, "months")).toBe("2027-02-28");
    expect(lastDayOfPeriod("2026-08-28", 6, "months")).toBe("2027-02-27");
    expect(lastDayOfPeriod("2026-05-31", 1, "months")).toBe("2026-06-30");
  });

  test("five years beginning with 29 February end on 28 February, and with 28 February on the 27th", () => {
    expect(lastDayOfPeriod("2024-02-29", 5, "years")).toBe("2029-02-28");
    expect(lastDayOfPeriod("2024-02-28", 5, "years")).toBe("2029-02-27");
    expect(lastDayOfPeriod("2023-03-01", 5, "years")).toBe("2028-02-29");
    expect(lastDayOfPeriod("2026-12-01", 5, "years")).toBe("2031-11-30");
  });

  test("a period is at least one whole unit", () => {
    expect(lastDayOfPeriod("2026-01-01", 1, "days")).toBe("2026-01-01");
    expect(() => lastDayOfPeriod("2026-01-01", 0, "days")).toThrow(RangeError);
  });
});

test("a day is within a range with both ends counted, and open ends are unbounded", () => {
  expect(isWithin("2026-01-01", "2026-01-01", "2026-01-31")).toBe(true);
  expect(isWithin("2026-01-31", "2026-01-01", "2026-01-31")).toBe(true);
  expect(isWithin("2026-02-01", "2026-01-01", "2026-01-31")).toBe(false);
  expect(isWithin("1999-01-01", null, "2026-01-31")).toBe(true);
  expect(isWithin("2099-01-01", "2026-01-01", null)).toBe(true);
});
