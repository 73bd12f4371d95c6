// Reads a measurements CSV into rows ready to insert, or the problems of every bad line: the same rules as recording one
// measurement (measurement-rules.ts), checked for the whole file with a handful of set-based queries, whatever its size.
import type { EntityManager } from "typeorm";
import { parseCsv } from "../../kit/csv";
import { InputChecks } from "../../kit/input-checks";
import { keyOf } from "../../graphql/ids";
import { organisationsApi } from "../organisations/organisations.api";
import { checkPeriod, checkQuantity, EVIDENCE_LIMIT, metricsByCode } from "./measurement-rules";

/** The header a file starts with; `evidence` may be left out. */
export const IMPORT_COLUMNS = ["organisation_id", "metric_code", "period_start", "period_end", "quantity", "evidence"] as const;
/** Rows one file may hold (besides its header). */
export const MAX_IMPORT_ROWS = 100_000;
/** Characters one file may hold: 100,000 rows of about 120 characters each. */
export const MAX_IMPORT_CHARS = 12 * 1024 * 1024;

export interface ImportRow {
  organisationId: string;
  metricId: string;
  periodStart: string;
  periodEnd: string;
  /** As written (at most two decimals): PostgreSQL's numeric takes it exactly. */
  quantity: string;
  evidence: string | null;
}

export interface LineProblem {
  line: number;
  /** The column at fault, or null for the line as a whole. */
  column: string | null;
  code: string;
  message: string;
}

export type ReadResult = { rows: ImportRow[] } | { problems: LineProblem[] } | { tooLarge: string };

const DECIMAL = /^-?\d{1,12}(\.\d{1,2})?$/;
/** NUL, the replacement character (what invalid UTF-8 became on the way in) and unpaired surrogates. */
const BAD_TEXT = /[\u0000\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function realDay(day: string): boolean {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === day;
}

interface Parsed {
  line: number;
  organisationKey: string | null;
  metricCode: string;
  periodStart: string;
  periodEnd: string;
  quantity: string;
  evidence: string | null;
}

/**
 * Reads `csv` for `mayReport` (ADMIN: every organisation; an editor: only theirs, and any other organisation is
 * "unknown" to them, so a file cannot probe which organisations exist). `today` is the UK day.
 */
export async function readMeasurementsCsv(
  m: EntityManager, csv: string, today: string, mayReport: (organisationId: string) => boolean,
): Promise<ReadResult> {
  if (csv.length > MAX_IMPORT_CHARS) return { tooLarge: `Send at most ${MAX_IMPORT_CHARS / 1024 / 1024} MiB of CSV at once: split the file.` };
  const problems: LineProblem[] = [];
  const bad = (line: number, column: string | null, code: string, message: string) => problems.push({ line, column, code, message });
  const csvRead = parseCsv(csv, { maxRecords: MAX_IMPORT_ROWS + 1, headerRecords: 1 });
  if (csvRead.problems.some((p) => p.code === "CSV_TOO_MANY_ROWS")) return { tooLarge: `Send at most ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} rows at once: split the file.` };
  const [first, ...records] = csvRead.records;
  if (!first && !csvRead.problems.length) return { problems: [{ line: 1, column: null, code: "EMPTY_FILE", message: "The file is empty: start it with the header line." }] };
  const header = (first?.fields ?? []).map((f) => f.trim().toLowerCase());
  const withEvidence = header.length === IMPORT_COLUMNS.length;
  if (!first || csvRead.problems.some((p) => p.line <= first.line) || (header.length !== 5 && !withEvidence) || header.some((h, i) => h !== IMPORT_COLUMNS[i])) {
    return { problems: [{ line: 1, column: null, code: "WRONG_HEADER", message: `Start the file with the header ${IMPORT_COLUMNS.join(",")} (evidence may be left out).` }] };
  }
  // The reader's problems as this import's codes: the text's encoding, or the CSV's shape.
  for (const p of csvRead.problems) {
    const encoding = p.code === "CSV_NOT_UTF8" || p.code === "CSV_NUL_CHARACTER";
    bad(p.line, null, encoding ? "BAD_ENCODING" : "MALFORMED_CSV", encoding
      ? "The line holds a NUL, an unpaired surrogate or bytes that are not UTF-8: save the file as UTF-8 text."
      : `The line is not well-formed CSV: ${p.message}.`);
  }
  const parsed: Parsed[] = [];
  for (const r of records) {
    if (r.fields.some((f) => BAD_TEXT.test(f))) bad(r.line, null, "BAD_ENCODING", "The line holds a NUL, an unpaired surrogate or bytes that are not UTF-8: save the file as UTF-8 text.");
    else if (r.fields.length !== header.length) bad(r.line, null, "WRONG_COLUMNS", `The line has ${r.fields.length} fields; the header has ${header.length}.`);
    else {
      const [org, code, start, end, quantity, evidence] = r.fields.map((f) => f.trim());
      parsed.push({
        line: r.line, organisationKey: keyOf(org, "Organisation"), metricCode: code, periodStart: start, periodEnd: end, quantity,
        evidence: withEvidence && evidence ? evidence : null,
      });
    }
  }
  if (!parsed.length && !problems.length) return { problems: [{ line: 2, column: null, code: "EMPTY_FILE", message: "The file has a header but no rows." }] };

  const keys = [...new Set(parsed.flatMap((p) => (p.organisationKey && mayReport(p.organisationKey) ? [p.organisationKey] : [])))];
  const organisations = await organisationsApi.byIds(m, keys);
  const metrics = await metricsByCode(m, [...new Set(parsed.map((p) => p.metricCode))]);
  const seen = new Map<string, number>();
  const rows: (ImportRow & { line: number })[] = [];
  for (const p of parsed) {
    const column = (name: string) => (problem: { code: string; message: string }) => bad(p.line, name, problem.code, problem.message);
    const o = p.organisationKey && mayReport(p.organisationKey) ? organisations.get(p.organisationKey) : undefined;
    if (!o) column("organisation_id")({ code: "UNKNOWN_ORGANISATION", message: "No organisation you may report for has that ID." });
    else if (o.archivedAt) column("organisation_id")({ code: "ARCHIVED", message: "That organisation is archived: it reports nothing more." });
    const metric = metrics.get(p.metricCode);
    if (!metric) column("metric_code")({ code: "UNKNOWN_METRIC", message: "No measure in the catalogue has that code." });
    const c = new InputChecks();
    if (!realDay(p.periodStart)) c.add("period_start", "INVALID_DAY", "Give days as YYYY-MM-DD.");
    else if (!realDay(p.periodEnd)) c.add("period_end", "INVALID_DAY", "Give days as YYYY-MM-DD.");
    else checkPeriod(c, p.periodStart, p.periodEnd, today);
    if (!DECIMAL.test(p.quantity)) c.add("quantity", "INVALID_QUANTITY", "Give the quantity as a number with at most two decimal places, without separators.");
    else if (metric) checkQuantity(c, metric, Number(p.quantity));
    if (p.evidence && p.evidence.length > EVIDENCE_LIMIT) c.add("evidence", "TOO_LONG", `Keep the evidence to ${EVIDENCE_LIMIT} characters or fewer.`);
    // checkPeriod names its fields in the API's spelling; the file's columns are the ones a person can find.
    for (const e of c.errors) column(e.field![0] === "periodEnd" ? "period_end" : e.field![0] === "periodStart" ? "period_start" : e.field![0])(e);
    if (!o || o.archivedAt || !metric || !c.ok) continue;
    const key = `${o.id}|${metric.id}|${p.periodStart}|${p.periodEnd}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      bad(p.line, null, "DUPLICATE_ROW", `The same organisation, measure and period as line ${earlier}.`);
      continue;
    }
    seen.set(key, p.line);
    rows.push({
      line: p.line, organisationId: o.id, metricId: metric.id, periodStart: p.periodStart, periodEnd: p.periodEnd, quantity: p.quantity,
      evidence: p.evidence,
    });
  }
  for (const line of await alreadyRecorded(m, rows)) {
    bad(line, null, "ALREADY_RECORDED", "The organisation has a measurement of this measure for this period already: correct that one instead.");
  }
  if (problems.length) return { problems: problems.sort((a, b) => a.line - b.line) };
  return { rows };
}

/** Lines whose organisation, measure and period are recorded already (one statement for the whole file). */
async function alreadyRecorded(m: EntityManager, rows: (ImportRow & { line: number })[]): Promise<number[]> {
  if (!rows.length) return [];
  const found: { line: number }[] = await m.query(
    `SELECT f.line FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::date[], $5::date[]) AS f(line, organisation_id, metric_id, period_start, period_end)
     WHERE EXISTS (SELECT 1 FROM impact_measurement x WHERE x.organisation_id = f.organisation_id AND x.period_end = f.period_end
       AND x.metric_id = f.metric_id AND x.period_start = f.period_start)`,
    [rows.map((r) => r.line), rows.map((r) => r.organisationId), rows.map((r) => r.metricId), rows.map((r) => r.periodStart), rows.map((r) => r.periodEnd)],
  );
  return found.map((r) => r.line);
}
