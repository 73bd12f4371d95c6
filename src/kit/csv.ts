// A strict RFC 4180 reader for CSV text that people upload (imports): every record comes with the line it starts on, and
// a malformed record is reported as a problem of that line instead of being guessed at, so an import can list every bad
// line and refuse the file. Records end with CRLF; LF alone is accepted too (spreadsheets on Linux and macOS write it).

export type CsvProblemCode = "UNCLOSED_QUOTE" | "STRAY_QUOTE" | "TEXT_AFTER_QUOTE" | "BARE_CR";

export interface CsvRecord {
  /** The 1-based line the record starts on (a quoted field may run over several lines). */
  line: number;
  fields: string[];
  /** Set when the record is malformed; `fields` then holds what was read before the problem. */
  problem?: CsvProblemCode;
}

export const CSV_PROBLEMS: Record<CsvProblemCode, string> = {
  UNCLOSED_QUOTE: "A quoted field is never closed.",
  STRAY_QUOTE: "A double quote inside an unquoted field: quote the whole field and double the quote.",
  TEXT_AFTER_QUOTE: "Text follows a closing quote before the next comma.",
  BARE_CR: "A carriage return outside quotes that does not end a line.",
};

const COMMA = 44, QUOTE = 34, CR = 13, LF = 10;

/**
 * The records of `text`, in order. An empty line is a record of one empty field (RFC 4180 has no blank lines), except
 * the empty "line" after the final line break. A malformed record ends at the next line break outside quotes.
 */
export function* readCsv(text: string): Generator<CsvRecord> {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is encoding, not data
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let problem: CsvProblemCode | undefined;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        let parts = "";
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            problem = "UNCLOSED_QUOTE";
            parts += text.slice(j);
            j = n;
            break;
          }
          parts += text.slice(j, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        for (let k = i + 1; k < j; k++) if (text.charCodeAt(k) === LF) line++;
        value = parts;
        i = j;
        if (!problem && i < n) {
          const c = text.charCodeAt(i);
          if (c !== COMMA && c !== LF && !(c === CR && text.charCodeAt(i + 1) === LF)) problem = c === CR ? "BARE_CR" : "TEXT_AFTER_QUOTE";
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF) break;
          if (c === CR) {
            if (text.charCodeAt(j + 1) !== LF) problem = "BARE_CR";
            break;
          }
          if (c === QUOTE) {
            problem = "STRAY_QUOTE";
            break;
          }
          j++;
        }
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      if (problem) break;
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      i += c === CR ? 2 : 1; // CRLF or LF: the record ends
      line++;
      break;
    }
    if (problem) {
      // Skip the rest of the malformed record: up to and through the next line break.
      const next = text.indexOf("\n", i);
      i = next < 0 ? n : next + 1;
      if (next >= 0) line++;
      yield { line: start, fields, problem };
    } else {
      yield { line: start, fields };
    }
  }
}
