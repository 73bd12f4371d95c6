// How PostgreSQL values arrive in JavaScript: bigint pence as numbers, calendar days as plain strings.
import { types } from "pg";

const INT8 = 20;
const DATE = 1082;

/** Pence and counts are bigint in the database; they fit safely in a JS number long before money runs out. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError("bigint value exceeds the safe integer range");
  return n;
}

let installed = false;
export function installPgTypeParsers(): void {
  if (installed) return;
  types.setTypeParser(INT8, parseInt8);
  // A DATE is a calendar day, not an instant: never let it shift through a time zone.
  types.setTypeParser(DATE, (v: string) => v);
  installed = true;
}
