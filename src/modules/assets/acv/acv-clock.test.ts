// The Assets of Community Value clock as pure day arithmetic: every date and state on the day before, of and after each
// deadline, across month ends and leap years. acv.test.ts drives the same clock through the service on PostgreSQL.
import { AcvListingStatus, AcvState } from "../assets.enums";
import {
  acvStateOn, disposalProblem, fullMoratoriumEndsOn, intentProblem, ListingFacts, listingExpiresOn, NoticeFacts, noticeDates, noticeProblem,
} from "./acv-clock";

const listed = (listedOn: string, nominatedOn = listedOn): ListingFacts =>
  ({ status: AcvListingStatus.LISTED, nominatedOn, decidedOn: listedOn, listedOn, expiresOn: listingExpiresOn(listedOn) });

const notice = (noticeOn: string, intent = false): NoticeFacts =>
  ({ noticeOn, ...noticeDates(noticeOn), fullEndsOn: intent ? fullMoratoriumEndsOn(noticeOn) : null });

/** The state on each day given. */
const states = (l: ListingFacts, notices: NoticeFacts[], days: string[]) => days.map((d) => acvStateOn(l, notices, d));

describe("the listing's five years", () => {
  test("run from the day of listing to the day before its fifth anniversary", () => {
    const l = listed("2026-03-10", "2026-01-20");
    expect(l.expiresOn).toBe("2031-03-09");
    expect(states(l, [], ["2026-01-19", "2026-01-20", "2026-03-09", "2026-03-10", "2031-03-09", "2031-03-10"])).toEqual([
      AcvState.NOT_LISTED, AcvState.NOMINATED, AcvState.NOMINATED, AcvState.LISTED, AcvState.LISTED, AcvState.EXPIRED,
    ]);
  });

  test("listed on 29 February, the listing's last day is 28 February five years on", () => {
    const l = listed("2024-02-29");
    expect(l.expiresOn).toBe("2029-02-28");
    expect(states(l, [], ["2029-02-27", "2029-02-28", "2029-03-01"])).toEqual([AcvState.LISTED, AcvState.LISTED, AcvState.EXPIRED]);
  });

  test("listed on 1 March the year before a leap year, it runs to 29 February", () => {
    expect(listingExpiresOn("2023-03-01")).toBe("2028-02-29");
    expect(listingExpiresOn("2023-02-28")).toBe("2028-02-27");
  });

  test("a nomination not listed is NOMINATED until the decision and NOT_LISTED from then", () => {
    const l: ListingFacts = { status: AcvListingStatus.NOT_LISTED, nominatedOn: "2026-01-05", decidedOn: "2026-02-27", listedOn: null, expiresOn: null };
    expect(states(l, [], ["2026-01-04", "2026-01-05", "2026-02-26", "2026-02-27"])).toEqual([
      AcvState.NOT_LISTED, AcvState.NOMINATED, AcvState.NOMINATED, AcvState.NOT_LISTED,
    ]);
    const pending: ListingFacts = { ...l, status: AcvListingStatus.NOMINATED, decidedOn: null };
    expect(states(pending, [], ["2026-01-04", "2026-01-05", "2030-01-01"])).toEqual([AcvState.NOT_LISTED, AcvState.NOMINATED, AcvState.NOMINATED]);
  });
});

describe("a notice of disposal on the last day of August", () => {
  const l = listed("2025-01-15");
  const withIntent = [notice("2026-08-31", true)];
  const withoutIntent = [notice("2026-08-31")];

  test("the dates: interim six weeks, full six months to the end of February, protected 18 months to a leap 29 February", () => {
    expect(withIntent[0]).toEqual({ noticeOn: "2026-08-31", interimEndsOn: "2026-10-11", fullEndsOn: "2027-02-28", protectedUntil: "2028-02-29" });
  });

  test("with an intent to bid: interim, then full moratorium, then the protected period, then listed again", () => {
    expect(states(l, withIntent, [
      "2026-08-30", "2026-08-31", "2026-10-11", "2026-10-12", "2027-02-27", "2027-02-28", "2027-03-01", "2028-02-28", "2028-02-29", "2028-03-01",
    ])).toEqual([
      AcvState.LISTED, AcvState.INTERIM_MORATORIUM, AcvState.INTERIM_MORATORIUM, AcvState.FULL_MORATORIUM, AcvState.FULL_MORATORIUM,
      AcvState.FULL_MORATORIUM, AcvState.PROTECTED_PERIOD, AcvState.PROTECTED_PERIOD, AcvState.PROTECTED_PERIOD, AcvState.LISTED,
    ]);
  });

  test("without one, the protected period follows the interim moratorium at once", () => {
    expect(states(l, withoutIntent, ["2026-10-11", "2026-10-12"])).toEqual([AcvState.INTERIM_MORATORIUM, AcvState.PROTECTED_PERIOD]);
  });

  test("in a leap year the full moratorium ends on 29 February", () => {
    expect(notice("2027-08-31", true).fullEndsOn).toBe("2028-02-29");
    expect(notice("2027-08-29", true).fullEndsOn).toBe("2028-02-28");
  });
});

describe("what the clock refuses", () => {
  const l = listed("2025-01-15");
  const first = notice("2026-08-31");

  test("an intent to bid counts from the notice's day to the interim moratorium's last day", () => {
    expect(intentProblem(first, "2026-08-30")?.code).toBe("OUTSIDE_INTERIM_MORATORIUM");
    expect(intentProblem(first, "2026-08-31")).toBeNull();
    expect(intentProblem(first, "2026-10-11")).toBeNull();
    expect(intentProblem(first, "2026-10-12")?.code).toBe("OUTSIDE_INTERIM_MORATORIUM");
  });

  test("a second notice inside the protected period starts no moratorium; the day after it ends, one does", () => {
    expect(noticeProblem(l, [first], "2026-09-15")?.code).toBe("IN_PROTECTED_PERIOD");
    expect(noticeProblem(l, [first], "2028-02-29")?.code).toBe("IN_PROTECTED_PERIOD");
    expect(noticeProblem(l, [first], "2028-03-01")).toBeNull();
    // A notice dated before the first would run into its protected period too.
    expect(noticeProblem(l, [first], "2026-06-01")?.code).toBe("IN_PROTECTED_PERIOD");
  });

  test("a notice needs a listed asset on its day: not before the listing, not after its last day", () => {
    expect(noticeProblem(l, [], "2025-01-14")?.code).toBe("NOT_LISTED");
    expect(noticeProblem(l, [], "2025-01-15")).toBeNull();
    expect(noticeProblem(l, [], "2030-01-14")).toBeNull();
    expect(noticeProblem(l, [], "2030-01-15")?.code).toBe("NOT_LISTED");
    const nominated: ListingFacts = { ...l, status: AcvListingStatus.NOMINATED, decidedOn: null, listedOn: null, expiresOn: null };
    expect(noticeProblem(nominated, [], "2026-01-01")?.code).toBe("NOT_LISTED");
  });

  test("a relevant disposal waits for the moratorium's end unless the buyer bid; without a notice it is refused", () => {
    const bidder = () => true;
    const stranger = () => false;
    expect(disposalProblem(l, [], "2026-01-01", stranger)?.code).toBe("NOTICE_REQUIRED");
    expect(disposalProblem(l, [first], "2026-10-11", stranger)?.code).toBe("MORATORIUM_IN_FORCE");
    expect(disposalProblem(l, [first], "2026-10-11", bidder)).toBeNull();
    expect(disposalProblem(l, [first], "2026-10-12", stranger)).toBeNull();
    expect(disposalProblem(l, [first], "2028-03-01", stranger)?.code).toBe("NOTICE_REQUIRED");
    expect(disposalProblem(l, [first], "2030-01-15", stranger)?.code).toBe("NOT_LISTED");
  });
});
