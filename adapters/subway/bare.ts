/**
 * The benchmark baseline: a plain gtfs-realtime-bindings decode of the same
 * bytes (no NYCT extension, no normalization, Long objects for 64-bit times).
 */
import GtfsRealtimeBindings from "gtfs-realtime-bindings";

export type BareFeedMessage = GtfsRealtimeBindings.transit_realtime.FeedMessage;

/** Throws on bad bytes, like the library: it is a baseline, not a decoder for the product. */
export function decodeBare(bytes: Uint8Array): BareFeedMessage {
  return GtfsRealtimeBindings.transit_realtime.FeedMessage.decode(bytes);
}
