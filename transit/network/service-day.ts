/**
 * GTFS counts a service day's times from "noon minus 12 h" local time (which
 * is midnight except on the two daylight-saving change days). This turns a
 * service date into that origin as epoch ms, for any IANA time zone, with
 * Intl only (no date library).
 */
import { serviceDateNumber } from "../../adapters/gtfs-static";

export const DEFAULT_TIME_ZONE = "America/New_York";
const HOUR_MS = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at an instant, in ms (New York in summer: -4 h). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(epochMs)))
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** Epoch ms of local noon minus 12 h on a service date ("YYYYMMDD" or "YYYY-MM-DD"). */
export function serviceDayOriginMs(serviceDate: string, timeZone = DEFAULT_TIME_ZONE): number {
  const ymd = serviceDateNumber(serviceDate);
  const noonAsUtc = Date.UTC(Math.floor(ymd / 10000), (Math.floor(ymd / 100) % 100) - 1, ymd % 100, 12);
  // Noon is never inside a daylight-saving jump, so one correction is exact.
  const noon = noonAsUtc - zoneOffsetMs(noonAsUtc, timeZone);
  return noon - 12 * HOUR_MS;
}

/** Hours after the origin, floored: the index of hourly schedule tables (may be negative or past 24). */
export function hourIndex(originMs: number, t: number): number {
  return Math.floor((t - originMs) / HOUR_MS);
}
