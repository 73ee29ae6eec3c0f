/**
 * Hand-written wire decoding of the trip-level GTFS-realtime messages with
 * the NYCT extension (field numbers per adapters/proto). Reads only what the
 * snapshot needs, straight into plain records: no Long objects, no
 * intermediate message objects. Unknown fields are skipped.
 */

import * as intern from "../gtfsrt/intern";
import type { Reader } from "../gtfsrt/wire";
import * as wire from "../gtfsrt/wire";
import type { SubwayStop, SubwayVehicle, VehicleStatus } from "./types";

// Bound once at load: loaders that expose imports as getters (vitest, CommonJS interop)
// would otherwise pay a getter call per field in these hot loops.
const { closeMessage, messageEnd, readTag, readVarintNumber, skipField } = wire;
const { internBytes, readInternedString } = intern;
const {
  T1_VAR,
  T2_VAR,
  T3_VAR,
  T4_VAR,
  T5_VAR,
  T1_LEN,
  T2_LEN,
  T3_LEN,
  T4_LEN,
  T5_LEN,
  T7_LEN,
  T10_LEN,
  EXT_LEN,
} = wire;

/** TripDescriptor + NyctTripDescriptor, flattened. Empty string = absent. */
export interface RawTrip {
  tripId: string;
  routeId: string;
  startTime: string;
  startDate: string;
  trainId: string | undefined;
  isAssigned: boolean | undefined;
  /** NyctTripDescriptor.Direction: 1 NORTH, 2 EAST, 3 SOUTH, 4 WEST; 0 = absent. */
  nyctDirection: number;
}

export interface RawTripUpdate {
  trip: RawTrip | null;
  stops: SubwayStop[];
  timestamp: number | undefined;
  /** Stop updates left out for lacking a stop id or any time. */
  dropped: number;
  /** Where the TripUpdate message lies in the reader's buffer: [wireStart, wireEnd). */
  wireStart: number;
  wireEnd: number;
}

export interface RawVehicle {
  trip: RawTrip | null;
  vehicle: SubwayVehicle;
}

export interface RawTripAlert {
  text: string;
  trips: RawTrip[];
}

export function readTripDescriptor(r: Reader, end: number): RawTrip {
  const trip: RawTrip = {
    tripId: "",
    routeId: "",
    startTime: "",
    startDate: "",
    trainId: undefined,
    isAssigned: undefined,
    nyctDirection: 0,
  };
  while (r.pos < end) {
    const tag = readTag(r);
    switch (tag) {
      case T1_LEN:
        trip.tripId = readInternedString(r);
        break;
      case T2_LEN:
        trip.startTime = readInternedString(r);
        break;
      case T3_LEN:
        trip.startDate = readInternedString(r);
        break;
      case T5_LEN:
        trip.routeId = readInternedString(r);
        break;
      case EXT_LEN:
        readNyctTripDescriptor(r, messageEnd(r), trip);
        break;
      default:
        skipField(r, tag & 7);
    }
  }
  closeMessage(r, end);
  return trip;
}

function readNyctTripDescriptor(r: Reader, end: number, trip: RawTrip): void {
  while (r.pos < end) {
    const tag = readTag(r);
    switch (tag) {
      case T1_LEN:
        trip.trainId = readInternedString(r);
        break;
      case T2_VAR:
        trip.isAssigned = r.bool();
        break;
      case T3_VAR:
        trip.nyctDirection = r.int32();
        break;
      default:
        skipField(r, tag & 7);
    }
  }
  closeMessage(r, end);
}

export function readTripUpdate(r: Reader, end: number): RawTripUpdate {
  const update: RawTripUpdate = {
    trip: null,
    stops: [],
    timestamp: undefined,
    dropped: 0,
    wireStart: r.pos,
    wireEnd: end,
  };
  while (r.pos < end) {
    const tag = readTag(r);
    switch (tag) {
      case T1_LEN:
        update.trip = readTripDescriptor(r, messageEnd(r));
        break;
      case T2_LEN: {
        const stop = readStopTimeUpdate(r, messageEnd(r), update.stops.length === 0);
        if (stop) update.stops.push(stop);
        else update.dropped++;
        break;
      }
      case T4_VAR:
        update.timestamp = readVarintNumber(r) * 1000;
        break;
      default:
        skipField(r, tag & 7);
    }
  }
  closeMessage(r, end);
  return update;
}

/**
 * One StopTimeUpdate as a SubwayStop, or null without a stop id or any time.
 * `direction` comes from the stop id's N/S suffix; the caller fills it in from
 * the trip when the suffix is missing.
 */
function readStopTimeUpdate(r: Reader, end: number, isFirst: boolean): SubwayStop | null {
  let stopId = "";
  let stopIdAt = 0;
  let arrival: number | undefined;
  let departure: number | undefined;
  let stopSequence: number | undefined;
  let scheduledTrack: string | undefined;
  let actualTrack: string | undefined;
  while (r.pos < end) {
    const tag = readTag(r);
    switch (tag) {
      case T1_VAR:
        stopSequence = r.uint32();
        break;
      case T2_LEN:
        arrival = readEventTime(r, messageEnd(r));
        break;
      case T3_LEN:
        departure = readEventTime(r, messageEnd(r));
        break;
      case T4_LEN:
        stopIdAt = r.pos;
        stopId = readInternedString(r);
        break;
      case EXT_LEN: {
        const trackEnd = messageEnd(r);
        while (r.pos < trackEnd) {
          const t = readTag(r);
          if (t === T1_LEN) scheduledTrack = readInternedString(r);
          else if (t === T2_LEN) actualTrack = readInternedString(r);
          else skipField(r, t & 7);
        }
        closeMessage(r, trackEnd);
        break;
      }
      default:
        skipField(r, tag & 7);
    }
  }
  closeMessage(r, end);
  const time = isFirst ? (departure ?? arrival) : (arrival ?? departure);
  if (stopId === "" || time === undefined) return null;
  const last = stopId.charCodeAt(stopId.length - 1);
  return {
    stopId,
    stationId: stationIdOf(stopId, r.buf, stopIdAt),
    direction: last === 83 ? "S" : "N", // 'S'; a missing suffix is fixed up from the trip
    time,
    arrival,
    departure,
    stopSequence,
    scheduledTrack,
    actualTrack,
  };
}

/** The parent station: the stop id without its N/S suffix, interned straight from the bytes. */
function stationIdOf(stopId: string, buf: Uint8Array, stopIdAt: number): string {
  const length = stopId.length;
  const last = stopId.charCodeAt(length - 1);
  if (last !== 78 && last !== 83) return stopId; // 'N' | 'S'
  // a one-byte length prefix equal to the character count means one byte per character (ASCII)
  if (length >= 128 || buf[stopIdAt] !== length) return stopId.slice(0, -1);
  return internBytes(buf, stopIdAt + 1, stopIdAt + length);
}

/** StopTimeEvent.time in ms (undefined when the event carries only a delay). */
function readEventTime(r: Reader, end: number): number | undefined {
  let time: number | undefined;
  while (r.pos < end) {
    const tag = readTag(r);
    if (tag === T2_VAR) time = readVarintNumber(r) * 1000;
    else skipField(r, tag & 7);
  }
  closeMessage(r, end);
  return time;
}

const VEHICLE_STATUS: readonly VehicleStatus[] = ["INCOMING_AT", "STOPPED_AT", "IN_TRANSIT_TO"];

export function readVehiclePosition(r: Reader, end: number): RawVehicle {
  let trip: RawTrip | null = null;
  const vehicle: SubwayVehicle = {};
  while (r.pos < end) {
    const tag = readTag(r);
    switch (tag) {
      case T1_LEN:
        trip = readTripDescriptor(r, messageEnd(r));
        break;
      case T3_VAR:
        vehicle.currentStopSequence = r.uint32();
        break;
      case T4_VAR: {
        const status = VEHICLE_STATUS[r.int32()];
        if (status) vehicle.status = status;
        break;
      }
      case T5_VAR:
        vehicle.timestamp = readVarintNumber(r) * 1000;
        break;
      case T7_LEN:
        vehicle.stopId = readInternedString(r);
        break;
      default:
        skipField(r, tag & 7);
    }
  }
  closeMessage(r, end);
  return { trip, vehicle };
}

/** An Alert entity: its header text and the trips it names (the MTA's "Train delayed"). */
export function readTripAlert(r: Reader, end: number): RawTripAlert {
  const alert: RawTripAlert = { text: "", trips: [] };
  while (r.pos < end) {
    const tag = readTag(r);
    if (tag === T5_LEN) {
      const selectorEnd = messageEnd(r);
      while (r.pos < selectorEnd) {
        const t = readTag(r);
        if (t === T4_LEN) alert.trips.push(readTripDescriptor(r, messageEnd(r)));
        else skipField(r, t & 7);
      }
      closeMessage(r, selectorEnd);
    } else if (tag === T10_LEN) {
      alert.text = readFirstTranslation(r, messageEnd(r));
    } else skipField(r, tag & 7);
  }
  closeMessage(r, end);
  return alert;
}

/** TranslatedString: the English (or untagged) translation, else the first one. */
function readFirstTranslation(r: Reader, end: number): string {
  let chosen: string | undefined;
  let fallback = "";
  while (r.pos < end) {
    const tag = readTag(r);
    if (tag !== T1_LEN) {
      skipField(r, tag & 7);
      continue;
    }
    const translationEnd = messageEnd(r);
    let text = "";
    let language = "";
    while (r.pos < translationEnd) {
      const t = readTag(r);
      if (t === T1_LEN) text = readInternedString(r);
      else if (t === T2_LEN) language = readInternedString(r);
      else skipField(r, t & 7);
    }
    closeMessage(r, translationEnd);
    if (chosen === undefined && (language === "" || language === "en")) chosen = text;
    if (fallback === "") fallback = text;
  }
  closeMessage(r, end);
  return chosen ?? fallback;
}
