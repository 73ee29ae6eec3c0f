/**
 * GTFS counts a service day's times from "noon minus 12 h" local time (which
 * is midnight except on the two daylight-saving change days). This turns a
 * service date into that origin as epoch ms, for any IANA time zone, with
 * Intl only (no date library).
 */
import { serviceDateNumber } from "../../adapters/gtfs-static";
import { zoneOffsetMs } from "../../util/time-zone";

export const DEFAULT_TIME_ZONE = "America/New_York";
const HOUR_MS = 3_600_000;

export { zoneOffsetMs };

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
