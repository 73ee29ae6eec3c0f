/**
 * Static trip ids end with the realtime trip id ("ASP24GEN-1038-Sunday-00_000600_1..S03R"
 * vs "000600_1..S03R"), whose dot padding and path code vary between the two:
 * trips are matched on origin time, route part and direction only.
 */
import { parseTripId } from "../../adapters/subway";
import type { Direction } from "./types";

const REALTIME_PART = /(\d{6}_[^_]*)$/;

/** "origin|route|direction", or null when the id has no NYCT-style realtime part. */
export function tripMatchKey(tripId: string, direction: Direction): string | null {
  const m = REALTIME_PART.exec(tripId);
  if (!m) return null;
  const parsed = parseTripId(m[1]);
  if (!parsed) return null;
  return `${parsed.originMinutesHundredths}|${parsed.route}|${parsed.direction ?? direction}`;
}
