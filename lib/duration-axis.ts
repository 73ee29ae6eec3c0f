/**
 * A chart axis of durations in seconds, ticked where a rider reads a clock:
 * every 15 or 30 s, 1, 2, 5, 10, 15 or 30 min, 1, 2, 3 or 6 h. An axis left
 * to the chart library ticks at round numbers of seconds (2,500 s) and then
 * shows them rounded (42m), so a headway of 7.5 min was labelled "8m".
 */

/** Steps, seconds, smallest first. */
const STEPS_SEC = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600];

export interface DurationAxis {
  /** From a multiple of the step at or below the smallest value to one at or above the largest. */
  ticks: number[];
  /** The label of a tick, exact: "0", "45s", "90s", "2m30s", "15m", "90m", "3h". */
  label: (sec: number) => string;
}

/**
 * Ticks over [min(0, lo), hi] with the smallest step that needs at most `most` intervals
 * (six hours a step past that). Labels are in the step's unit: seconds under 2 min, minutes
 * under a 1 h step, hours from there.
 */
export function durationAxis(lo: number, hi: number, most = 5): DurationAxis {
  const from = Math.min(0, Number.isFinite(lo) ? lo : 0);
  const to = Number.isFinite(hi) && hi > from ? hi : from + 60;
  const span = (step: number) => Math.ceil(to / step) - Math.floor(from / step);
  const step = STEPS_SEC.find((s) => span(s) <= most) ?? (STEPS_SEC.at(-1) as number);
  const ticks: number[] = [];
  for (let k = Math.floor(from / step); k <= Math.ceil(to / step); k++) ticks.push(k * step);
  return { ticks, label: step >= 3600 ? hours : minutesAndSeconds };
}

function minutesAndSeconds(sec: number): string {
  if (sec === 0) return "0";
  const sign = sec < 0 ? "-" : "";
  const a = Math.abs(sec);
  if (a < 120) return `${sign}${a}s`;
  const m = Math.floor(a / 60);
  const s = a % 60;
  return `${sign}${m}m${s ? `${s}s` : ""}`;
}

function hours(sec: number): string {
  return sec === 0 ? "0" : `${sec / 3600}h`;
}
