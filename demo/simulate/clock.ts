/**
 * The simulated day's clock: the simulator counts seconds after the service
 * day's local midnight; feeds and recordings want epoch times.
 */
import { NEW_YORK, zoneOffsetMs } from "../../util/time-zone";

export interface DayClock {
  /** "2025-10-02" */
  date: string;
  timeZone: string;
  /** Epoch ms of local midnight starting the date. */
  midnightMs: number;
}

export function dayClock(date: string, timeZone = NEW_YORK): DayClock {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`date must be YYYY-MM-DD, got "${date}"`);
  const utcMidnight = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  // Local midnight = UTC midnight minus the zone's offset at (about) that moment.
  const guess = utcMidnight - zoneOffsetMs(utcMidnight, timeZone);
  const midnightMs = utcMidnight - zoneOffsetMs(guess, timeZone);
  return { date, timeZone, midnightMs };
}

/** Epoch seconds of a time given in seconds after the day's midnight. */
export function epochS(clock: DayClock, daySeconds: number): number {
  return Math.round(clock.midnightMs / 1000 + daySeconds);
}

/** "YYYYMMDD" of the service day `offsetDays` from the clock's date. */
export function serviceDate(clock: DayClock, offsetDays: number): string {
  const [y, mo, d] = clock.date.split("-").map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d + offsetDays));
  return `${t.getUTCFullYear()}${String(t.getUTCMonth() + 1).padStart(2, "0")}${String(t.getUTCDate()).padStart(2, "0")}`;
}
