// The one structured logger (pino); requests log a line each with id, operation, duration and SQL count.
import pino, { Logger } from "pino";
import type { LogLevel } from "./config";

/** Log lines wait in a buffer for at most this long (or until 4 KiB): one write per batch, not one per request. */
const FLUSH_EVERY_MS = 1000;

export function createLogger(level: LogLevel): Logger {
  if (level === "silent") return pino({ level });
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => destination.flush(), FLUSH_EVERY_MS).unref();
  // Whatever is still buffered goes out when the process ends (main.ts exits after stopping the server).
  process.once("exit", () => destination.flushSync());
  return pino({
    level,
    base: { service: "kith" },
    redact: { paths: ["password", "*.password", "token", "*.token", "authorization"], censor: "[redacted]" },
  }, destination);
}
export type { Logger };
