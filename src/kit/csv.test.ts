// The CSV reader keeps to RFC 4180 and says which line each record, and each malformed record, starts on.
import { readCsv } from "./csv";

const read = (text: string) => [...readCsv(text)];

describe("readCsv", () => {
  it("reads fields separated by commas, records ended by CRLF or LF", () => {
    expect(read("a,b,c\r\nd,e,f\ng,h,i")).toEqual([
      { line: 1, fields: ["a", "b", "c"] }, { line: 2, fields: ["d", "e", "f"] }, { line: 3, fields: ["g", "h", "i"] },
    ]);
  });

  it("takes a final line break as the end of the last record, not as an empty record", () => {
    expect(read("a,b\r\n")).toEqual([{ line: 1, fields: ["a", "b"] }]);
    expect(read("")).toEqual([]);
  });

  it("keeps empty fields, including a trailing one, and an empty line as one empty field", () => {
    expect(read("a,,\n\nb")).toEqual([{ line: 1, fields: ["a", "", ""] }, { line: 2, fields: [""] }, { line: 3, fields: ["b"] }]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, counting the lines they span", () => {
    expect(read('"a,1","say ""hi""","two\r\nlines"\nnext,"x"')).toEqual([
      { line: 1, fields: ["a,1", 'say "hi"', "two\r\nlines"] }, { line: 3, fields: ["next", "x"] },
    ]);
  });

  it("keeps spaces as data (RFC 4180 does not trim)", () => {
    expect(read(" a , b ")).toEqual([{ line: 1, fields: [" a ", " b "] }]);
  });

  it("skips a leading byte-order mark", () => {
    expect(read("\ufeffa,b")).toEqual([{ line: 1, fields: ["a", "b"] }]);
  });

  it("reports a quote inside an unquoted field and goes on with the next line", () => {
    expect(read('a,b"c,d\ne,f')).toEqual([{ line: 1, fields: ["a", "b"], problem: "STRAY_QUOTE" }, { line: 2, fields: ["e", "f"] }]);
  });

  it("reports text after a closing quote", () => {
    expect(read('"a"b,c\nd').map((r) => [r.line, r.problem])).toEqual([[1, "TEXT_AFTER_QUOTE"], [2, undefined]]);
  });

  it("reports a quoted field never closed at the line it opens on", () => {
    expect(read('a,b\nc,"d\ne\nf').map((r) => [r.line, r.problem])).toEqual([[1, undefined], [2, "UNCLOSED_QUOTE"]]);
  });

  it("reports a bare carriage return outside quotes", () => {
    expect(read("a\rb,c\nd").map((r) => [r.line, r.problem])).toEqual([[1, "BARE_CR"], [2, undefined]]);
    expect(read('"a"\rb\nd').map((r) => [r.line, r.problem])).toEqual([[1, "BARE_CR"], [2, undefined]]);
  });

  it("reads 100,000 records quickly", () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `org-${i},METRIC,2024-01-01,2024-03-31,${i}.5,"note, ${i}"`).join("\r\n");
    const started = Date.now();
    let count = 0;
    for (const r of readCsv(text)) if (!r.problem && r.fields.length === 6) count++;
    expect(count).toBe(100_000);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
