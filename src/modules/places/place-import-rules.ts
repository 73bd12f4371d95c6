// The rules an imported place row must keep, checked for the whole file against the places already loaded: a GSS code
// of the right form, once in the file; a known kind that an existing place keeps; a parent that exists (in the file or
// already) and sits one level up; and no cycle. Pure: the service loads the places and applies the plan.
import type { CsvTableRow } from "../../kit/csv";
import { PlaceKind } from "./place.entity";

/** A place already loaded, by GSS code. */
export interface KnownPlace {
  id: string;
  code: string;
  kind: PlaceKind;
  name: string;
  parentCode: string | null;
}

/** A row that passed: what to write for it. */
export interface PlaceRow {
  line: number;
  code: string;
  name: string;
  kind: PlaceKind;
  parentCode: string | null;
}

export interface RowProblem {
  line: number;
  /** The column at fault, or null for the row as a whole. */
  column: string | null;
  code: string;
  message: string;
}

export const PLACE_COLUMNS = { required: ["code", "name", "kind"], optional: ["parent"] } as const;
export const MAX_PLACE_NAME = 200;

/** ONS GSS codes: a country letter (E, W, S, N, K, L, M) and eight digits, e.g. E08000012. */
const GSS_CODE = /^[EWSNKLM][0-9]{8}$/;

/**
 * Which kinds a place of each kind may sit inside (null: none, top level). A place sits one level up the ladder
 * combined authority > local authority > ward > neighbourhood, except that a local authority outside any combined
 * authority is top level, and a neighbourhood may sit directly in its local authority where wards are not loaded.
 */
const PARENT_KINDS: Record<PlaceKind, (PlaceKind | null)[]> = {
  [PlaceKind.COMBINED_AUTHORITY]: [null],
  [PlaceKind.LOCAL_AUTHORITY]: [null, PlaceKind.COMBINED_AUTHORITY],
  [PlaceKind.WARD]: [PlaceKind.LOCAL_AUTHORITY],
  [PlaceKind.NEIGHBOURHOOD]: [PlaceKind.WARD, PlaceKind.LOCAL_AUTHORITY],
};

const PARENT_RULE: Record<PlaceKind, string> = {
  [PlaceKind.COMBINED_AUTHORITY]: "A combined authority is top level: leave its parent empty.",
  [PlaceKind.LOCAL_AUTHORITY]: "A local authority's parent is a combined authority, or empty.",
  [PlaceKind.WARD]: "A ward's parent is a local authority.",
  [PlaceKind.NEIGHBOURHOOD]: "A neighbourhood's parent is a ward or a local authority.",
};

/** Checks every row; returns the rows to write only when none has a problem. */
export function checkPlaceRows(rows: CsvTableRow[], known: Map<string, KnownPlace>): { rows: PlaceRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (line: number, column: string | null, code: string, message: string) => problems.push({ line, column, code, message });
  const firstLine = new Map<string, number>();
  const good: PlaceRow[] = [];
  const refused = new Set<string>();

  for (const { line, values } of rows) {
    const before = problems.length;
    const code = values.code.trim();
    const name = values.name.trim();
    const kindText = values.kind.trim().toUpperCase();
    const parentCode = values.parent.trim() || null;
    if (!code) problem(line, "code", "REQUIRED", "Give the place's GSS code.");
    else if (!GSS_CODE.test(code)) problem(line, "code", "INVALID_GSS_CODE", "A GSS code is a capital letter and eight digits, e.g. E08000012.");
    else if (firstLine.has(code)) problem(line, "code", "DUPLICATE_CODE", `The file has this code already, on row ${firstLine.get(code)}.`);
    else firstLine.set(code, line);
    if (!name) problem(line, "name", "REQUIRED", "Give the place's name.");
    else if (name.length > MAX_PLACE_NAME) problem(line, "name", "TOO_LONG", `Keep the name to ${MAX_PLACE_NAME} characters or fewer.`);
    const kind = Object.values(PlaceKind).find((k) => k === kindText);
    if (!kind) problem(line, "kind", "UNKNOWN_KIND", `The kind is one of ${Object.values(PlaceKind).join(", ")}.`);
    const existing = code ? known.get(code) : undefined;
    if (kind && existing && existing.kind !== kind) {
      problem(line, "kind", "KIND_CHANGED", "A place with this code is already loaded as another kind; a place keeps its kind.");
    }
    if (parentCode !== null && !GSS_CODE.test(parentCode)) {
      problem(line, "parent", "INVALID_GSS_CODE", "The parent is a GSS code (a capital letter and eight digits), or empty.");
    }
    if (problems.length === before) good.push({ line, code, name, kind: kind!, parentCode });
    else if (code) refused.add(code);
  }

  // Parents are checked against the file as a whole (a parent may come later in it) and the places already loaded.
  const inFile = new Map(good.map((r) => [r.code, r]));
  const kindOf = (code: string): PlaceKind | undefined => inFile.get(code)?.kind ?? known.get(code)?.kind;
  const parentOf = (code: string): string | null => (inFile.has(code) ? inFile.get(code)!.parentCode : (known.get(code)?.parentCode ?? null));
  const ok: PlaceRow[] = [];
  for (const row of good) {
    const before = problems.length;
    const parentKind = row.parentCode === null ? null : kindOf(row.parentCode);
    if (row.parentCode !== null && refused.has(row.parentCode) && !inFile.has(row.parentCode)) {
      // Its parent's row is refused and reported; this row may be right, and is checked again once that one is fixed.
    } else if (parentKind === undefined) {
      problem(row.line, "parent", "UNKNOWN_PARENT", "No place has the parent's code, in this file or already loaded.");
    } else if (onCycle(row.code, parentOf)) {
      problem(row.line, "parent", "PARENT_CYCLE", "The parents go round in a circle back to this place.");
    } else if (!PARENT_KINDS[row.kind].includes(parentKind)) {
      problem(row.line, "parent", row.parentCode === null ? "PARENT_REQUIRED" : "WRONG_PARENT_LEVEL", PARENT_RULE[row.kind]);
    }
    if (problems.length === before) ok.push(row);
  }
  return { rows: problems.length ? [] : ok, problems };
}

/** Whether following parents from `code` comes back to it. */
function onCycle(code: string, parentOf: (code: string) => string | null): boolean {
  const seen = new Set<string>();
  for (let at = parentOf(code); at !== null; at = parentOf(at)) {
    if (at === code) return true;
    if (seen.has(at)) return false; // a cycle further up, reported on its own rows
    seen.add(at);
  }
  return false;
}

/** Rows in an order that puts every parent before its children (parents already loaded count as placed). */
export function parentsFirst(rows: PlaceRow[]): PlaceRow[][] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const depth = new Map<string, number>();
  const depthOf = (r: PlaceRow): number => {
    let d = depth.get(r.code);
    if (d === undefined) {
      const parent = r.parentCode === null ? undefined : byCode.get(r.parentCode);
      d = parent ? depthOf(parent) + 1 : 0;
      depth.set(r.code, d);
    }
    return d;
  };
  const levels: PlaceRow[][] = [];
  for (const r of rows) (levels[depthOf(r)] ??= []).push(r);
  return levels.filter(Boolean);
}
