// The one structured logger (pino); requests log a line each with id, operation, duration and SQL count.
import pino, { Logger } from "pino";
import type { LogLevel } from "./config";

export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: "kith" },
    redact: { paths: ["password", "*.password", "token", "*.token", "authorization"], censor: "[redacted]" },
  });
}
export type { Logger };
