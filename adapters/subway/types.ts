/**
 * One decoded subway GTFS-realtime feed, normalized: times are epoch
 * MILLISECONDS, directions are 'N' | 'S', the trip_update and vehicle
 * entities of a trip are merged into one SubwayTrip.
 */
export type Direction = "N" | "S";

/**
 * Where a trip's direction came from. Order of precedence: 'nyct' (explicit
 * NyctTripDescriptor.direction), 'tripId', 'stops' (the N/S suffix all its stop
 * ids agree on; also wins over a contradicting NYCT direction), 'default'
 * (nothing said: NORTH, the proto default, which the MTA leaves off the wire).
 */
export type DirectionSource = "nyct" | "tripId" | "stops" | "default";

export type VehicleStatus = "INCOMING_AT" | "STOPPED_AT" | "IN_TRANSIT_TO";

/** trip_id: origin time (hundredths of a minute after midnight), '_', route, dots, direction, path code. */
export interface ParsedTripId {
  originMinutesHundredths: number;
  route: string;
  direction: Direction | null;
  pathCode: string;
}

export interface SubwayStop {
  stopId: string;
  /** The parent station: stop id without its N/S suffix. */
  stationId: string;
  direction: Direction;
  /** Departure at the trip's first listed stop, arrival elsewhere; each falls back to the other. */
  time: number;
  arrival?: number;
  departure?: number;
  stopSequence?: number;
  scheduledTrack?: string;
  actualTrack?: string;
}

export interface SubwayVehicle {
  timestamp?: number;
  stopId?: string;
  /** Absent on the wire in most MTA feeds: undefined, not the proto default IN_TRANSIT_TO. */
  status?: VehicleStatus;
  currentStopSequence?: number;
}

export interface SubwayTrip {
  /** trip_id repeats within a feed (same trip, different train ids): this key does not. */
  key: string;
  tripId: string;
  /** route_id; when empty, the trip_id's route part; when that is empty too, the train id's route character. */
  routeId: string;
  /** The trip_id's route part, which can differ from route_id ("6" for a 6X trip). */
  tripRoute: string;
  parsedTripId: ParsedTripId | null;
  direction: Direction;
  directionSource: DirectionSource;
  startDate: string | null;
  /** "HH:MM:SS" (may pass 24:00:00); derived from the trip_id origin time when the feed omits it. */
  startTime: string | null;
  startTimeDerived: boolean;
  trainId: string | null;
  /** false when absent: the MTA omits is_assigned=false on the wire. */
  isAssigned: boolean;
  /** trip_update.timestamp, when the producer sets it (the L feed does). */
  updatedAt?: number;
  stops: SubwayStop[];
  vehicle?: SubwayVehicle;
  /**
   * The body this trip's trip_update was decoded from (a view, not a copy: the body must not be changed
   * afterwards), the message being wire[wireStart, wireEnd). The same bytes decode to the same trip and
   * stops: the trip tracker tells an unchanged trip by them. Absent for a trip known only by its vehicle.
   */
  wire?: Uint8Array;
  wireStart?: number;
  wireEnd?: number;
}

export interface TripReplacementPeriod {
  routeId: string;
  startMs?: number;
  endMs: number;
}

/** A GTFS-realtime alert entity inside a subway feed (the MTA's "Train delayed" notes). */
export interface SubwayFeedAlert {
  id: string;
  text: string;
  trips: { tripId: string; routeId: string; trainId: string | null }[];
}

export interface SubwayFeedSnapshot {
  feed: string;
  url?: string;
  receivedAt: number;
  /** header.timestamp, ms. */
  timestamp: number;
  gtfsRealtimeVersion: string;
  nyctVersion: string;
  replacementPeriods: TripReplacementPeriod[];
  trips: SubwayTrip[];
  alerts: SubwayFeedAlert[];
  /** Records left out: entities with no trip id, stop updates with no stop id or no time, repeated trip keys. */
  dropped: number;
}
