/** Formatting for the screen: New York clock times, durations, ages. */

export const TIME_ZONE = "America/New_York";

const hms = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});
const hm = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const day = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  weekday: "short",
  month: "short",
  day: "numeric",
});

export const clockTime = (t: number) => hms.format(t);
export const clockHm = (t: number) => hm.format(t);
export const dayLabel = (t: number) => day.format(t);

/** "45 s", "3 min", "1 h 05 min". */
export function duration(sec: number): string {
  if (!Number.isFinite(sec)) return "–";
  const s = Math.max(0, Math.round(sec));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

/** Age of something seen at `then`, for stale markers: "12 s ago". */
export const ago = (now: number, then: number) => `${duration((now - then) / 1000)} ago`;

/** Minutes until a time, floored, for arrival boards ("now" under 30 s). */
export function minutesUntil(now: number, t: number): string {
  const s = (t - now) / 1000;
  if (s < 30) return "now";
  return `${Math.floor(s / 60) || 1} min`;
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;

export const integer = (n: number) => Math.round(n).toLocaleString("en-US");

/** A payload size: "312 B" under a kilobyte (a small feed is not "0 KB"), else whole KB, else MB. */
export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${integer(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
