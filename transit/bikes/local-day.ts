/** Local midnights for "since local midnight" counters (NotSpot-minutes). */
import { HOUR_MS, startOfLocalDay } from "../../util/time-zone";

export { startOfLocalDay };

/** Epoch ms of the next local midnight after t. */
export function nextLocalMidnight(t: number, timeZone: string): number {
  // 36 h after a midnight always falls inside the next day (days last 23 to 25 h).
  return startOfLocalDay(startOfLocalDay(t, timeZone) + 36 * HOUR_MS, timeZone);
}
