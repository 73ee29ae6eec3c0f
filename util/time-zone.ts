/**
 * Wall-clock arithmetic in an IANA time zone (New York by default), DST
 * correct, with the runtime's Intl data only: no date library. Every module
 * that needs local days, offsets or local ISO times uses these.
 */
export const NEW_YORK = "America/New_York";
const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface ZonedFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The fields as Intl gives them: exact, but slow (a formatToParts per call). */
function intlFields(t: number, timeZone: string): ZonedFields {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(t))
    if (part.type !== "literal") p[part.type] = Number(part.value);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

function intlOffsetMs(whole: number, timeZone: string): number {
  const f = intlFields(whole, timeZone);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - whole;
}

/**
 * Per zone, the UTC hour last asked about and its offset, when the offset is
 * the same at both ends of that hour (then it holds all through it: zones
 * change offset months apart), else null. The export formats every metric
 * tick's time: this makes that two Intl calls an hour instead of two a tick.
 */
const hourOffsets = new Map<string, { hour: number; offset: number | null }>();

function offsetOfHour(t: number, timeZone: string): number | null {
  const hour = Math.floor(t / HOUR);
  let c = hourOffsets.get(timeZone);
  if (c?.hour !== hour) {
    const first = intlOffsetMs(hour * HOUR, timeZone);
    const last = intlOffsetMs(hour * HOUR + HOUR - 1000, timeZone);
    c = { hour, offset: first === last ? first : null };
    hourOffsets.set(timeZone, c);
  }
  return c.offset;
}

/** The local wall-clock fields of instant t (seconds truncated). */
export function zonedFields(t: number, timeZone = NEW_YORK): ZonedFields {
  const whole = Math.floor(t / 1000) * 1000;
  const offset = offsetOfHour(whole, timeZone);
  if (offset === null) return intlFields(whole, timeZone);
  const d = new Date(whole + offset);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Offset of the zone from UTC at instant t, ms (New York in summer: -4 h). */
export function zoneOffsetMs(t: number, timeZone = NEW_YORK): number {
  const whole = Math.floor(t / 1000) * 1000;
  return offsetOfHour(whole, timeZone) ?? intlOffsetMs(whole, timeZone);
}

/** Epoch ms of 00:00 local time on the day that contains t (a day may last 23, 24 or 25 h). */
export function startOfLocalDay(t: number, timeZone = NEW_YORK): number {
  const f = zonedFields(t, timeZone);
  const midnightAsUtc = Date.UTC(f.year, f.month - 1, f.day);
  // The offset at t may differ from the one at midnight (a DST change at 02:00):
  // guess with t's offset, then correct with the offset at the guess.
  const guess = midnightAsUtc - zoneOffsetMs(t, timeZone);
  return midnightAsUtc - zoneOffsetMs(guess, timeZone);
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** ISO 8601 local time with its offset, e.g. 2025-10-02T08:45:00.000-04:00. */
export function isoWithOffset(t: number, timeZone = NEW_YORK): string {
  const f = zonedFields(t, timeZone);
  const ms = ((t % 1000) + 1000) % 1000;
  const offsetMin = Math.round(zoneOffsetMs(t, timeZone) / 60_000);
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  return (
    `${f.year}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}.${pad(ms, 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** "YYYYMMDD" of the local date containing t. */
export function localDateString(t: number, timeZone = NEW_YORK): string {
  const f = zonedFields(t, timeZone);
  return `${f.year}${pad(f.month)}${pad(f.day)}`;
}

export { HOUR as HOUR_MS };
