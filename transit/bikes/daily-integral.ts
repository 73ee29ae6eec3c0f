/**
 * Integral of step functions over engine time since local midnight, per key:
 * "NotSpot-minutes today". Each key's count holds from one update to the next
 * (a step function); at a local midnight every total restarts from zero, and
 * the part of an interval before it belongs to the previous day.
 */
import { nextLocalMidnight, startOfLocalDay } from "./local-day";

const MINUTE = 60_000;

export class DailyIntegral {
  private lastT: number | null = null;
  private dayEnd = Number.NEGATIVE_INFINITY;
  /** Per key: count since lastT, and count-minutes accumulated today up to lastT. */
  private readonly keys = new Map<string, { count: number; minutes: number }>();

  constructor(private readonly timeZone: string) {}

  /** The next local midnight after the last update (when to re-emit zeros). */
  get nextMidnight(): number {
    return this.dayEnd;
  }

  /**
   * Advance to `now` with the previous counts, then take `counts` as the new
   * step values (keys absent from it count 0). Returns minutes today per key.
   */
  advance(now: number, counts: ReadonlyMap<string, number>): Map<string, number> {
    if (this.lastT === null || now >= this.dayEnd) {
      const dayStart = startOfLocalDay(now, this.timeZone);
      for (const [key, k] of this.keys) {
        // Only the part of the step after midnight counts today.
        const from = this.lastT === null ? now : Math.max(this.lastT, dayStart);
        k.minutes = (k.count * (now - from)) / MINUTE;
        if (k.count === 0 && !counts.has(key)) this.keys.delete(key); // forget keys gone since yesterday
      }
      this.dayEnd = nextLocalMidnight(now, this.timeZone);
    } else {
      const dt = now - this.lastT;
      for (const k of this.keys.values()) k.minutes += (k.count * dt) / MINUTE;
    }
    this.lastT = now;
    for (const k of this.keys.values()) k.count = 0;
    for (const [key, count] of counts) {
      const k = this.keys.get(key);
      if (k) k.count = count;
      else this.keys.set(key, { count, minutes: 0 });
    }
    return new Map([...this.keys].map(([key, k]) => [key, k.minutes]));
  }
}
