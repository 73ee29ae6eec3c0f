/**
 * Whether the data is catching up with the clock: after a start in the middle
 * of a day, a seek or a live warm-up, the engine replays what comes before
 * as fast as it can while the clock already shows the time it is heading
 * for. Some lag is normal (a feed every 30 s, a message every 250 ms of wall
 * time: 15 engine minutes at 3600x); more than this is a catch-up.
 */
export const CATCH_UP_MIN_LAG_MS = 3 * 60_000;
/** Wall time of lag, at the clock's speed, that still counts as keeping up. */
const CATCH_UP_WALL_MS = 10_000;

export function isCatchingUp(clockT: number, dataT: number, speed: number, playing: boolean): boolean {
  if (!playing) return false;
  return clockT - dataT > Math.max(CATCH_UP_MIN_LAG_MS, CATCH_UP_WALL_MS * speed);
}
