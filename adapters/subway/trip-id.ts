import type { Direction, ParsedTripId } from "./types";

// origin, '_', route (no dots), dot padding, optional N/S (only when followed by
// the end or a path-code digit: "..WILTS PT3" names a terminal, not a direction)
const TRIP_ID = /^(\d{6})_([^.]*)\.*(?:([NS])(?=$|\d))?(.*)$/;

/** Splits an NYCT trip_id ("085350_1..N03R", "SI.N03R", "050350_0"); null when it does not fit at all. */
export function parseTripId(tripId: string): ParsedTripId | null {
  const m = TRIP_ID.exec(tripId);
  if (!m) return null;
  return {
    originMinutesHundredths: Number(m[1]),
    route: m[2],
    direction: (m[3] as Direction | undefined) ?? null,
    pathCode: m[4],
  };
}

/** Hundredths of a minute after midnight as GTFS "HH:MM:SS" (hours may pass 24 for after-midnight service). */
export function originToStartTime(originMinutesHundredths: number): string {
  const seconds = Math.round(originMinutesHundredths * 0.6);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
