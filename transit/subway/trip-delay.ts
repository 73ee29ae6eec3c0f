/**
 * Per trip (METRICS.md): schedule discrepancy (current ETA at the next stop
 * minus the first ETA ever seen for it), delay = max(0, min(discrepancy,
 * now - (previous stop made + typical travel time to the next stop))), and
 * stalled (vehicle timestamp more than 90 s behind the feed's). A train
 * standing at a station counts that station as its previous stop.
 */
import { DELAYED_SEC, STALLED_LAG_MS } from "./constants";
import { type Direction, etaOf, type TrackedTrip, type TripStatus } from "./types";

export type TypicalSec = (direction: Direction, from: string, to: string) => number | undefined;

export function isStalled(trip: TrackedTrip): boolean {
  const v = trip.vehicle?.timestamp;
  return v !== undefined && trip.feedTimestamp - v > STALLED_LAG_MS;
}

export function tripDelay(
  trip: TrackedTrip,
  now: number,
  typical: TypicalSec,
): { discrepancySec: number; delaySec: number } {
  let next = trip.stops[0];
  if (!next) return { discrepancySec: 0, delaySec: 0 };
  let previous = trip.lastMade;
  // A train standing at a station (its arrival there already past) has reached it and is
  // bound for the stop after: held there, it grows late against that one. Its first listed
  // stop would only ever show the arrival it already made.
  const here = trip.stops[0];
  if (trip.stops.length > 1 && here.arrival !== undefined && here.arrival <= trip.feedTimestamp) {
    previous = { stationId: here.stationId, time: here.arrival };
    next = trip.stops[1];
  }
  const eta = etaOf(next);
  const discrepancySec = (eta - (trip.firstEta.get(next.stationId) ?? eta)) / 1000;
  let bound = Number.POSITIVE_INFINITY;
  // Without a stop seen made (a trip first seen mid-route) only the discrepancy is known.
  if (previous) {
    const tt = typical(trip.direction, previous.stationId, next.stationId);
    if (tt !== undefined) bound = (now - (previous.time + tt * 1000)) / 1000;
  }
  return { discrepancySec, delaySec: Math.max(0, Math.min(discrepancySec, bound)) };
}

export function tripStatus(trip: TrackedTrip, now: number, typical: TypicalSec): TripStatus {
  const { discrepancySec, delaySec } = tripDelay(trip, now, typical);
  return { trip, delaySec, discrepancySec, stalled: isStalled(trip), delayed: delaySec >= DELAYED_SEC };
}
