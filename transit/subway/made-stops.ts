/**
 * Stops made, from two successive upcoming-stop lists of one trip: a stop
 * that left the list has been made, at the earlier of the newer snapshot's
 * timestamp and its last predicted arrival (METRICS.md).
 */
import type { SubwayStop } from "../../adapters/subway";
import { TERMINAL_GRACE_MS } from "./constants";
import { etaOf } from "./types";

export interface Made {
  stop: SubwayStop;
  time: number;
}

/**
 * The stops of `before` made by the time of the snapshot that lists `after`:
 * those ahead of the first stop still listed. A stop missing from the middle
 * of the list was skipped, not made. When the first listed stop is not in
 * the old list at all (a reroute) or nothing is listed any more (the trip
 * ended or left the feed), the old stops whose predicted time has passed;
 * and a trip gone from the feed when its last stop was due within
 * TERMINAL_GRACE_MS made them all: the feeds drop a trip as it reaches its
 * terminal, often a little before the arrival they predicted for it.
 */
export function stopsMade(
  before: readonly SubwayStop[],
  after: readonly SubwayStop[],
  snapshotTime: number,
): Made[] {
  if (before.length === 0) return [];
  let made: readonly SubwayStop[];
  const i = after.length > 0 ? before.findIndex((s) => s.stationId === after[0].stationId) : -1;
  if (i >= 0) made = before.slice(0, i);
  else if (after.length === 0 && etaOf(before[before.length - 1]) <= snapshotTime + TERMINAL_GRACE_MS)
    made = before;
  else {
    const still = new Set(after.map((s) => s.stationId));
    made = before.filter((s) => !still.has(s.stationId) && etaOf(s) <= snapshotTime);
  }
  let floor = Number.NEGATIVE_INFINITY;
  return made.map((stop) => {
    // Times never go backwards along a trip, whatever the predictions said.
    const time = Math.max(floor, Math.min(snapshotTime, etaOf(stop)));
    floor = time;
    return { stop, time };
  });
}
