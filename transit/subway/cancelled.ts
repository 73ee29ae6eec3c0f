/**
 * Cancelled trips (FEEDS.md, NYCT): within a route's trip replacement
 * period, a scheduled trip missing from the feed is cancelled. "Within" is
 * read as: the trip's scheduled run overlaps the period (from the feed's
 * timestamp when the period gives no start).
 */
import type { ScheduledTrip, TransitNetwork } from "../network";
import type { FeedState } from "./types";

/** The longest a scheduled trip runs; bounds the search back from the period's end. */
const MAX_TRIP_MS = 4 * 3_600_000;

function firstStartingAtOrAfter(trips: readonly ScheduledTrip[], t: number): number {
  let lo = 0;
  let hi = trips.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trips[mid].startMs < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function cancelledTrips(feed: FeedState, net: TransitNetwork): ScheduledTrip[] {
  const out: ScheduledTrip[] = [];
  const seen = new Set<string>();
  for (const p of feed.replacementPeriods) {
    const from = p.startMs ?? feed.timestamp;
    const to = p.endMs;
    const trips = net.scheduledTripsOf(p.routeId);
    for (let i = firstStartingAtOrAfter(trips, from - MAX_TRIP_MS); i < trips.length; i++) {
      const t = trips[i];
      if (t.startMs > to) break;
      if (t.endMs < from || feed.matchKeys.has(t.matchKey) || seen.has(t.tripId)) continue;
      seen.add(t.tripId);
      out.push(t);
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || (a.tripId < b.tripId ? -1 : 1));
}
