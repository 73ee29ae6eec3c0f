/**
 * Local midnights in an IANA time zone, DST-correct, with the runtime's Intl
 * data (no date library): a day can be 23, 24 or 25 hours long.
 */
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

/** Wall-clock fields of instant t in the zone. */
function localFields(t: number, timeZone: string): { y: number; mo: number; d: number; asUtc: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(t))
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return { y: parts.year, mo: parts.month, d: parts.day, asUtc };
}

/** Zone offset at instant t, ms (local wall clock read as UTC, minus t; whole seconds). */
function offsetAt(t: number, timeZone: string): number {
  const whole = Math.floor(t / 1000) * 1000;
  return localFields(whole, timeZone).asUtc - whole;
}

/** Epoch ms of 00:00 local time on the day that contains t. */
export function startOfLocalDay(t: number, timeZone: string): number {
  const { y, mo, d } = localFields(t, timeZone);
  const midnightAsUtc = Date.UTC(y, mo - 1, d);
  // The offset at t may differ from the one at midnight (a DST change at 02:00):
  // guess with t's offset, then correct with the offset at the guess.
  const guess = midnightAsUtc - offsetAt(t, timeZone);
  return midnightAsUtc - offsetAt(guess, timeZone);
}

/** Epoch ms of the next local midnight after t. */
export function nextLocalMidnight(t: number, timeZone: string): number {
  // 36 h after a midnight always falls inside the next day (days last 23 to 25 h).
  return startOfLocalDay(startOfLocalDay(t, timeZone) + 36 * HOUR, timeZone);
}
