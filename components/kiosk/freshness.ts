/**
 * What the kiosk shows, from the connection: the live screen; the last good
 * screen marked stale (offline for a while, with the data's age); or the
 * bundled "no data" screen (no data yet, or the last is too old to show).
 */
export type Freshness =
  | { kind: "live" }
  | { kind: "stale"; ageSec: number }
  | { kind: "nodata"; ageSec: number | null; connecting: boolean };

export interface FreshnessInput {
  now: number;
  connected: boolean;
  /** Wall ms of the last message (0: none yet). */
  lastMessageAt: number;
  /** Wall ms the connection was lost (0: never connected or never lost). */
  lostAt: number;
  /** Wall ms the page started. */
  startedAt: number;
  staleSec: number;
  noDataSec: number;
}

export function freshness(i: FreshnessInput): Freshness {
  const ageSec = i.lastMessageAt > 0 ? (i.now - i.lastMessageAt) / 1000 : null;
  if (ageSec === null) {
    // Nothing yet: "connecting" for a short while after start, then "no data".
    const waited = (i.now - i.startedAt) / 1000;
    return { kind: "nodata", ageSec: null, connecting: i.connected || waited < i.staleSec * 2 };
  }
  if (i.connected) return { kind: "live" };
  const offlineSec = (i.now - (i.lostAt || i.lastMessageAt)) / 1000;
  if (ageSec >= i.noDataSec) return { kind: "nodata", ageSec, connecting: false };
  if (offlineSec >= i.staleSec) return { kind: "stale", ageSec };
  return { kind: "live" };
}
