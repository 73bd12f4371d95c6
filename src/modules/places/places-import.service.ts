// Loading places from CSV (ADMIN, the importPlaces mutation and `npm run places:import`): all or nothing, every bad
// row reported on its line. A row whose code is already loaded updates that place's name and parent (so a corrected
// file can be loaded again, and unchanged rows change nothing); its kind never changes.
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { audit } from "../../audit/audit";
import { isAdmin, type Actor } from "../../auth/viewer";
import { inTransaction } from "../../db/transaction";
import { readCsvTable } from "../../kit/csv";
import { notAllowed, refusal, Refusal, refuseAll, Result } from "../../kit/refusals";
import { Place } from "./place.entity";
import { checkPlaceRows, KnownPlace, parentsFirst, PLACE_COLUMNS, PlaceRow } from "./place-import-rules";

/** A file of every ward and neighbourhood of a large combined authority fits; a country's needs splitting. */
export const MAX_IMPORT_ROWS = 5000;
/** Under the HTTP body limit (256 KiB by default), so the mutation refuses a large file itself, with a user error. */
export const MAX_IMPORT_BYTES = 200_000;

export type PlacesImportResult = Result<{ created: Place[]; updated: Place[]; unchangedCount: number }>;

const adminOnly = notAllowed("Only ADMIN loads places.");
/** One import at a time: two files naming each other's places could otherwise both pass and make a cycle. */
const IMPORT_LOCK = "SELECT pg_advisory_xact_lock(hashtext('kith.places.import'))";

export class PlacesImportService {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** `csv` is the file's bytes (checked as UTF-8) or text. `demo` marks the places as the demo data set's. */
  async importCsv(actor: Actor, csv: string | Uint8Array, o: { demo?: boolean } = {}): Promise<PlacesImportResult> {
    if (!isAdmin(actor.viewer)) return { errors: [adminOnly] };
    const size = typeof csv === "string" ? Buffer.byteLength(csv, "utf8") : csv.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      return { errors: [refusal("csv", "CSV_TOO_LARGE", `Load at most ${MAX_IMPORT_BYTES.toLocaleString("en-GB")} bytes at once; split the file.`)] };
    }
    const table = readCsvTable(csv, { ...PLACE_COLUMNS, maxRows: MAX_IMPORT_ROWS });
    const fileErrors = table.problems.map((p) => rowError(p.line, p.column ?? null, p.code, sentence(p.message)));
    return inTransaction(this.db, async (m) => {
      await m.query(IMPORT_LOCK);
      const known = await knownPlaces(m);
      const checked = checkPlaceRows(table.rows, known);
      const errors = [...fileErrors, ...checked.problems.map((p) => rowError(p.line, p.column, p.code, p.message))];
      if (errors.length) refuseAll(sortByRow(errors));
      return write(m, actor, checked.rows, known, o.demo ?? false);
    });
  }
}

async function knownPlaces(m: EntityManager): Promise<Map<string, KnownPlace>> {
  // Every place, with its parent's code: cycles are looked for through places the file does not name. Reference
  // geography stays in the thousands, and the import lock keeps it still while the file is checked and written.
  const rows: KnownPlace[] = await m.query(
    `SELECT p.id, p.code, p.kind, p.name, pp.code AS "parentCode" FROM place p LEFT JOIN place pp ON pp.id = p.parent_id`,
  );
  return new Map(rows.map((r) => [r.code, r]));
}

async function write(m: EntityManager, actor: Actor, rows: PlaceRow[], known: Map<string, KnownPlace>, demo: boolean) {
  const fresh = rows.filter((r) => !known.has(r.code));
  const changed = rows.filter((r) => {
    const k = known.get(r.code);
    return k && (k.name !== r.name || k.parentCode !== r.parentCode);
  });
  // New places level by level, so each parent is in the table before its children look it up by code.
  for (const level of parentsFirst(fresh)) {
    await m.query(
      `INSERT INTO place (kind, code, name, parent_id, demo)
       SELECT r.kind, r.code, r.name, parent.id, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS r(kind, code, name, parent_code)
       LEFT JOIN place parent ON parent.code = r.parent_code`,
      [level.map((r) => r.kind), level.map((r) => r.code), level.map((r) => r.name), level.map((r) => r.parentCode), demo],
    );
  }
  if (changed.length) {
    await m.query(
      `UPDATE place p SET name = r.name, parent_id = parent.id
       FROM unnest($1::text[], $2::text[], $3::text[]) AS r(code, name, parent_code) LEFT JOIN place parent ON parent.code = r.parent_code
       WHERE p.code = r.code`,
      [changed.map((r) => r.code), changed.map((r) => r.name), changed.map((r) => r.parentCode)],
    );
  }
  const byCode = await placesByCode(m, [...fresh, ...changed].map((r) => r.code));
  const created = fresh.map((r) => byCode.get(r.code)!);
  const updated = changed.map((r) => byCode.get(r.code)!);
  if (created.length || updated.length) {
    await audit.record(m, actor, {
      // One event per file (a file may hold thousands of places), naming every place it created or changed.
      action: "places.import", entityType: "PlaceImport", entityId: randomUUID(),
      after: {
        created: created.map((p) => p.code),
        updated: changed.map((r) => {
          const k = known.get(r.code)!;
          return { code: r.code, name: [k.name, r.name], parent: [k.parentCode, r.parentCode] };
        }),
      },
    });
  }
  return { created, updated, unchangedCount: rows.length - created.length - updated.length };
}

async function placesByCode(m: EntityManager, codes: string[]): Promise<Map<string, Place>> {
  if (!codes.length) return new Map();
  const places = await m.getRepository(Place).createQueryBuilder("p").where("p.code = ANY(:codes)", { codes }).getMany();
  return new Map(places.map((p) => [p.code, p]));
}

/** A row's error: field ["csv", "row 7", "parent"] (rows are the file's lines; the header is row 1). */
function rowError(line: number, column: string | null, code: string, message: string): Refusal {
  return refusal(["csv", `row ${line}`, ...(column ? [column] : [])], code, `Row ${line}: ${message}`);
}

function sentence(text: string): string {
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function sortByRow(errors: Refusal[]): Refusal[] {
  const row = (e: Refusal) => Number(e.field?.[1]?.slice(4) ?? 0);
  return errors.sort((a, b) => row(a) - row(b));
}
