// Races need two real connections. Embedded PGlite has one and runs everything in turn, so a race test there would
// pass without racing anything: such tests run on PostgreSQL only, and say so in their name when skipped.
export const racesCanRun = Boolean(process.env.DATABASE_URL);

const skipped = (name: string) => `${name} [skipped: needs PostgreSQL (DATABASE_URL) for two real connections]`;

/** `test` on PostgreSQL; a visibly skipped test on embedded PGlite. */
export function raceTest(name: string, fn: () => Promise<unknown>, timeout?: number): void {
  if (racesCanRun) test(name, fn, timeout);
  else test.skip(skipped(name), fn, timeout);
}
