/**
 * New York local wall-clock time -> epoch ms, with US daylight saving rules
 * (no date library). Since 2007 DST runs from the second Sunday of March,
 * 02:00 local, to the first Sunday of November, 02:00 local; 1987-2006 from
 * the first Sunday of April to the last Sunday of October. EST is UTC-5,
 * EDT UTC-4.
 *
 * The repeated hour in November (01:00-01:59 happens twice) resolves to the
 * first, EDT; the skipped hour in March (02:00-02:59 never happens) is read
 * as EST, i.e. shifted an hour later, which is what a clock set the night
 * before would show.
 */
const HOUR = 3_600_000;

/** Epoch ms of the nth (1-based) Sunday of a month (0-based), or of the last one when n = -1, at 00:00 UTC. */
function sundayOf(year: number, month: number, n: number): number {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return Date.UTC(year, month, 1 + ((7 - first) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay());
}

/** [start, end) of daylight time in a year, as UTC epoch ms. */
function dstInterval(year: number): [number, number] {
  // 02:00 EST = 07:00 UTC at the start; 02:00 EDT = 06:00 UTC at the end
  if (year >= 2007) return [sundayOf(year, 2, 2) + 7 * HOUR, sundayOf(year, 10, 1) + 6 * HOUR];
  return [sundayOf(year, 3, 1) + 7 * HOUR, sundayOf(year, 9, -1) + 6 * HOUR];
}

export function isNewYorkDst(epochMs: number): boolean {
  const [start, end] = dstInterval(new Date(epochMs).getUTCFullYear());
  return epochMs >= start && epochMs < end;
}

/** The UTC offset of New York at an instant, in hours (-4 or -5). */
export function newYorkOffsetHours(epochMs: number): number {
  return isNewYorkDst(epochMs) ? -4 : -5;
}

/** Wall-clock fields (month 1-12) in New York -> epoch ms. */
export function newYorkLocalToEpochMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const ifDaylight = asUtc + 4 * HOUR;
  return isNewYorkDst(ifDaylight) ? ifDaylight : asUtc + 5 * HOUR;
}

const MTA_TIME = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?\s*$/;

/**
 * The MTA's "MM/DD/YYYY hh:mm:ss AM" (seconds and AM/PM optional; without
 * AM/PM the hour is 0-23) as epoch ms; null when the text does not fit or
 * names a date that does not exist.
 */
export function parseMtaLocalTime(text: string): number | null {
  const m = MTA_TIME.exec(text);
  if (!m) return null;
  const [month, day, year, rawHour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const meridiem = m[7]?.toUpperCase();
  let hour = rawHour;
  if (meridiem) {
    if (rawHour < 1 || rawHour > 12) return null;
    hour = (rawHour % 12) + (meridiem === "PM" ? 12 : 0);
  }
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return newYorkLocalToEpochMs(year, month, day, hour, minute, second);
}
