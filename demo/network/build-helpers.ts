/**
 * Small helpers that keep the hand-written line tables in lines-*.ts short
 * and readable: patterns as strings of stop ids, headways from a few numbers.
 */
import type { HourlyHeadways, HourRange, Pattern, PatternStop } from "./types";

/**
 * Parses "120 -121 -122 123 +234": stations from north to south, a leading
 * "-" marks a station the train runs through without stopping (kept for the
 * line's geometry and running time), a leading "+" a stop made on the
 * express track (PatternStop.expressTrack).
 */
export function stopsOf(spec: string): PatternStop[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((tok): PatternStop => {
      if (tok.startsWith("-")) return { stationId: tok.slice(1), stops: false };
      if (tok.startsWith("+")) return { stationId: tok.slice(1), stops: true, expressTrack: true };
      return { stationId: tok, stops: true };
    });
}

/** The local track, stopping everywhere (express service running local, late-night locals). */
export function allStops(spec: string): string {
  return spec.replace(/(^|\s)[-+]/g, "$1");
}

/**
 * Joins pattern strings that meet at a junction station ("A B C" + "C D"):
 * the shared station appears once, stopping if either part stops there.
 */
export function chain(...parts: string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    const toks = part.trim().split(/\s+/);
    const last = out.at(-1);
    if (last !== undefined && last.replace(/^-/, "") === toks[0].replace(/^-/, "")) {
      const stops = !last.startsWith("-") || !toks[0].startsWith("-");
      out[out.length - 1] = (stops ? "" : "-") + toks[0].replace(/^-/, "");
      toks.shift();
    }
    out.push(...toks);
  }
  return out.join(" ");
}

export const ALL_DAY: readonly HourRange[] = [[0, 24]];
export const DAYTIME: readonly HourRange[] = [[6, 23]];
export const NIGHTS: readonly HourRange[] = [
  [0, 6],
  [23, 24],
];
export const RUSH: readonly HourRange[] = [
  [6, 10],
  [15, 20],
];

export function pattern(
  id: string,
  routeId: string,
  pathCode: string,
  spec: string,
  hours: readonly HourRange[] = ALL_DAY,
  extra: Partial<Pick<Pattern, "weight" | "peak">> = {},
): Pattern {
  return { id, routeId, pathCode, stops: stopsOf(spec), hours, weight: extra.weight ?? 1, peak: extra.peak };
}

export interface HeadwayLevels {
  /** Minutes between trains in the morning (7-10) and evening (16-19) rush. */
  rush: number;
  /** Middays and early evening. */
  midday: number;
  /** Late nights (0-5); 0 = no night service. */
  night: number;
  /** Hours the line runs at all, when it does not run around the clock. */
  hours?: HourRange;
}

/**
 * A weekday's headways per hour: night service until 5, a ramp into the
 * morning rush, a flat midday, the evening rush, and a thinning evening.
 */
export function weekdayHeadways(l: HeadwayLevels): HourlyHeadways {
  const shoulder = Math.round((l.rush + l.midday) / 2);
  const lateEve = l.night ? Math.round((l.midday + l.night) / 2) : l.midday + 4;
  const raw = [
    l.night,
    l.night,
    l.night,
    l.night,
    l.night,
    l.night ? lateEve : 0,
    shoulder,
    l.rush,
    l.rush,
    l.rush,
    l.midday,
    l.midday,
    l.midday,
    l.midday,
    l.midday,
    shoulder,
    l.rush,
    l.rush,
    l.rush,
    shoulder,
    l.midday,
    l.midday + 2,
    lateEve,
    l.night || lateEve,
  ];
  const [from, to] = l.hours ?? [0, 24];
  return raw.map((h, hour) => (hour >= from && hour < to ? h : 0));
}
