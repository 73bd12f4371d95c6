// A small strict RFC 4180 CSV reader for imports: every problem comes back with the line it starts on, so an importer
// can report all bad rows at once and write nothing.
//
// What it accepts: UTF-8 (a leading byte-order mark is dropped), records ending in CRLF or LF, fields separated by
// commas, a field in double quotes when it holds a comma, quote or line break ("" inside quotes is one quote). Empty
// lines are skipped (they still count as lines). What it refuses, per record: bytes that are not UTF-8 (or text with a
// lone surrogate), a NUL character, a bare CR, a quote inside an unquoted field, text after a closing quote, a quote
// never closed, and records beyond `maxRecords`.

export interface CsvRecord {
  /** The 1-based line the record starts on (a quoted line break makes the next record start later). */
  line: number;
  fields: string[];
}

/** Stable codes of what can be wrong with a file, for importers to pass on as user error codes. */
export type CsvProblemCode =
  | "CSV_MALFORMED" | "CSV_NOT_UTF8" | "CSV_NUL_CHARACTER" | "CSV_TOO_MANY_ROWS" | "CSV_NO_HEADER" | "CSV_BAD_HEADER" | "CSV_FIELD_COUNT";

export interface CsvProblem {
  line: number;
  code: CsvProblemCode;
  /** The column at fault, when the problem is one field's (set by `readCsvTable` and by importers). */
  column?: string;
  /** A sentence that never repeats the file's content. */
  message: string;
}

export interface CsvParse {
  /** Records without problems, in file order. */
  records: CsvRecord[];
  problems: CsvProblem[];
}

export interface CsvLimits {
  /** Records beyond this many are not read; one problem says so at the first record over. */
  maxRecords: number;
  /** Records at the top that are not data (a header), left out of the count the problem states. */
  headerRecords?: number;
}

const LF = 0x0a;

/**
 * Bytes to text, one line at a time so that a bad byte is reported on its line (0x0A never occurs inside a UTF-8
 * sequence, so splitting on it is safe). Bad lines are decoded with replacement characters and listed.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; badLines: Set<number> } {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const lenient = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
  const lines: string[] = [];
  const badLines = new Set<number>();
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== LF) continue;
    const slice = bytes.subarray(start, i);
    try {
      lines.push(strict.decode(slice));
    } catch {
      badLines.add(lines.length + 1);
      lines.push(lenient.decode(slice));
    }
    start = i + 1;
  }
  return { text: lines.join("\n"), badLines };
}

/** Lines of `text` that hold a lone UTF-16 surrogate (text that came from JSON, not from a UTF-8 file). */
export function linesWithLoneSurrogates(text: string): Set<number> {
  const bad = new Set<number>();
  if (!/[\uD800-\uDFFF]/.test(text)) return bad;
  text.split("\n").forEach((l, i) => {
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(l)) bad.add(i + 1);
  });
  return bad;
}

/** Parse CSV bytes (checked as UTF-8) or text (checked for lone surrogates) into records and per-line problems. */
export function parseCsv(input: string | Uint8Array, limits: CsvLimits): CsvParse {
  const decoded = typeof input === "string" ? { text: input, badLines: linesWithLoneSurrogates(input) } : decodeUtf8(input);
  const text = decoded.text.startsWith("\uFEFF") ? decoded.text.slice(1) : decoded.text;
  return parseText(text, decoded.badLines, limits);
}

function parseText(text: string, badLines: Set<number>, limits: CsvLimits): CsvParse {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let pos = 0;
  let line = 1;
  let count = 0;
  while (pos < text.length) {
    // An empty line holds no record (editors leave them at the end); it still counts as a line.
    const blank = text[pos] === "\n" ? 1 : text.startsWith("\r\n", pos) ? 2 : 0;
    if (blank) { pos += blank; line++; continue; }
    if (count === limits.maxRecords) {
      const cap = limits.maxRecords - (limits.headerRecords ?? 0);
      problems.push({ line, code: "CSV_TOO_MANY_ROWS", message: `the file has more than ${cap} rows; split it into smaller files` });
      break;
    }
    count++;
    const startLine = line;
    const fields: string[] = [];
    const own: { code: CsvProblemCode; message: string }[] = [];
    const fault = (message: string, code: CsvProblemCode = "CSV_MALFORMED") => {
      if (!own.some((p) => p.message === message)) own.push({ code, message });
    };
    let ended = false;
    while (!ended) {
      let value = "";
      if (text[pos] === '"') {
        pos++;
        let closed = false;
        while (pos < text.length) {
          const c = text[pos];
          if (c === '"') {
            if (text[pos + 1] === '"') { value += '"'; pos += 2; continue; }
            pos++;
            closed = true;
            break;
          }
          if (c === "\n") line++;
          value += c;
          pos++;
        }
        if (!closed) fault("a quoted field is never closed");
        // Anything between the closing quote and the next separator is not RFC 4180; keep it so the record stays whole.
        while (pos < text.length && text[pos] !== "," && text[pos] !== "\n" && !(text[pos] === "\r" && text[pos + 1] === "\n")) {
          fault("there is text after a closing quote");
          value += text[pos++];
        }
      } else {
        while (pos < text.length && text[pos] !== "," && text[pos] !== "\n" && !(text[pos] === "\r" && text[pos + 1] === "\n")) {
          if (text[pos] === '"') fault("a field has a quote but does not start with one");
          if (text[pos] === "\r") fault("a line has a carriage return that is not followed by a line feed");
          value += text[pos++];
        }
      }
      if (value.includes("\u0000")) fault("a field contains a NUL character", "CSV_NUL_CHARACTER");
      fields.push(value);
      if (pos >= text.length) { ended = true; break; }
      if (text[pos] === ",") { pos++; continue; }
      pos += text[pos] === "\r" ? 2 : 1;
      line++;
      ended = true;
    }
    const endLine = pos >= text.length ? line : line - 1;
    for (let l = startLine; l <= endLine; l++) {
      if (badLines.has(l)) { fault("the line is not valid UTF-8 text", "CSV_NOT_UTF8"); break; }
    }
    if (own.length) problems.push(...own.map((p) => ({ line: startLine, ...p })));
    else records.push({ line: startLine, fields });
  }
  return { records, problems };
}

export interface CsvTableShape {
  /** Columns every file must have, in any order. */
  required: readonly string[];
  /** Columns a file may have. Any other column is a problem (a misspelt optional column would otherwise be lost). */
  optional?: readonly string[];
  /** Data rows (not counting the header) beyond this many are not read. */
  maxRows: number;
}

export interface CsvTableRow {
  line: number;
  /** Every column of the shape: "" for an optional column the file lacks. */
  values: Record<string, string>;
}

export interface CsvTable {
  /** Rows that parsed and have the header's number of fields. */
  rows: CsvTableRow[];
  problems: CsvProblem[];
}

/**
 * A CSV file with a header row: checks the header against `shape` (names trimmed, matched case-insensitively) and
 * every row's field count against the header. With a bad header no row is read.
 */
export function readCsvTable(input: string | Uint8Array, shape: CsvTableShape): CsvTable {
  const parsed = parseCsv(input, { maxRecords: shape.maxRows + 1, headerRecords: 1 });
  const problems = [...parsed.problems];
  const [header, ...data] = parsed.records;
  if (!header || header.line !== 1) {
    if (!problems.some((p) => p.line === 1)) problems.unshift({ line: 1, code: "CSV_NO_HEADER", message: "the file has no header row" });
    return { rows: [], problems: sortProblems(problems) };
  }
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const known = new Set([...shape.required, ...(shape.optional ?? [])]);
  const headerProblems: CsvProblem[] = [];
  for (const name of shape.required) {
    if (!names.includes(name)) headerProblems.push({ line: 1, code: "CSV_BAD_HEADER", column: name, message: `the header has no "${name}" column` });
  }
  names.forEach((name, i) => {
    if (!known.has(name)) headerProblems.push({ line: 1, code: "CSV_BAD_HEADER", message: `header column ${i + 1} is not one this import reads` });
    else if (names.indexOf(name) !== i) headerProblems.push({ line: 1, code: "CSV_BAD_HEADER", column: name, message: `the header has the "${name}" column twice` });
  });
  if (headerProblems.length) return { rows: [], problems: sortProblems([...headerProblems, ...problems]) };
  const rows: CsvTableRow[] = [];
  for (const record of data) {
    if (record.fields.length !== names.length) {
      problems.push({ line: record.line, code: "CSV_FIELD_COUNT", message: `the row has ${record.fields.length} field${record.fields.length === 1 ? "" : "s"} where the header has ${names.length}` });
      continue;
    }
    const values: Record<string, string> = {};
    for (const name of known) values[name] = "";
    names.forEach((name, i) => { values[name] = record.fields[i]; });
    rows.push({ line: record.line, values });
  }
  return { rows, problems: sortProblems(problems) };
}

function sortProblems(problems: CsvProblem[]): CsvProblem[] {
  return problems.sort((a, b) => a.line - b.line);
}
