/**
 * Hand-written wire decoding of a subway FeedMessage: the header with its
 * NYCT extension, then each entity handed to the trip readers.
 */

import * as intern from "../gtfsrt/intern";
import type { Reader } from "../gtfsrt/wire";
import * as wire from "../gtfsrt/wire";
import type { TripReplacementPeriod } from "./types";
import {
  type RawTripAlert,
  type RawTripUpdate,
  type RawVehicle,
  readTripAlert,
  readTripUpdate,
  readVehiclePosition,
} from "./wire-trip";

// Bound once at load: loaders that expose imports as getters (vitest, CommonJS interop)
// would otherwise pay a getter call per field in these hot loops.
const { closeMessage, messageEnd, readTag, readVarintNumber, skipField, WireShapeError } = wire;
const { readInternedString } = intern;
const { T1_VAR, T2_VAR, T3_VAR, T1_LEN, T2_LEN, T3_LEN, T4_LEN, T5_LEN, EXT_LEN } = wire;

export interface RawHeader {
  gtfsRealtimeVersion: string;
  timestamp: number | undefined;
  nyctVersion: string | undefined;
  replacementPeriods: TripReplacementPeriod[];
}

export interface RawEntities {
  tripUpdates: RawTripUpdate[];
  vehicles: RawVehicle[];
  alerts: (RawTripAlert & { id: string })[];
}

export interface RawFeed extends RawEntities {
  /** The body read: its trip updates' wire ranges are in it. */
  bytes: Uint8Array;
  header: RawHeader;
}

/** Decodes the whole body; throws WireFormatError / WireShapeError (caught by decodeProtobufBody). */
export function readSubwayFeed(r: Reader): RawFeed {
  let header: RawHeader | undefined;
  const feed: RawEntities = { tripUpdates: [], vehicles: [], alerts: [] };
  while (r.pos < r.len) {
    const tag = readTag(r);
    if (tag === T1_LEN) header = readHeader(r, messageEnd(r));
    else if (tag === T2_LEN) readEntity(r, messageEnd(r), feed);
    else skipField(r, tag & 7);
  }
  if (!header) throw new WireShapeError("FeedMessage has no header");
  return { ...feed, bytes: r.buf, header };
}

function readHeader(r: Reader, end: number): RawHeader {
  const header: RawHeader = {
    gtfsRealtimeVersion: "",
    timestamp: undefined,
    nyctVersion: undefined,
    replacementPeriods: [],
  };
  while (r.pos < end) {
    const tag = readTag(r);
    if (tag === T1_LEN) header.gtfsRealtimeVersion = readInternedString(r);
    else if (tag === T3_VAR) header.timestamp = readVarintNumber(r) * 1000;
    else if (tag === EXT_LEN) readNyctHeader(r, messageEnd(r), header);
    else skipField(r, tag & 7);
  }
  closeMessage(r, end);
  return header;
}

function readNyctHeader(r: Reader, end: number, header: RawHeader): void {
  header.nyctVersion = "";
  while (r.pos < end) {
    const tag = readTag(r);
    if (tag === T1_LEN) header.nyctVersion = readInternedString(r);
    else if (tag === T2_LEN) {
      const period = readReplacementPeriod(r, messageEnd(r));
      if (period) header.replacementPeriods.push(period);
    } else skipField(r, tag & 7);
  }
  closeMessage(r, end);
}

/** A route's replacement period; without an end it says nothing usable and is left out. */
function readReplacementPeriod(r: Reader, end: number): TripReplacementPeriod | null {
  let routeId = "";
  let startMs: number | undefined;
  let endMs: number | undefined;
  while (r.pos < end) {
    const tag = readTag(r);
    if (tag === T1_LEN) routeId = readInternedString(r);
    else if (tag === T2_LEN) {
      const rangeEnd = messageEnd(r);
      while (r.pos < rangeEnd) {
        const t = readTag(r);
        if (t === T1_VAR) startMs = readVarintNumber(r) * 1000;
        else if (t === T2_VAR) endMs = readVarintNumber(r) * 1000;
        else skipField(r, t & 7);
      }
      closeMessage(r, rangeEnd);
    } else skipField(r, tag & 7);
  }
  closeMessage(r, end);
  if (endMs === undefined) return null;
  return startMs === undefined ? { routeId, endMs } : { routeId, startMs, endMs };
}

function readEntity(r: Reader, end: number, feed: RawEntities): void {
  let id = "";
  let deleted = false;
  let tripUpdate: RawTripUpdate | undefined;
  let vehicle: RawVehicle | undefined;
  let alert: RawTripAlert | undefined;
  while (r.pos < end) {
    const tag = readTag(r);
    switch (tag) {
      case T1_LEN:
        id = readInternedString(r);
        break;
      case T2_VAR:
        deleted = r.bool();
        break;
      case T3_LEN:
        tripUpdate = readTripUpdate(r, messageEnd(r));
        break;
      case T4_LEN:
        vehicle = readVehiclePosition(r, messageEnd(r));
        break;
      case T5_LEN:
        alert = readTripAlert(r, messageEnd(r));
        break;
      default:
        skipField(r, tag & 7);
    }
  }
  closeMessage(r, end);
  if (deleted) return; // only meaningful in DIFFERENTIAL feeds, which the MTA does not publish
  if (tripUpdate) feed.tripUpdates.push(tripUpdate);
  if (vehicle) feed.vehicles.push(vehicle);
  if (alert) feed.alerts.push({ id, ...alert });
}
