/** What flows between the subway nodes (the outputs are contract.ts types). */
import type { SubwayStop, SubwayVehicle, TripReplacementPeriod } from "../../adapters/subway";
import type { Direction } from "../network";

export type { Direction };
export const DIRECTIONS: readonly Direction[] = ["N", "S"];

/** A trip as the tracker knows it after its feed's latest snapshot. Valid for the cycle it is emitted in. */
export interface TrackedTrip {
  key: string;
  tripId: string;
  feed: string;
  route: string;
  direction: Direction;
  trainId: string | null;
  isAssigned: boolean;
  /** origin|route|direction, to match the schedule (network tripMatchKey). */
  matchKey: string | null;
  /** Upcoming stops per the latest snapshot. */
  stops: readonly SubwayStop[];
  /** Header timestamp of the snapshot it was last in. */
  feedTimestamp: number;
  vehicle?: SubwayVehicle;
  /** First ETA ever seen per station of the trip. */
  firstEta: ReadonlyMap<string, number>;
  /** The last stop seen made. */
  lastMade: { stationId: string; time: number } | null;
  /**
   * In service at its snapshot's time: has a stop it has not yet left, and a train (see `pending`).
   * Trains running, the map, gaps ahead and routings run count these.
   */
  running: boolean;
  /**
   * Listed ahead of its start, with no train yet: not assigned to one, no vehicle status, no stop made,
   * its first stop still ahead. The feeds list the next 30-60 minutes of departures so (about 4 trips
   * in 10 of a real snapshot): riders can take them (arrivals, next-train wait), but they run nowhere yet.
   */
  pending: boolean;
  /** Whether the ETAs of `stops` never go down (nearly every trip's); the tracker keeps it with the stops, else computed when read. */
  etasAscend?: boolean;
}

/** A stop that left a trip's upcoming list: the train made it. */
export interface MadeStop {
  tripKey: string;
  route: string;
  direction: Direction;
  stationId: string;
  /** min(newer snapshot's timestamp, last predicted arrival). */
  time: number;
  assigned: boolean;
  /** First ETA seen for this stop on this trip. */
  firstEta: number;
  /** The trip's stop made just before, when seen: a run between consecutive stations. */
  from: { stationId: string; time: number } | null;
}

export interface FeedState {
  feed: string;
  timestamp: number;
  replacementPeriods: readonly TripReplacementPeriod[];
  /** matchKeys of the trips in its latest snapshot. */
  matchKeys: ReadonlySet<string>;
}

/** The tracker's output: every tracked trip and what changed. */
export interface TrackerTick {
  /** Trips of every feed: feed by feed, by key within a feed. */
  trips: readonly TrackedTrip[];
  /** The same trips per feed (feeds by id, trips by key). */
  byFeed: ReadonlyMap<string, readonly TrackedTrip[]>;
  /** Stops made in this cycle, by time then trip key. */
  made: readonly MadeStop[];
  feeds: ReadonlyMap<string, FeedState>;
  /** The feed whose snapshot caused this tick (null: trips expired on the clock). */
  feed: string | null;
  /** Network routes and every route seen in a feed, sorted. */
  routes: readonly string[];
}

/** Per trip, what the metrics and views need, at one engine time. */
export interface TripStatus {
  trip: TrackedTrip;
  delaySec: number;
  discrepancySec: number;
  stalled: boolean;
  delayed: boolean;
}

/** ETA of a stop: its arrival when given (the decoder's `time` is the departure at the first listed stop). */
export const etaOf = (s: SubwayStop): number => s.arrival ?? s.time;
/** When the train leaves the stop: departure when given. */
export const leavesAt = (s: SubwayStop): number => s.departure ?? s.arrival ?? s.time;
