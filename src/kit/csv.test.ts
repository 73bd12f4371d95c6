// The strict CSV reader: RFC 4180 quoting, and every bad record reported on the line it starts.
import { decodeUtf8, parseCsv, readCsvTable } from "./csv";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

test("quoted fields hold commas, doubled quotes and line breaks, and records end in LF or CRLF", () => {
  const { records, problems } = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,3', { maxRecords: 10 });
  expect(problems).toEqual([]);
  expect(records).toEqual([
    { line: 1, fields: ["a", "b", "c"] },
    { line: 2, fields: ["x, y", 'say "hi"', "two\nlines"] },
    { line: 4, fields: ["1", "", "3"] },
  ]);
});

test("a byte-order mark is dropped, empty lines are skipped but counted, and a final line break starts nothing", () => {
  const { records, problems } = parseCsv("\uFEFFa,b\n\n1,2\r\n\r\n3,4\n", { maxRecords: 10 });
  expect(problems).toEqual([]);
  expect(records.map((r) => [r.line, r.fields])).toEqual([[1, ["a", "b"]], [3, ["1", "2"]], [5, ["3", "4"]]]);
});

test("every malformed record is reported on the line it starts, and only good records come back", () => {
  const text = [
    "a,b", //                     1
    'x"y,2', //                   2: quote inside an unquoted field
    '"x"y,2', //                  3: text after a closing quote
    "ok,1", //                    4
    "nul\u0000,2", //             5
    "cr\rhere,2", //              6: bare CR
    '"never closed,2', //         7: swallows the rest
    "ok,2",
  ].join("\n");
  const { records, problems } = parseCsv(text, { maxRecords: 100 });
  expect(records.map((r) => r.line)).toEqual([1, 4]);
  expect(problems).toEqual([
    { line: 2, code: "CSV_MALFORMED", message: "a field has a quote but does not start with one" },
    { line: 3, code: "CSV_MALFORMED", message: "there is text after a closing quote" },
    { line: 5, code: "CSV_NUL_CHARACTER", message: "a field contains a NUL character" },
    { line: 6, code: "CSV_MALFORMED", message: "a line has a carriage return that is not followed by a line feed" },
    { line: 7, code: "CSV_MALFORMED", message: "a quoted field is never closed" },
  ]);
});

test("bytes that are not UTF-8 are reported on their line, including inside a quoted field spanning lines", () => {
  const input = bytes("a,b\n", "ok,1\n", "bad,", [0xff, 0xfe], "\n", '"multi\nline ', [0xc3], '",2\n', "caf\u00e9,3\n");
  const { records, problems } = parseCsv(input, { maxRecords: 10 });
  expect(problems).toEqual([
    { line: 3, code: "CSV_NOT_UTF8", message: "the line is not valid UTF-8 text" },
    { line: 4, code: "CSV_NOT_UTF8", message: "the line is not valid UTF-8 text" },
  ]);
  expect(records.map((r) => [r.line, r.fields])).toEqual([[1, ["a", "b"]], [2, ["ok", "1"]], [6, ["café", "3"]]]);
  expect(decodeUtf8(bytes("x\n", [0xe2, 0x82], "\n")).badLines).toEqual(new Set([2]));
});

test("text with a lone surrogate (possible in JSON strings) is refused like bad UTF-8", () => {
  const { problems } = parseCsv("a,b\nx,\uD800\ny,\uD83D\uDE00\n", { maxRecords: 10 });
  expect(problems).toEqual([{ line: 2, code: "CSV_NOT_UTF8", message: "the line is not valid UTF-8 text" }]);
});

test("records beyond the cap are not read, and one problem says so where the cap is passed", () => {
  const { records, problems } = parseCsv("h\n1\n2\n3\n4\n", { maxRecords: 3, headerRecords: 1 });
  expect(records).toHaveLength(3);
  expect(problems).toEqual([{ line: 4, code: "CSV_TOO_MANY_ROWS", message: "the file has more than 2 rows; split it into smaller files" }]);
});

describe("a table with a header", () => {
  const shape = { required: ["code", "name"], optional: ["parent"], maxRows: 3 };

  test("rows come back keyed by column, whatever the header's order and case, with absent optional columns empty", () => {
    expect(readCsvTable(" Name ,CODE\nLiverpool,E08000012\n", shape)).toEqual({
      rows: [{ line: 2, values: { code: "E08000012", name: "Liverpool", parent: "" } }],
      problems: [],
    });
  });

  test("a header missing a column, with an unknown or repeated one, reads no rows", () => {
    const { rows, problems } = readCsvTable("code,colour,code\nx,y,z\n", shape);
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 1, column: "name", code: "CSV_BAD_HEADER", message: 'the header has no "name" column' },
      { line: 1, code: "CSV_BAD_HEADER", message: "header column 2 is not one this import reads" },
      { line: 1, column: "code", code: "CSV_BAD_HEADER", message: 'the header has the "code" column twice' },
    ]);
  });

  test("a row with the wrong number of fields is reported and the others are read", () => {
    const { rows, problems } = readCsvTable("code,name\na,b\nc\nd,e,f\ng,h\n", { ...shape, maxRows: 10 });
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
    expect(problems).toEqual([
      { line: 3, code: "CSV_FIELD_COUNT", message: "the row has 1 field where the header has 2" },
      { line: 4, code: "CSV_FIELD_COUNT", message: "the row has 3 fields where the header has 2" },
    ]);
  });

  test("an empty file has no header, and the row cap counts data rows only", () => {
    expect(readCsvTable("", shape).problems).toEqual([{ line: 1, code: "CSV_NO_HEADER", message: "the file has no header row" }]);
    const { rows, problems } = readCsvTable("code,name\n1,a\n2,b\n3,c\n4,d\n", shape);
    expect(rows).toHaveLength(3);
    expect(problems).toEqual([{ line: 5, code: "CSV_TOO_MANY_ROWS", message: "the file has more than 3 rows; split it into smaller files" }]);
  });
});
