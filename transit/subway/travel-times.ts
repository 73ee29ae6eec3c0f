/**
 * Typical travel time between two consecutive stations (METRICS.md): a
 * trimmed mean of the last ~20 observed runs of the pair, from assigned
 * trains only and runs of at least 20 s; else what the latest predictions
 * imply; else the schedule. Bounded: at most TRAVEL_RUNS_KEPT runs per pair,
 * and pairs are the network's (plus the odd detour).
 */
import { median, pairKey, type TransitNetwork, trimmedMean } from "../network";
import { MIN_RUN_SEC, MIN_RUNS_FOR_TYPICAL, TRAVEL_RUNS_KEPT, TRAVEL_TRIM_SHARE } from "./constants";
import { type Direction, etaOf, type MadeStop, type TrackedTrip } from "./types";

export type TravelSource = "observed" | "predicted" | "scheduled";

export interface TypicalTravel {
  sec: number;
  source: TravelSource;
}

export class TravelTimes {
  private readonly runs = new Map<string, number[]>();
  private readonly predicted = new Map<string, number>();
  /** Trimmed means, computed once per new run (typical() is asked per trip per cycle). */
  private readonly observedMean = new Map<string, number>();

  constructor(private readonly network: TransitNetwork | null) {}

  /** Runs between consecutive stops made by assigned trains. */
  observe(made: readonly MadeStop[]): void {
    for (const m of made) {
      if (!m.assigned || !m.from) continue;
      const sec = (m.time - m.from.time) / 1000;
      if (!(sec >= MIN_RUN_SEC)) continue;
      const key = pairKey(m.direction, m.from.stationId, m.stationId);
      let list = this.runs.get(key);
      if (!list) this.runs.set(key, (list = []));
      list.push(sec);
      if (list.length > TRAVEL_RUNS_KEPT) list.shift();
      this.observedMean.delete(key);
    }
  }

  /** What one feed's latest predictions imply: per pair, the median gap between consecutive predicted arrivals. */
  observePredictions(trips: readonly TrackedTrip[]): void {
    const gaps = new Map<string, number[]>();
    for (const t of trips) {
      for (let i = 1; i < t.stops.length; i++) {
        const a = t.stops[i - 1];
        const b = t.stops[i];
        const sec = (etaOf(b) - etaOf(a)) / 1000;
        if (!(sec > 0)) continue;
        const key = pairKey(t.direction, a.stationId, b.stationId);
        let list = gaps.get(key);
        if (!list) gaps.set(key, (list = []));
        list.push(sec);
      }
    }
    for (const [key, list] of gaps) this.predicted.set(key, median(list));
  }

  typical(direction: Direction, from: string, to: string): TypicalTravel | undefined {
    const key = pairKey(direction, from, to);
    const runs = this.runs.get(key);
    if (runs && runs.length >= MIN_RUNS_FOR_TYPICAL) {
      let sec = this.observedMean.get(key);
      if (sec === undefined) this.observedMean.set(key, (sec = trimmedMean(runs, TRAVEL_TRIM_SHARE)));
      return { sec, source: "observed" };
    }
    const p = this.predicted.get(key);
    if (p !== undefined) return { sec: p, source: "predicted" };
    const s = this.network?.scheduledPairSec(direction, from, to);
    return s === undefined ? undefined : { sec: s, source: "scheduled" };
  }

  typicalSec(direction: Direction, from: string, to: string): number | undefined {
    return this.typical(direction, from, to)?.sec;
  }
}
