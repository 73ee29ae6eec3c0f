import pino from "pino";

/** Structured logs, one JSON line per event (pino). Feed errors name the feed, url and kind. */
export function createLogger(level = process.env.LOG_LEVEL ?? "info"): pino.Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
