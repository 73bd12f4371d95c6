// A pino logger whose lines a test can read back, to check what the server logs (and what it keeps out of responses).
import pino from "pino";
import { Writable } from "node:stream";
import type { Logger } from "../../src/log";

export interface CapturedLog {
  log: Logger;
  /** Every line logged so far, parsed. */
  lines: Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function capturedLog(level: pino.Level = "info"): CapturedLog {
  const lines: CapturedLog["lines"] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: pino({ level, base: { service: "kith" } }, stream), lines };
}
