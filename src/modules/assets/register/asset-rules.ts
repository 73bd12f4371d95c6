// The asset register's field rules in one place: limits, and the formats of postcodes, UPRNs and title numbers.
import type { InputChecks } from "../../../kit/input-checks";

export const ASSET_LIMITS = { name: 200, address: 500, publicBodyOwner: 200, conditionNotes: 5000, valuer: 200, floorAreaSqm: 10_000_000 };
/** Far beyond any asset's value, still a safe integer of pence (£10bn). */
export const MAX_VALUE_PENCE = 1_000_000_000_000;

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/;
const UPRN = /^[1-9][0-9]{0,11}$/;
const TITLE_NUMBER = /^[A-Z]{1,3}[0-9]{1,6}$/;

/** A UK postcode as Royal Mail writes it (upper case, one space before the last three characters), or null when blank. */
export function checkPostcode(c: InputChecks, value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const compact = value.replace(/\s+/g, "").toUpperCase();
  if (!compact) return null;
  const postcode = `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  if (!POSTCODE.test(postcode)) c.add("postcode", "INVALID_POSTCODE", "Give a UK postcode, e.g. L8 1XY.");
  return postcode;
}

/** A Unique Property Reference Number: up to 12 digits, no leading zero. */
export function checkUprn(c: InputChecks, value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const uprn = value.trim();
  if (!uprn) return null;
  if (!UPRN.test(uprn)) c.add("uprn", "INVALID_UPRN", "A UPRN is a number of up to 12 digits, e.g. 38012345678.");
  return uprn;
}

/** An HM Land Registry title number: one to three letters and up to six digits, e.g. MS123456. */
export function checkTitleNumber(c: InputChecks, value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const title = value.replace(/\s+/g, "").toUpperCase();
  if (!title) return null;
  if (!TITLE_NUMBER.test(title)) c.add("titleNumber", "INVALID_TITLE_NUMBER", "A title number is one to three letters and up to six digits, e.g. MS123456.");
  return title;
}
