/**
 * The simulated day's clock: the simulator counts seconds after the service
 * day's local midnight; feeds and recordings want epoch times.
 */
export interface DayClock {
  /** "2025-10-02" */
  date: string;
  timeZone: string;
  /** Epoch ms of local midnight starting the date. */
  midnightMs: number;
}

/** Offset of local time from UTC at an instant, in ms (e.g. -4 h for New York in October). */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(epochMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

export function dayClock(date: string, timeZone = "America/New_York"): DayClock {
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
