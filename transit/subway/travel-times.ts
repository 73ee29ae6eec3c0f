/**
 * Typical travel time between two consecutive stations (METRICS.md): a
 * trimmed mean of the last ~20 observed runs of the pair, from assigned
 * trains only and runs of at least 20 s; else what the latest predictions
 * imply; else the schedule. Bounded: at most TRAVEL_RUNS_KEPT runs per pair,
 * and pairs are the network's (plus the odd detour).
 */
import { type TransitNetwork, trimmedMean } from "../network";
import { MIN_RUN_SEC, MIN_RUNS_FOR_TYPICAL, TRAVEL_RUNS_KEPT, TRAVEL_TRIM_SHARE } from "./constants";
import { smallMedian } from "./small-median";
import { type Direction, etaOf, type MadeStop, type TrackedTrip } from "./types";

export type TravelSource = "observed" | "predicted" | "scheduled";

export interface TypicalTravel {
  sec: number;
  source: TravelSource;
}

/** What is known of one station pair in one direction. */
interface Pair {
  /** The last TRAVEL_RUNS_KEPT observed runs (s), oldest first. */
  runs: number[];
  /** Their trimmed mean, computed once per new run (typical() is asked per trip per cycle). */
  observedMean: number | undefined;
  /** Median predicted gap in the latest snapshot that listed the pair. */
  predicted: number | undefined;
  /** observePredictions' gaps of the pair, valid while `round` is the current call's. */
  gaps: number[];
  round: number;
}

export class TravelTimes {
  /** By direction, from station, to station: looked up per trip per cycle, so no string keys are built. */
  private readonly pairs: Record<Direction, Map<string, Map<string, Pair>>> = { N: new Map(), S: new Map() };
  private round = 0;

  constructor(private readonly network: TransitNetwork | null) {}

  private pair(direction: Direction, from: string, to: string): Pair {
    const byDir = this.pairs[direction];
    let byTo = byDir.get(from);
    if (!byTo) byDir.set(from, (byTo = new Map()));
    let p = byTo.get(to);
    if (!p) byTo.set(to, (p = { runs: [], observedMean: undefined, predicted: undefined, gaps: [], round: 0 }));
    return p;
  }

  /** Runs between consecutive stops made by assigned trains. */
  observe(made: readonly MadeStop[]): void {
    for (const m of made) {
      if (!m.assigned || !m.from) continue;
      const sec = (m.time - m.from.time) / 1000;
      if (!(sec >= MIN_RUN_SEC)) continue;
      const p = this.pair(m.direction, m.from.stationId, m.stationId);
      p.runs.push(sec);
      if (p.runs.length > TRAVEL_RUNS_KEPT) p.runs.shift();
      p.observedMean = undefined;
    }
  }

  /** What one feed's latest predictions imply: per pair, the median gap between consecutive predicted arrivals. */
  observePredictions(trips: readonly TrackedTrip[]): void {
    const round = ++this.round;
    const touched: Pair[] = [];
    for (const t of trips) {
      const stops = t.stops;
      for (let i = 1; i < stops.length; i++) {
        const a = stops[i - 1];
        const b = stops[i];
        const sec = (etaOf(b) - etaOf(a)) / 1000;
        if (!(sec > 0)) continue;
        const p = this.pair(t.direction, a.stationId, b.stationId);
        if (p.round !== round) {
          p.round = round;
          p.gaps.length = 0;
          touched.push(p);
        }
        p.gaps.push(sec);
      }
    }
    for (const p of touched) p.predicted = smallMedian(p.gaps);
  }

  typical(direction: Direction, from: string, to: string): TypicalTravel | undefined {
    const p = this.pairs[direction].get(from)?.get(to);
    if (p) {
      if (p.runs.length >= MIN_RUNS_FOR_TYPICAL) return { sec: this.observedMean(p), source: "observed" };
      if (p.predicted !== undefined) return { sec: p.predicted, source: "predicted" };
    }
    const s = this.network?.scheduledPairSec(direction, from, to);
    return s === undefined ? undefined : { sec: s, source: "scheduled" };
  }

  /** typical(...).sec without the object (asked per trip per cycle). */
  typicalSec(direction: Direction, from: string, to: string): number | undefined {
    const p = this.pairs[direction].get(from)?.get(to);
    if (p) {
      if (p.runs.length >= MIN_RUNS_FOR_TYPICAL) return this.observedMean(p);
      if (p.predicted !== undefined) return p.predicted;
    }
    return this.network?.scheduledPairSec(direction, from, to);
  }

  private observedMean(p: Pair): number {
    if (p.observedMean === undefined) p.observedMean = trimmedMean(p.runs, TRAVEL_TRIM_SHARE);
    return p.observedMean;
  }
}
