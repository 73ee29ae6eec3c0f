/**
 * Test support: slices of the demo day as frames, and decoders that do not
 * share code with the simulator (gtfs-realtime-bindings for the base schema,
 * the project's schema module for the MTA extensions).
 */
import GtfsRealtimeBindings from "gtfs-realtime-bindings";
import { alertsFeedMessageType, subwayFeedMessageType } from "../../adapters/gtfsrt/schema";
import type { RecordedPayload } from "../../adapters/recording/types";
import { type DaySlice, demoDayFrames } from "./day";
import type { DemoWorld } from "./world";

export const H = 3600;
export const M = 60;

export function sliceFrames(world: DemoWorld, slice: DaySlice): RecordedPayload[] {
  return [...demoDayFrames(world, slice)];
}

/** Base GTFS-realtime fields only, as any consumer would see them. */
export function decodeBase(body: Uint8Array): any {
  const msg = GtfsRealtimeBindings.transit_realtime.FeedMessage.decode(body);
  return GtfsRealtimeBindings.transit_realtime.FeedMessage.toObject(msg, { longs: Number, enums: String });
}

/** With the NYCT extension fields (".transit_realtime.nyct…" keys). */
export function decodeSubway(body: Uint8Array): any {
  const t = subwayFeedMessageType();
  return t.toObject(t.decode(body), { longs: Number, enums: String });
}

/** With the Mercury extension fields. */
export function decodeAlerts(body: Uint8Array): any {
  const t = alertsFeedMessageType();
  return t.toObject(t.decode(body), { longs: Number, enums: String });
}

export function json(body: Uint8Array): any {
  return JSON.parse(Buffer.from(body).toString("utf8"));
}
