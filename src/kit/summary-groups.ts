// What dashboard summaries (impactSummary, fundingSummary) share so a client reads both the same way: the period a
// summary may cover, the SQL key of a YEAR or QUARTER group, and how a group's keys become its year and quarter fields
// and its place in the order groups are listed.

/** Years a dashboard may ask for at once: ten years of quarters is already 40 groups a place. */
const MAX_SPAN_DAYS = 366 * 10;

/** What is wrong with a summary's period, as a sentence for BAD_USER_INPUT (never echoing the days), or null. */
export function periodProblem(from: string, to: string): string | null {
  if (to < from) return "The period must end on or after the day it starts.";
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_SPAN_DAYS) return "Ask for at most ten years at once.";
  return null;
}

/**
 * A period dimension's key as text, over a SQL date expression: YEAR is the year ("2024"), QUARTER the quarter's first
 * day ("2024-04-01"). Null for any other dimension.
 */
export function periodKeySql(dimension: string, day: string): string | null {
  if (dimension === "YEAR") return `extract(year FROM ${day})::int::text`;
  if (dimension === "QUARTER") return `date_trunc('quarter', ${day})::date::text`;
  return null;
}

/** A group's year and quarter (1 to 4) from its keys by dimension; null where the summary was not grouped by them. */
export function periodOfKeys(keys: Record<string, string | null>): { year: number | null; quarter: number | null } {
  const quarter = keys.QUARTER ?? null;
  return {
    year: quarter ? Number(quarter.slice(0, 4)) : keys.YEAR ? Number(keys.YEAR) : null,
    quarter: quarter ? Math.floor((Number(quarter.slice(5, 7)) - 1) / 3) + 1 : null,
  };
}

/** Groups in key order, dimension by dimension as asked; a missing key (no registered place) last. */
export function compareGroupKeys(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === null) return 1;
    if (b[i] === null) return -1;
    return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}
