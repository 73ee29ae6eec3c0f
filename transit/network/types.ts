/**
 * The static side of the transit graph, precomputed once per service day
 * from the static GTFS: what the realtime metrics compare against.
 * GTFS times are seconds after the service day's origin (local noon minus
 * 12 h); here they are turned into epoch ms once, with `dayOriginMs`.
 */
import type { AdaStatus } from "../../adapters/gtfs-static";

export type Direction = "N" | "S";

export interface NetworkStation {
  /** Parent station id ("A02"). */
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** Route ids that stop here on the service day (sorted); Stations.csv's daytime routes when none. */
  routes: string[];
  ada: AdaStatus | null;
}

export interface NetworkRoute {
  id: string;
  shortName: string;
  longName: string;
  /** "#RRGGBB", never empty (a fallback when routes.txt gives none). */
  color: string;
  textColor: string;
}

/** A distinct stop sequence run by a route in one direction on the service day. */
export interface StopPattern {
  /** `${route}:${direction}:${rank}`; rank 0 is the main routing (most trips). */
  id: string;
  route: string;
  direction: Direction;
  /** Parent station ids in travel order. */
  stations: readonly string[];
  tripCount: number;
  /** Trips of this pattern starting in each hour of the service day (index = hours after the origin). */
  startsByHour: readonly number[];
  /** Median of (last arrival - first departure), seconds. */
  runtimeSec: number;
  /** Most common shape_id of its trips, when the trips name one. */
  shapeId: string | null;
}

/** A trip of the service day, for telling which scheduled trips the feed left out. */
export interface ScheduledTrip {
  /** trips.txt id. */
  tripId: string;
  /** origin|route|direction, the part of a trip id that the realtime feed repeats (see tripMatchKey). */
  matchKey: string;
  route: string;
  direction: Direction;
  patternId: string;
  /** Epoch ms of the first departure and the last arrival. */
  startMs: number;
  endMs: number;
  /** Epoch ms per station of the pattern (same order). */
  times: Float64Array;
}

/** Scheduled headway summary for one hour: over every station of a line. */
export interface HourlyHeadway {
  meanSec: number;
  maxSec: number;
}

/** A stretch of line geometry as interleaved lat, lon pairs. */
export type Polyline = Float64Array;
