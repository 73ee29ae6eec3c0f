/** The weekday timetable the demo runs: trips with their stops and times. */
import type { Line, Pattern } from "../network/types";

export type Direction = "N" | "S";

/** A stop a trip makes, with its time from the trip's start and the track it uses. */
export interface TimedStop {
  stationId: string;
  /** Platform stop id: station id + direction, e.g. "127S". */
  stopId: string;
  /** Seconds after the trip's start, in the published timetable (30 s steps, arrival = departure). */
  offset: number;
  /** Seconds after the trip's start the run itself takes to get here (unrounded, before dwell). */
  runOffset: number;
  /** Seconds the train normally stands here. */
  dwell: number;
  /** NYCT track name, e.g. "2" (IRT southbound express) or "A3". */
  track: string;
  /** Served from the express track. */
  express: boolean;
}

export interface ScheduledTrip {
  /** Position in the day's timetable; stable for a given network. */
  index: number;
  line: Line;
  pattern: Pattern;
  /** Route riders see (the pattern's: "6X" for the diamond 6). */
  routeId: string;
  direction: Direction;
  /** Departure from the origin, seconds after the service day's midnight (30 s steps). */
  start: number;
  /** The realtime trip id, e.g. "053700_B..S65R". */
  tripId: string;
  /** The static GTFS trip id, which ends with the realtime one. */
  gtfsTripId: string;
  /** NYCT train id, e.g. "1B 0857 BPK/BBC". */
  trainId: string;
  shapeId: string;
  stops: TimedStop[];
}
