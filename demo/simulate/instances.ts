/**
 * The trips that run on the simulated day: the timetable's trips of the day
 * before (still running after midnight), of the day itself and of the next
 * day's first hour, each with the stops it will actually serve once the
 * day's reroutes, local running, planned work and cancellations apply.
 */
import { stopsOf } from "../network/build-helpers";
import type { Network, PatternStop } from "../network/types";
import { inTravelOrder, timeProfile } from "../schedule/running-times";
import type { ScheduledTrip, TimedStop } from "../schedule/types";
import type { Incident } from "./incidents";
import { type Rng, stream } from "./prng";

const DAY_S = 86_400;

export interface OperatedStop {
  stationId: string;
  stopId: string;
  /** Track the train uses today. */
  track: string;
  /** Track the timetable has it on (the same unless the trip is rerouted or runs local). */
  scheduledTrack: string;
  /** Planned time here, seconds after the simulated day's midnight. */
  nominal: number;
  /** Planned running time from the previous stop (0 at the origin), unrounded. */
  run: number;
  dwell: number;
  /** Simulated arrival and departure (filled by operate). */
  arr: number;
  dep: number;
}

export interface OperatedTrip {
  /** Position in the day's list; stable for a given seed and network. */
  index: number;
  trip: ScheduledTrip;
  /** Service day relative to the simulated date: -1 the day before, 0 the day, 1 the next. */
  dayOffset: -1 | 0 | 1;
  stops: OperatedStop[];
  /** Id of the incident that changed the trip's stops, if any. */
  changedBy?: string;
  /**
   * An unplanned change (reroute, running local) reaches the feeds when its
   * incident starts: until `at` they list the timetable's stops, `planned`.
   */
  unannounced?: { at: number; planned: OperatedStop[] };
  /** Set by operate when the trip was held by a hold incident. */
  held?: { incidentId: string; stopIndex: number; from: number; until: number };
}

/** Trips of other service days that overlap the simulated day (plus the next day's first hour, for look-ahead). */
function overlapsDay(trip: ScheduledTrip, dayOffset: -1 | 0 | 1): boolean {
  const start = trip.start + dayOffset * DAY_S;
  const end = start + trip.stops.at(-1)!.offset;
  return end > -600 && start < DAY_S + 3600;
}

function operatedStops(
  timed: readonly TimedStop[],
  scheduled: readonly TimedStop[],
  anchor: number,
  scheduledAnchor: number,
): OperatedStop[] {
  const schedTrack = new Map(scheduled.map((s) => [s.stationId, s.track]));
  const schedTime = new Map(scheduled.map((s) => [s.stationId, scheduledAnchor + s.offset]));
  // Keep the published times where the trip still serves a stop of the timetable before any change.
  const firstCommon = timed.find((s) => schedTime.has(s.stationId));
  const shift = firstCommon ? schedTime.get(firstCommon.stationId)! - (anchor + firstCommon.offset) : 0;
  return timed.map((s, i) => ({
    stationId: s.stationId,
    stopId: s.stopId,
    track: s.track,
    scheduledTrack: schedTrack.get(s.stationId) ?? s.track,
    nominal: anchor + shift + s.offset,
    run: i === 0 ? 0 : s.runOffset - timed[i - 1].runOffset - timed[i - 1].dwell,
    dwell: s.dwell,
    arr: 0,
    dep: 0,
  }));
}

/** The pattern stations (travel order) a trip runs today, and which incident changed them. */
function todaysPath(
  trip: ScheduledTrip,
  startToday: number,
  incidents: readonly Incident[],
): { seq: PatternStop[]; changedBy?: string } {
  let seq = inTravelOrder(trip.pattern.stops, trip.direction);
  const timeAt = (stationId: string) => {
    const s = trip.stops.find((x) => x.stationId === stationId);
    return s ? startToday + s.offset : Number.NaN;
  };
  for (const inc of incidents) {
    if (!("routeIds" in inc) || !inc.routeIds.includes(trip.routeId)) continue;
    if (inc.kind === "reroute" && inc.direction === trip.direction) {
      const t = timeAt(inc.afterStationId);
      const a = seq.findIndex((s) => s.stationId === inc.afterStationId);
      const r = seq.findIndex((s) => s.stationId === inc.rejoinStationId);
      if (t >= inc.from && t < inc.to && a >= 0 && r > a) {
        seq = [...seq.slice(0, a + 1), ...stopsOf(inc.via), ...seq.slice(r)];
        return { seq, changedBy: inc.id };
      }
    }
    if (inc.kind === "run-local" && inc.direction === trip.direction) {
      const t = timeAt(inc.fromStationId);
      const f = seq.findIndex((s) => s.stationId === inc.fromStationId);
      const to = seq.findIndex((s) => s.stationId === inc.toStationId);
      if (t >= inc.from && t < inc.to && f >= 0 && to > f) {
        seq = seq.map((s, i) => (i > f && i < to ? { ...s, stops: true } : s));
        return { seq, changedBy: inc.id };
      }
    }
    if (inc.kind === "truncate") {
      // Planned night work repeats every night: compare the time of day.
      const tod = ((startToday % DAY_S) + DAY_S) % DAY_S;
      if (inc.windows.some(([from, to]) => tod >= from && tod < to)) {
        const closed = new Set(inc.closedStationIds);
        const kept = seq.filter((s) => !closed.has(s.stationId));
        if (kept.length < seq.length && kept.filter((s) => s.stops).length >= 2)
          return { seq: kept, changedBy: inc.id };
      }
    }
  }
  return { seq };
}

function cancelled(trips: OperatedTrip[], incidents: readonly Incident[], rng: Rng): Set<number> {
  const out = new Set<number>();
  for (const inc of incidents) {
    if (inc.kind !== "cancel") continue;
    const pool = trips.filter(
      (t) =>
        inc.routeIds.includes(t.trip.routeId) &&
        t.stops[0].nominal >= inc.from &&
        t.stops[0].nominal < inc.to,
    );
    for (let k = 0; k < inc.count && pool.length > 0; k++) {
      out.add(pool.splice(Math.floor(rng() * pool.length), 1)[0].index);
    }
  }
  return out;
}

export function buildInstances(
  net: Network,
  timetable: readonly ScheduledTrip[],
  incidents: readonly Incident[],
  seed: number,
): { trips: OperatedTrip[]; cancelled: OperatedTrip[] } {
  const all: OperatedTrip[] = [];
  for (const dayOffset of [-1, 0, 1] as const) {
    for (const trip of timetable) {
      if (!overlapsDay(trip, dayOffset)) continue;
      const startToday = trip.start + dayOffset * DAY_S;
      // Only the simulated day has incidents; the days around it run as planned (planned work aside).
      const applicable = dayOffset === 0 ? incidents : incidents.filter((i) => i.kind === "truncate");
      const { seq, changedBy } = todaysPath(trip, startToday, applicable);
      const timed = changedBy ? timeProfile(net, trip.line, seq, trip.direction) : trip.stops;
      const incident = changedBy === undefined ? undefined : incidents.find((i) => i.id === changedBy);
      const announcedAt =
        incident?.kind === "reroute" || incident?.kind === "run-local" ? incident.from : undefined;
      all.push({
        index: all.length,
        trip,
        dayOffset,
        stops: operatedStops(timed, trip.stops, startToday, startToday),
        changedBy,
        ...(announcedAt !== undefined
          ? {
              unannounced: {
                at: announcedAt,
                planned: operatedStops(trip.stops, trip.stops, startToday, startToday),
              },
            }
          : {}),
      });
    }
  }
  const gone = cancelled(all, incidents, stream(seed, "cancel"));
  const trips: OperatedTrip[] = [];
  const dropped: OperatedTrip[] = [];
  for (const t of all) (gone.has(t.index) ? dropped : trips).push(t);
  trips.forEach((t, i) => {
    t.index = i;
  });
  return { trips, cancelled: dropped };
}
