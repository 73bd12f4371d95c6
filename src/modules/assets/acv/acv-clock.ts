// The Assets of Community Value clock (Localism Act 2011, Part 5 Chapter 3, and the 2012 Regulations), as pure
// functions of UK calendar days: every date the server shows, the listing's state on any day, and what the law refuses.
import { lastDayOfPeriod } from "../../../kit/calendar";
import { AcvListingStatus, AcvState } from "../assets.enums";

/** The periods, each "beginning with" its first day. */
export const ACV_PERIODS = {
  listing: { n: 5, unit: "years" },
  interimMoratorium: { n: 6, unit: "weeks" },
  fullMoratorium: { n: 6, unit: "months" },
  protectedPeriod: { n: 18, unit: "months" },
} as const;

export interface ListingFacts {
  status: AcvListingStatus;
  nominatedOn: string;
  decidedOn: string | null;
  listedOn: string | null;
  expiresOn: string | null;
}

export interface NoticeFacts {
  noticeOn: string;
  interimEndsOn: string;
  fullEndsOn: string | null;
  protectedUntil: string;
}

/** The last day an asset listed on `listedOn` stays listed. */
export const listingExpiresOn = (listedOn: string) => lastDayOfPeriod(listedOn, ACV_PERIODS.listing.n, ACV_PERIODS.listing.unit);

/** The interim moratorium and protected period an owner's notice starts (the full moratorium needs an intent to bid). */
export function noticeDates(noticeOn: string): Pick<NoticeFacts, "interimEndsOn" | "protectedUntil"> {
  return {
    interimEndsOn: lastDayOfPeriod(noticeOn, ACV_PERIODS.interimMoratorium.n, ACV_PERIODS.interimMoratorium.unit),
    protectedUntil: lastDayOfPeriod(noticeOn, ACV_PERIODS.protectedPeriod.n, ACV_PERIODS.protectedPeriod.unit),
  };
}

/** The last day of the full moratorium an intent to bid in the interim turns a notice's moratorium into. */
export const fullMoratoriumEndsOn = (noticeOn: string) =>
  lastDayOfPeriod(noticeOn, ACV_PERIODS.fullMoratorium.n, ACV_PERIODS.fullMoratorium.unit);

/** The last day the owner may not dispose (but to a bidding community group): the full moratorium's, or the interim's. */
export const moratoriumEndsOn = (n: NoticeFacts) => n.fullEndsOn ?? n.interimEndsOn;

/** The notice whose clock runs on `day`: the latest given on or before it. */
export function noticeInForce<N extends NoticeFacts>(notices: readonly N[], day: string): N | null {
  let found: N | null = null;
  for (const n of notices) if (n.noticeOn <= day && (!found || n.noticeOn > found.noticeOn)) found = n;
  return found;
}

/** Where the listing stands on `day`. */
export function acvStateOn(listing: ListingFacts, notices: readonly NoticeFacts[], day: string): AcvState {
  const nominated = day >= listing.nominatedOn ? AcvState.NOMINATED : AcvState.NOT_LISTED;
  if (listing.status === AcvListingStatus.NOMINATED) return nominated;
  if (listing.status === AcvListingStatus.NOT_LISTED) return listing.decidedOn && day < listing.decidedOn ? nominated : AcvState.NOT_LISTED;
  if (day < listing.listedOn!) return nominated;
  if (day > listing.expiresOn!) return AcvState.EXPIRED;
  const notice = noticeInForce(notices, day);
  if (!notice || day > notice.protectedUntil) return AcvState.LISTED;
  if (day <= notice.interimEndsOn) return AcvState.INTERIM_MORATORIUM;
  if (notice.fullEndsOn && day <= notice.fullEndsOn) return AcvState.FULL_MORATORIUM;
  return AcvState.PROTECTED_PERIOD;
}

/** States in which the asset is on the list. */
export const LISTED_STATES: readonly AcvState[] = [
  AcvState.LISTED, AcvState.INTERIM_MORATORIUM, AcvState.FULL_MORATORIUM, AcvState.PROTECTED_PERIOD,
];

export interface ClockRefusal {
  code: string;
  message: string;
}

/**
 * Why an owner's notice given on `noticeOn` cannot start a moratorium, or null when it can: the asset must be listed
 * that day, and the notice's own clock may not overlap the protected period of another (inside one, the owner may
 * already dispose without a new moratorium).
 */
export function noticeProblem(listing: ListingFacts, notices: readonly NoticeFacts[], noticeOn: string): ClockRefusal | null {
  const state = acvStateOn(listing, notices, noticeOn);
  if (!LISTED_STATES.includes(state)) {
    return { code: "NOT_LISTED", message: "A notice of intended disposal applies only to a listed asset, and this one is not listed on that day." };
  }
  const { protectedUntil } = noticeDates(noticeOn);
  const overlapping = notices.find((n) => n.noticeOn <= protectedUntil && n.protectedUntil >= noticeOn);
  if (overlapping) {
    return {
      code: "IN_PROTECTED_PERIOD",
      message: `That day falls within the protected period of the notice given on ${overlapping.noticeOn}, which runs until ${overlapping.protectedUntil}: no second moratorium starts inside it, and after its moratorium the owner may dispose without one.`,
    };
  }
  return null;
}

/** Why an intent to bid made on `requestedOn` does not count against `notice`, or null when it does. */
export function intentProblem(notice: NoticeFacts, requestedOn: string): ClockRefusal | null {
  if (requestedOn < notice.noticeOn || requestedOn > notice.interimEndsOn) {
    return {
      code: "OUTSIDE_INTERIM_MORATORIUM",
      message: `An intent to bid counts only when made in the interim moratorium, from ${notice.noticeOn} to ${notice.interimEndsOn}.`,
    };
  }
  return null;
}

/**
 * Why a relevant (not exempt) disposal on `disposedOn` is not allowed, or null when it is: only once a notice's
 * moratorium is over and its protected period runs, or during the moratorium to a community group that registered
 * intent to bid against that notice.
 */
export function disposalProblem(
  listing: ListingFacts, notices: readonly NoticeFacts[], disposedOn: string, buyerIsBidder: (notice: NoticeFacts) => boolean,
): ClockRefusal | null {
  const state = acvStateOn(listing, notices, disposedOn);
  if (!LISTED_STATES.includes(state)) {
    return { code: "NOT_LISTED", message: "This asset is not listed on that day: record the disposal only for a listed asset." };
  }
  if (state === AcvState.LISTED) {
    return { code: "NOTICE_REQUIRED", message: "The owner must notify the council of an intended disposal first, and wait out the moratorium." };
  }
  const notice = noticeInForce(notices, disposedOn)!;
  if (state !== AcvState.PROTECTED_PERIOD && !buyerIsBidder(notice)) {
    return {
      code: "MORATORIUM_IN_FORCE",
      message: `The moratorium runs until ${moratoriumEndsOn(notice)}: until then the owner may sell only to a community group that registered intent to bid (or make an exempt disposal).`,
    };
  }
  return null;
}
