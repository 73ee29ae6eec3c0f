/**
 * The weekday timetable: for each line and direction, departures stepped by
 * the hour's headway from the first hour of service to midnight, each given
 * to one of the patterns running that hour (weighted round robin); then
 * fitted to the shared tracks, so that trains can keep it (fit-to-tracks.ts).
 */
import type { Line, Network, Pattern } from "../network/types";
import { gtfsTripIdOf, shapeIdOf, terminalCode, trainIdOf, tripIdOf } from "./codes";
import { fitToTracks } from "./fit-to-tracks";
import { inTravelOrder, timeProfile } from "./running-times";
import type { Direction, ScheduledTrip, TimedStop } from "./types";

const DAY_S = 86_400;
const STEP_S = 30;
/** Where the round-the-clock timetables of all-night lines begin (the quietest hour). */
const NIGHT_ORIGIN_HOUR = 4;

/** Toward Manhattan in the morning (south on every line's orientation), home in the evening. */
export function isPeakDirection(hour: number, direction: Direction): boolean {
  if (hour >= 6 && hour < 10) return direction === "S";
  if (hour >= 15 && hour < 20) return direction === "N";
  return false;
}

function runsAt(p: Pattern, hour: number): boolean {
  return p.hours.some(([from, to]) => hour >= from && hour < to);
}

/** The patterns a departure at this hour in this direction can take. */
export function activePatterns(line: Line, hour: number, direction: Direction): Pattern[] {
  const peak = isPeakDirection(hour, direction);
  const open = line.patterns.filter((p) => runsAt(p, hour) && (p.peak !== "only" || peak));
  const hasPeakOnly = open.some((p) => p.peak === "only");
  return open.filter((p) => !(p.peak === "never" && hasPeakOnly));
}

function pickByWeight(patterns: Pattern[], counter: number): Pattern {
  const total = patterns.reduce((s, p) => s + p.weight, 0);
  let slot = counter % total;
  for (const p of patterns) {
    if (slot < p.weight) return p;
    slot -= p.weight;
  }
  return patterns[0];
}

/** Where in its first headway a line starts, so lines do not all leave on the hour. */
function firstOffset(lineIndex: number, direction: Direction, headwayMin: number): number {
  const spread = (lineIndex * 7 + (direction === "N" ? 3 : 0)) % Math.max(1, headwayMin);
  return spread * 60;
}

export class ProfileCache {
  private readonly byKey = new Map<string, TimedStop[]>();
  constructor(private readonly net: Network) {}

  of(line: Line, pattern: Pattern, direction: Direction): TimedStop[] {
    const key = `${pattern.id}|${direction}`;
    let p = this.byKey.get(key);
    if (!p) {
      p = timeProfile(this.net, line, inTravelOrder(pattern.stops, direction), direction);
      this.byKey.set(key, p);
    }
    return p;
  }
}

export function buildTimetable(net: Network, profiles = new ProfileCache(net)): ScheduledTrip[] {
  const trips: ScheduledTrip[] = [];
  net.lines.forEach((line, lineIndex) => {
    for (const direction of ["S", "N"] as const) {
      const firstHour = line.headways.findIndex((h) => h > 0);
      if (firstHour < 0) continue;
      // A line running all night runs the same timetable every day: its departures are one
      // sequence round the clock from a quiet hour, so that the last trains of one day and the
      // first of the next keep the night headway (no seam at midnight).
      const allNight = line.headways.every((h) => h > 0);
      const origin = (allNight ? NIGHT_ORIGIN_HOUR : firstHour) * 3600;
      const first = origin + firstOffset(lineIndex, direction, line.headways[origin / 3600]);
      const end = allNight ? first + DAY_S : DAY_S;
      let t = first;
      let counter = 0;
      while (t < end) {
        const hour = Math.floor(t / 3600) % 24;
        const headway = line.headways[hour];
        // Round the clock, the last departure keeps at least half a headway before the next day's first.
        if (allNight && t > end - (headway * 60) / 2) break;
        const patterns = headway > 0 ? activePatterns(line, hour, direction) : [];
        if (patterns.length === 0) {
          t = (Math.floor(t / 3600) + 1) * 3600;
          continue;
        }
        const pattern = pickByWeight(patterns, counter++);
        const stops = profiles.of(line, pattern, direction);
        const start = (Math.round(t / STEP_S) * STEP_S) % DAY_S;
        const tripId = tripIdOf(start, pattern, direction);
        trips.push({
          index: trips.length,
          line,
          pattern,
          routeId: pattern.routeId,
          direction,
          start,
          tripId,
          gtfsTripId: gtfsTripIdOf(tripId),
          trainId: trainIdOf(
            line,
            start,
            terminalCode(net, stops[0].stationId),
            terminalCode(net, stops.at(-1)!.stationId),
          ),
          shapeId: shapeIdOf(pattern, direction),
          stops,
        });
        t += headway * 60;
      }
    }
  });
  fitToTracks(trips);
  return trips;
}
