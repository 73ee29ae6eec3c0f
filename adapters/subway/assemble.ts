/**
 * Merges the raw trip_update, vehicle and alert entities of a subway feed
 * into one SubwayTrip per trip key, in feed order.
 */
import { normalizeTrip, tripKey } from "./trip-normalize";
import type { SubwayFeedAlert, SubwayFeedSnapshot, SubwayTrip } from "./types";
import type { RawFeed } from "./wire-feed";

export interface AssembleContext {
  feed: string;
  url?: string;
  receivedAt: number;
  timestamp: number;
  nyctVersion: string;
}

export function assembleSnapshot(raw: RawFeed, ctx: AssembleContext): SubwayFeedSnapshot {
  const trips: SubwayTrip[] = [];
  const byKey = new Map<string, SubwayTrip>();
  let dropped = 0;

  for (const update of raw.tripUpdates) {
    dropped += update.dropped;
    if (!update.trip?.tripId) {
      dropped++;
      continue;
    }
    const key = tripKey(update.trip);
    if (byKey.has(key)) {
      dropped++; // same trip, train and date twice: keep the first
      continue;
    }
    const trip = normalizeTrip(update.trip, key, update.stops);
    trip.updatedAt = update.timestamp;
    trip.wire = raw.bytes;
    trip.wireStart = update.wireStart;
    trip.wireEnd = update.wireEnd;
    byKey.set(key, trip);
    trips.push(trip);
  }

  for (const { trip: rawTrip, vehicle } of raw.vehicles) {
    if (!rawTrip?.tripId) {
      dropped++;
      continue;
    }
    const key = tripKey(rawTrip);
    const known = byKey.get(key);
    if (known) {
      known.vehicle = vehicle;
      continue;
    }
    const trip = normalizeTrip(rawTrip, key, [], vehicle.stopId);
    trip.vehicle = vehicle;
    byKey.set(key, trip);
    trips.push(trip);
  }

  const alerts: SubwayFeedAlert[] = raw.alerts.map((a) => ({
    id: a.id,
    text: a.text,
    trips: a.trips.map((t) => ({ tripId: t.tripId, routeId: t.routeId, trainId: t.trainId ?? null })),
  }));

  return {
    feed: ctx.feed,
    url: ctx.url,
    receivedAt: ctx.receivedAt,
    timestamp: ctx.timestamp,
    gtfsRealtimeVersion: raw.header.gtfsRealtimeVersion,
    nyctVersion: ctx.nyctVersion,
    replacementPeriods: raw.header.replacementPeriods,
    trips,
    alerts,
    dropped,
  };
}
