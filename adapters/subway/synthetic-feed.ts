/**
 * A deterministic, realistic-looking subway feed built with the encoder: the
 * benchmark's input when the real samples are absent, and a base payload for
 * fuzzing. Shaped like the 1234567S feed: a trip_update then a vehicle per
 * trip, NYCT extension everywhere, NORTH left off the wire.
 */

import type { SubwayFeedMessageObject } from "../gtfsrt/objects";
import { encodeSubwayFeedMessage } from "../gtfsrt/schema";

export interface SyntheticFeedOptions {
  trips?: number;
  stopsPerTrip?: number;
  /** Header timestamp, epoch seconds. */
  timestamp?: number;
}

const ROUTES = ["1", "2", "3", "4", "5", "6"];

export function syntheticSubwayFeedObject(options: SyntheticFeedOptions = {}): SubwayFeedMessageObject {
  const { trips = 250, stopsPerTrip = 20, timestamp = 1759414800 } = options;
  const entity: SubwayFeedMessageObject["entity"] = [];
  for (let i = 0; i < trips; i++) {
    const route = ROUTES[i % ROUTES.length];
    const south = i % 2 === 1;
    const dir = south ? "S" : "N";
    const origin = String(30000 + i * 50).padStart(6, "0");
    const tripId = `${origin}_${route}..${dir}${String(i % 10).padStart(2, "0")}R`;
    const trip = {
      tripId,
      routeId: route,
      startDate: "20251002",
      ".transit_realtime.nyctTripDescriptor": {
        trainId: `0${route} ${origin.slice(0, 4)}+ SFT/242`,
        isAssigned: i % 5 !== 0 ? true : undefined,
        direction: south ? ("SOUTH" as const) : undefined,
      },
    };
    const stopTimeUpdate = [];
    for (let s = 0; s < stopsPerTrip; s++) {
      const t = timestamp + 60 + s * 90 + i;
      const stopId = `${route}${String(10 + s).padStart(2, "0")}${dir}`;
      stopTimeUpdate.push({
        stopId,
        arrival: s === 0 ? undefined : { time: t },
        departure: s === stopsPerTrip - 1 ? undefined : { time: t + 20 },
        ".transit_realtime.nyctStopTimeUpdate":
          s === 0 ? { scheduledTrack: "1", actualTrack: "1" } : { scheduledTrack: "1" },
      });
    }
    entity.push({ id: `${i * 2 + 1}`, tripUpdate: { trip, stopTimeUpdate } });
    entity.push({
      id: `${i * 2 + 2}`,
      vehicle: {
        trip,
        stopId: stopTimeUpdate[0].stopId,
        currentStopSequence: 3,
        currentStatus: i % 3 === 0 ? "STOPPED_AT" : undefined,
        timestamp: timestamp - 10,
      },
    });
  }
  return {
    header: {
      gtfsRealtimeVersion: "1.0",
      timestamp,
      ".transit_realtime.nyctFeedHeader": {
        nyctSubwayVersion: "1.0",
        tripReplacementPeriod: ROUTES.map((routeId) => ({
          routeId,
          replacementPeriod: { end: timestamp + 1800 },
        })),
      },
    },
    entity,
  };
}

export function syntheticSubwayFeed(options: SyntheticFeedOptions = {}): Uint8Array {
  return encodeSubwayFeedMessage(syntheticSubwayFeedObject(options));
}
