// Calendar days as the network writes them: UK local days (Europe/London), as YYYY-MM-DD strings that no time zone moves,
// and the one place that counts them (months that are shorter, leap years, periods "beginning with" a day).
const londonDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day (YYYY-MM-DD) it is in the UK at `at`: the day people in the network would write down. */
export function londonDate(at: Date = new Date()): string {
  return londonDay.format(at);
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseDay(day: string): Ymd {
  const [y, m, d] = day.split("-").map(Number);
  return { y, m, d };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const format = ({ y, m, d }: Ymd) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** How many days month `m` (1..12) of year `y` has: 29 in February of a leap year. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `day` plus (or minus) whole days, across month and year ends. */
export function addDays(day: string, days: number): string {
  const { y, m, d } = parseDay(day);
  const at = new Date(Date.UTC(y, m - 1, d + days));
  return format({ y: at.getUTCFullYear(), m: at.getUTCMonth() + 1, d: at.getUTCDate() });
}

/** `day` plus whole months; a day the target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const { y, m, d } = parseDay(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format({ y: year, m: month, d: Math.min(d, daysInMonth(year, month)) });
}

/** `day` plus whole years (29 February becomes 28 February in a year that lacks it). */
export function addYears(day: string, years: number): string {
  return addMonths(day, years * 12);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); clock changes never count. */
export function daysBetween(from: string, to: string): number {
  const a = parseDay(from);
  const b = parseDay(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

export type PeriodUnit = "days" | "weeks" | "months" | "years";

/**
 * The last day of a period of `n` units beginning with `start`, as statutes count one ("the period of six weeks
 * beginning with the date on which ..."): `start` is its first day. Days and weeks are counted. A period of months or
 * years ends on the day before the corresponding day of the later month, or on that month's last day when it has no
 * corresponding day: six months beginning with 31 August end on the last day of February (28th, or 29th in a leap
 * year), and five years beginning with 29 February 2024 end on 28 February 2029.
 */
export function lastDayOfPeriod(start: string, n: number, unit: PeriodUnit): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError("a period is at least one whole unit long");
  if (unit === "days") return addDays(start, n - 1);
  if (unit === "weeks") return addDays(start, 7 * n - 1);
  const months = unit === "years" ? 12 * n : n;
  const corresponding = addMonths(start, months);
  const { y, m } = parseDay(corresponding);
  return parseDay(start).d > daysInMonth(y, m) ? corresponding : addDays(corresponding, -1);
}

/** True when `day` falls within `first`..`last`, both counted (either end may be open). */
export function isWithin(day: string, first: string | null, last: string | null): boolean {
  return (first === null || day >= first) && (last === null || day <= last);
}
