// Impact figures are kept by quarter: a measurement counts in the quarter its period ends in, and a range of days asks
// for every quarter it touches. Whole quarters are what keeps suppressed cells whole under any range.
const pad = (n: number) => String(n).padStart(2, "0");

/** The first day of the quarter `day` is in. */
export function quarterStart(day: string): string {
  const [y, m] = day.split("-").map(Number);
  return `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`;
}

/** The last day of the quarter `day` is in. */
export function quarterEnd(day: string): string {
  const [y, m] = day.split("-").map(Number);
  const last = Math.floor((m - 1) / 3) * 3 + 3;
  return `${y}-${pad(last)}-${last === 6 || last === 9 ? "30" : "31"}`;
}
