/**
 * Which feed a GTFS-realtime message came from, judged from its content: the
 * routes its trips run (each subway feed carries a known group of routes, see
 * SUBWAY_FEEDS) or, for a message of alerts only, the alerts feed. Decodes
 * with the plain bindings: extensions are irrelevant for recognition.
 */
import GtfsRealtimeBindings from "gtfs-realtime-bindings";
import { SUBWAY_FEEDS, type SubwayFeedId } from "../feeds";
import type { Recognition } from "./recognition";

const { FeedMessage } = GtfsRealtimeBindings.transit_realtime;
type TripDescriptor = GtfsRealtimeBindings.transit_realtime.ITripDescriptor;

const ROUTE_TO_FEED = new Map<string, SubwayFeedId>(
  SUBWAY_FEEDS.flatMap((f) => f.routes.map((r) => [r as string, f.id] as const)),
);

/** Route of a trip: its route_id, or else the route part of the NYCT trip_id ("000600_1..S03R" -> "1"). */
export function routeOfTrip(trip: TripDescriptor): string {
  if (trip.routeId) return trip.routeId;
  const m = /_([^._]+)\./.exec(trip.tripId ?? "");
  return m ? m[1] : "";
}

/** Express variants ("5X") ride with their local route's feed when not listed themselves. */
export function feedOfRoute(route: string): SubwayFeedId | undefined {
  return (
    ROUTE_TO_FEED.get(route) ?? (route.endsWith("X") ? ROUTE_TO_FEED.get(route.slice(0, -1)) : undefined)
  );
}

/** The subway feed most trips belong to; it must hold a strict majority of the trips with a known route. */
export function voteSubwayFeed(trips: TripDescriptor[]): { feed?: SubwayFeedId; evidence: string } {
  const votes = new Map<SubwayFeedId, number>();
  const routes = new Set<string>();
  let counted = 0;
  for (const trip of trips) {
    const route = routeOfTrip(trip);
    const feed = feedOfRoute(route);
    if (!feed) continue;
    routes.add(route);
    votes.set(feed, (votes.get(feed) ?? 0) + 1);
    counted++;
  }
  if (counted === 0) return { evidence: `${trips.length} trips, none on a known subway route` };
  const [feed, n] = [...votes].sort((a, b) => b[1] - a[1])[0];
  const evidence = `routes ${[...routes].sort().join(",")}: ${n} of ${counted} trips in ${feed}`;
  return n * 2 > counted ? { feed, evidence } : { evidence: `ambiguous, ${evidence}` };
}

export function recognizeGtfsRt(bytes: Uint8Array): Recognition {
  let msg: GtfsRealtimeBindings.transit_realtime.FeedMessage;
  try {
    msg = FeedMessage.decode(bytes);
  } catch (e) {
    return { kind: "unknown", reason: `not GTFS-realtime protobuf: ${(e as Error).message}` };
  }
  if (!msg.header?.gtfsRealtimeVersion)
    return { kind: "unknown", reason: "protobuf without a GTFS-realtime header" };
  const seconds = Number(msg.header.timestamp ?? 0);
  const timestamp = seconds > 0 ? seconds * 1000 : undefined;
  const trips: TripDescriptor[] = [];
  let alerts = 0;
  for (const e of msg.entity) {
    const trip = e.tripUpdate?.trip ?? e.vehicle?.trip;
    if (trip) trips.push(trip);
    if (e.alert) alerts++;
  }
  if (trips.length > 0) {
    const { feed, evidence } = voteSubwayFeed(trips);
    return feed
      ? { kind: "feed", feed, timestamp, evidence: `GTFS-rt, ${evidence}` }
      : { kind: "unknown", reason: `GTFS-rt trips: ${evidence}` };
  }
  if (alerts > 0)
    return {
      kind: "feed",
      feed: "alerts-subway",
      timestamp,
      evidence: `GTFS-rt, ${alerts} alerts, no trips`,
    };
  return {
    kind: "unknown",
    reason: `GTFS-rt message with ${msg.entity.length} entities, neither trips nor alerts`,
  };
}
