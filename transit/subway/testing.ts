/**
 * Test fixtures for the subway graph: a small scheduled network (route A
 * every 10 min, route B only 09:00-09:40), hand-made SubwayFeedSnapshots,
 * and a runner that plays them through subwayGraph with a 60 s clock.
 */
import {
  parseTripId,
  type SubwayFeedSnapshot,
  type SubwayTrip,
  type VehicleStatus,
} from "../../adapters/subway";
import { MINUTE, output, pullInput, type RunResult, run, timer } from "../../engine";
import type { LineStatus, MetricTick, StationArrivals, TrainView } from "../contract";
import { buildTransitNetwork, median, type TransitNetwork } from "../network";
import { loadTinyGtfs, type TinyTrip } from "../network/testing";
import { subwayGraph } from "./graph";
import { etaOf, type TrackedTrip } from "./types";

/** 2025-01-06 is a Monday; its service day starts at local midnight, 05:00 UTC. */
export const SERVICE_DATE = "20250106";
export const ORIGIN = Date.UTC(2025, 0, 6, 5);
/** Epoch ms of a local clock time on the test day. */
export const at = (h: number, m = 0, s = 0) => ORIGIN + ((h * 60 + m) * 60 + s) * 1000;

/** A1 (north) .. A6 (south) along one meridian, ~1.1 km apart; B1..B3 further east. */
export const A_STATIONS = ["A1", "A2", "A3", "A4", "A5", "A6"];
export const B_STATIONS = ["B1", "B2", "B3"];
export const RUN_SEC = 120;

const origin = (sec: number) => String(Math.round((sec / 60) * 100)).padStart(6, "0");

function scheduled(route: string, stations: string[], direction: "N" | "S", startSec: number): TinyTrip {
  const order = direction === "S" ? stations : [...stations].reverse();
  return {
    id: `WKD-${origin(startSec)}_${route}..${direction}`,
    route,
    direction,
    stops: order.map((s, i) => [s, startSec + i * RUN_SEC]),
  };
}

/** Route A every 10 min both ways 06:00-21:50; route B southbound only, 09:00-09:40. */
export async function testNetwork(): Promise<TransitNetwork> {
  const trips: TinyTrip[] = [];
  for (let m = 6 * 60; m < 22 * 60; m += 10)
    for (const d of ["N", "S"] as const) trips.push(scheduled("A", A_STATIONS, d, m * 60));
  for (let m = 9 * 60; m <= 9 * 60 + 40; m += 10) trips.push(scheduled("B", B_STATIONS, "S", m * 60));
  const gtfs = await loadTinyGtfs({
    stations: [
      ...A_STATIONS.map((id, i) => ({ id, name: `${id} St`, lat: 40.8 - i * 0.01, lon: -73.9 })),
      ...B_STATIONS.map((id, i) => ({ id, name: `${id} St`, lat: 40.8 - i * 0.01, lon: -73.8 })),
    ],
    routes: [
      { id: "A", color: "0039A6" },
      { id: "B", color: "FF6319" },
    ],
    trips,
  });
  return buildTransitNetwork(gtfs, SERVICE_DATE);
}

export interface FakeTrip {
  /** Realtime trip id, e.g. "048000_A..S" (08:00 southbound A). */
  tripId: string;
  /** [station id, predicted arrival ms] of the stops still ahead. */
  stops: Array<[string, number]>;
  trainId?: string;
  assigned?: boolean;
  vehicleTimestamp?: number;
  vehicleStatus?: VehicleStatus;
  vehicleStopId?: string;
}

/** The realtime id of the scheduled A/B trip leaving its origin at h:m. */
export const tripIdAt = (route: string, direction: "N" | "S", h: number, m: number) =>
  `${origin((h * 60 + m) * 60)}_${route}..${direction}`;

export function subwayTrip(f: FakeTrip): SubwayTrip {
  const parsed = parseTripId(f.tripId)!;
  const direction = parsed.direction ?? "N";
  const trip: SubwayTrip = {
    key: `${SERVICE_DATE}|${f.tripId}|${f.trainId ?? ""}`,
    tripId: f.tripId,
    routeId: parsed.route,
    tripRoute: parsed.route,
    parsedTripId: parsed,
    direction,
    directionSource: "tripId",
    startDate: SERVICE_DATE,
    startTime: null,
    startTimeDerived: false,
    trainId: f.trainId ?? null,
    isAssigned: f.assigned ?? true,
    stops: f.stops.map(([stationId, time]) => ({
      stopId: `${stationId}${direction}`,
      stationId,
      direction,
      time,
      arrival: time,
      departure: time,
    })),
  };
  if (f.vehicleTimestamp !== undefined || f.vehicleStatus !== undefined) {
    trip.vehicle = { timestamp: f.vehicleTimestamp, status: f.vehicleStatus, stopId: f.vehicleStopId };
  }
  return trip;
}

export function snapshot(
  feed: string,
  timestamp: number,
  trips: FakeTrip[],
  replacementPeriods: SubwayFeedSnapshot["replacementPeriods"] = [],
): SubwayFeedSnapshot {
  return {
    feed,
    receivedAt: timestamp,
    timestamp,
    gtfsRealtimeVersion: "1.0",
    nyctVersion: "1.0",
    replacementPeriods,
    trips: trips.map(subwayTrip),
    alerts: [],
    dropped: 0,
  };
}

/**
 * A train running to a known timetable (the truth): at snapshot time ts its
 * upcoming stops are those it has not reached, predicted at `predict(station,
 * true time)` (default: exactly on time).
 */
export function upcoming(
  truth: Array<[string, number]>,
  ts: number,
  predict: (station: string, trueTime: number) => number = (_s, t) => t,
): Array<[string, number]> {
  return truth.filter(([, t]) => t > ts).map(([s, t]) => [s, predict(s, t)]);
}

/** A's southbound timetable for a train leaving A1 at `start` (ms), RUN_SEC between stations. */
export const southboundA = (start: number, runSec = RUN_SEC): Array<[string, number]> =>
  A_STATIONS.map((s, i) => [s, start + i * runSec * 1000]);

export interface SubwayRun {
  result: RunResult;
  metrics: Array<[number, MetricTick[]]>;
  trains: Array<[number, TrainView[]]>;
  arrivals: Array<[number, ReadonlyMap<string, StationArrivals>]>;
  status: Array<[number, LineStatus[]]>;
}

export interface RunSubwayOptions {
  start: number;
  end: number;
  stale?: Array<[number, ReadonlySet<string>]>;
  alerts?: Array<[number, ReadonlyMap<string, number>]>;
  /** Keep the engine's run hash (for replay-equality checks). */
  hash?: boolean;
}

/** Plays the snapshots (each at its own time) through subwayGraph with a 60 s clock from `start`. */
export function runSubway(
  net: TransitNetwork,
  snapshots: Array<[number, SubwayFeedSnapshot]>,
  opts: RunSubwayOptions,
): SubwayRun {
  const result = run(
    () => {
      const g = subwayGraph({
        snapshots: pullInput("snapshots", snapshots),
        network: net,
        clock: timer(MINUTE),
        staleFeeds: opts.stale ? pullInput("stale", opts.stale) : undefined,
        alertsByRoute: opts.alerts ? pullInput("alerts", opts.alerts) : undefined,
      });
      output("metrics", g.metrics);
      output("trains", g.trains);
      output("arrivals", g.arrivals);
      output("status", g.lineStatus);
    },
    { start: opts.start, end: opts.end, hash: opts.hash },
  );
  const o = result.outputs as Record<string, Array<[number, never]>>;
  return {
    result,
    metrics: o.metrics ?? [],
    trains: o.trains ?? [],
    arrivals: o.arrivals ?? [],
    status: o.status ?? [],
  };
}

/** The last value of a metric for a key at or before t (undefined when none). */
export function metricAt(r: SubwayRun, metric: string, key: Record<string, string>, t: number): unknown {
  let v: unknown;
  for (const [time, ticks] of r.metrics) {
    if (time > t) break;
    for (const m of ticks)
      if (
        m.metric === metric &&
        Object.entries(key).every(([k, x]) => m.key[k] === x) &&
        Object.keys(m.key).length === Object.keys(key).length
      )
        v = m.value;
  }
  return v;
}

/** The status of a route as of t. */
export function statusAt(r: SubwayRun, route: string, t: number): LineStatus | undefined {
  let s: LineStatus | undefined;
  for (const [time, list] of r.status) {
    if (time > t) break;
    s = list.find((x) => x.route === route) ?? s;
  }
  return s;
}

/** The trains as of t. */
export function trainsAt(r: SubwayRun, t: number): TrainView[] {
  let v: TrainView[] = [];
  for (const [time, list] of r.trains) {
    if (time > t) break;
    v = list;
  }
  return v;
}

export function arrivalsAt(r: SubwayRun, t: number): ReadonlyMap<string, StationArrivals> {
  let v: ReadonlyMap<string, StationArrivals> = new Map();
  for (const [time, m] of r.arrivals) {
    if (time > t) break;
    v = m;
  }
  return v;
}

export interface PlayedTrain {
  tripId: string;
  /** True arrival per station. */
  truth: Array<[string, number]>;
  /** Predicted arrival at snapshot time ts (default: the truth). */
  predict?: (station: string, trueTime: number, ts: number) => number;
  /** Listed from this time on (default: always, until its last stop is made). */
  from?: number;
  /** Anything else of the trip at snapshot time ts (vehicle fields, assignment). */
  extra?: (ts: number) => Partial<FakeTrip>;
}

/** One feed's snapshots every `everyMs` in [from, to): each lists the trains with stops still ahead. */
export function playTrains(
  trains: PlayedTrain[],
  from: number,
  to: number,
  opts: {
    feed?: string;
    everyMs?: number;
    periods?: (ts: number) => SubwayFeedSnapshot["replacementPeriods"];
  } = {},
): Array<[number, SubwayFeedSnapshot]> {
  const out: Array<[number, SubwayFeedSnapshot]> = [];
  for (let ts = from; ts < to; ts += opts.everyMs ?? 30_000) {
    const listed: FakeTrip[] = [];
    for (const tr of trains) {
      if (tr.from !== undefined && ts < tr.from) continue;
      const stops = upcoming(tr.truth, ts, tr.predict ? (s, t) => tr.predict!(s, t, ts) : undefined);
      if (stops.length === 0) continue;
      listed.push({ tripId: tr.tripId, stops, ...tr.extra?.(ts) });
    }
    out.push([ts, snapshot(opts.feed ?? "subway-ace", ts, listed, opts.periods?.(ts) ?? [])]);
  }
  return out;
}

/**
 * From scratch, what TravelTimes.observePredictions should make of one call's trips: per pair
 * ("direction from to"), the median of the positive gaps between consecutive predicted arrivals.
 */
export function predictedGapMedians(trips: readonly TrackedTrip[]): Map<string, number> {
  const gaps = new Map<string, number[]>();
  for (const t of trips)
    for (let i = 1; i < t.stops.length; i++) {
      const sec = (etaOf(t.stops[i]) - etaOf(t.stops[i - 1])) / 1000;
      const key = [t.direction, t.stops[i - 1].stationId, t.stops[i].stationId].join(" ");
      if (sec > 0) gaps.set(key, [...(gaps.get(key) ?? []), sec]);
    }
  return new Map([...gaps].map(([key, list]) => [key, median(list)]));
}
