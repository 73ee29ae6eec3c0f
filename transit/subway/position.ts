/**
 * Where to draw a train (METRICS.md): between the stop last made and the
 * next stop, progress = (now - time of last stop) / (next ETA - time of last
 * stop) with the ETA floored at now + 60 s, placed along the line's shape.
 * A train stopped at a station sits on it, not past it.
 */
import type { TransitNetwork } from "../network";
import { ETA_FLOOR_MS } from "./constants";
import type { TypicalSec } from "./trip-delay";
import { etaOf, type TrackedTrip } from "./types";

export interface TrainPosition {
  lastStationId: string | null;
  nextStationId: string | null;
  progress: number;
  atStation: boolean;
  lat: number;
  lon: number;
  bearing: number | null;
  nextEta: number | null;
}

function atStationPosition(trip: TrackedTrip, index: number, net: TransitNetwork): TrainPosition | null {
  const here = trip.stops[index];
  const st = net.stations.get(here.stationId);
  if (!st) return null;
  const after = trip.stops[index + 1];
  const ahead = after ? net.pointBetween(trip.route, here.stationId, after.stationId, 0) : null;
  return {
    lastStationId: here.stationId,
    nextStationId: after?.stationId ?? null,
    progress: 0,
    atStation: true,
    lat: st.lat,
    lon: st.lon,
    bearing: ahead?.bearing ?? null,
    nextEta: after ? etaOf(after) : null,
  };
}

/** null when the train cannot be placed (no stops ahead, or stations missing from the network). */
export function trainPosition(
  trip: TrackedTrip,
  now: number,
  net: TransitNetwork,
  typical: TypicalSec,
): TrainPosition | null {
  const next = trip.stops[0];
  if (!next) return null;
  const eta = etaOf(next);
  const v = trip.vehicle;
  const stoppedHere =
    v?.status === "STOPPED_AT" && v.stopId !== undefined && v.stopId.slice(0, -1) === next.stationId;
  if (stoppedHere || eta <= now) return atStationPosition(trip, 0, net);

  let from = trip.lastMade?.stationId;
  let fromTime = trip.lastMade?.time;
  if (from === undefined) {
    // First seen mid-route: the station before on the line, left a typical run before the ETA.
    from = net.previousStation(trip.route, trip.direction, next.stationId);
    const tt = from === undefined ? undefined : typical(trip.direction, from, next.stationId);
    if (from === undefined || tt === undefined) return atStationPosition(trip, 0, net); // at its origin
    fromTime = eta - tt * 1000;
  }
  const floored = Math.max(eta, now + ETA_FLOOR_MS);
  const span = floored - fromTime!;
  const progress = span > 0 ? Math.min(1, Math.max(0, (now - fromTime!) / span)) : 0;
  const p = net.pointBetween(trip.route, from, next.stationId, progress);
  if (!Number.isFinite(p.lat)) return null;
  return {
    lastStationId: from,
    nextStationId: next.stationId,
    progress,
    atStation: false,
    lat: p.lat,
    lon: p.lon,
    bearing: p.bearing,
    nextEta: eta,
  };
}
