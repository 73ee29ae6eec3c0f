/** ISO 8601 local time with its UTC offset, e.g. 2025-10-02T08:45:00.000-04:00 (New York by default). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(t: number, timeZone: string): Record<string, number> {
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
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(t))) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function isoWithOffset(t: number, timeZone = "America/New_York"): string {
  const p = parts(t, timeZone);
  const ms = ((t % 1000) + 1000) % 1000;
  const localAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + ms;
  const offsetMin = Math.round((localAsUtc - t) / 60_000);
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  return (
    `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(ms, 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** Local midnight (start of the calendar day) containing t, as epoch ms. */
export function localMidnight(t: number, timeZone = "America/New_York"): number {
  const p = parts(t, timeZone);
  const guess = t - ((p.hour * 60 + p.minute) * 60 + p.second) * 1000 - (((t % 1000) + 1000) % 1000);
  // A DST change between midnight and t moves the wall clock an hour: check and correct once.
  const q = parts(guess, timeZone);
  return guess - ((q.hour * 60 + q.minute) * 60 + q.second) * 1000 + (q.hour > 12 ? 24 * 3_600_000 : 0);
}
