/**
 * Typical travel time between two consecutive stations (METRICS.md): a
 * trimmed mean of the last ~20 observed runs of the pair, from assigned
 * trains only and runs of at least 20 s; else what the latest predictions
 * imply; else the schedule. Bounded: at most TRAVEL_RUNS_KEPT runs per pair,
 * and pairs are the network's (plus the odd detour).
 */
import type { SubwayStop } from "../../adapters/subway";
import type { TransitNetwork } from "../network";
import { MIN_RUN_SEC, MIN_RUNS_FOR_TYPICAL, TRAVEL_RUNS_KEPT, TRAVEL_TRIM_SHARE } from "./constants";
import { smallMedian, smallTrimmedMean } from "./small-median";
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
  /** observePredictions' gaps of the pair: the first `count`, while `round` is the current call's. */
  gaps: number[];
  count: number;
  round: number;
}

/** What a trip's predictions say of the pairs it runs: computed once per stops list (most trips are listed unchanged). */
interface TripGaps {
  stops: readonly SubwayStop[];
  direction: Direction;
  /** Per stop after the first, the pair run to it when its predicted gap was positive (looked up then). */
  stopPairs: (Pair | undefined)[];
  pairs: Pair[];
  /** A plain array (unboxed doubles): a typed array costs more to make, once per trip whose stops changed. */
  secs: number[];
  /** The observePredictions call that last saw the trip. */
  round: number;
}

/** k when `after` lists the stations of `before` from its k-th stop on (0: the same stations), else -1. */
export function tailShift(before: readonly SubwayStop[], after: readonly SubwayStop[]): number {
  const shift = before.length - after.length;
  if (shift < 0) return -1;
  for (let i = 0; i < after.length; i++) if (after[i].stationId !== before[i + shift].stationId) return -1;
  return shift;
}

export class TravelTimes {
  /** By direction, from station, to station: looked up per trip per cycle, so no string keys are built. */
  private readonly pairs: Record<Direction, Map<string, Map<string, Pair>>> = { N: new Map(), S: new Map() };
  private round = 0;
  /** By feed, then trip key: a feed's trips missing from its latest predictions are dropped. */
  private readonly tripGaps = new Map<string, Map<string, TripGaps>>();

  constructor(private readonly network: TransitNetwork | null) {}

  private pair(direction: Direction, from: string, to: string): Pair {
    const byDir = this.pairs[direction];
    let byTo = byDir.get(from);
    if (!byTo) byDir.set(from, (byTo = new Map()));
    let p = byTo.get(to);
    if (!p)
      byTo.set(
        to,
        (p = { runs: [], observedMean: undefined, predicted: undefined, gaps: [], count: 0, round: 0 }),
      );
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
    const feeds = new Set<Map<string, TripGaps>>();
    // The trips come feed by feed (one feed's, from the tracker): its map is looked up when the feed changes.
    let feed: string | undefined;
    let known: Map<string, TripGaps> | undefined;
    for (const t of trips) {
      if (t.feed !== feed || !known) {
        feed = t.feed;
        known = this.tripGaps.get(feed);
        if (!known) this.tripGaps.set(feed, (known = new Map()));
        feeds.add(known);
      }
      const g = this.gapsOf(t, known, round);
      for (let k = 0; k < g.pairs.length; k++) {
        const p = g.pairs[k];
        if (p.round !== round) {
          p.round = round;
          p.count = 0; // the array keeps its room: refilled every snapshot
          touched.push(p);
        }
        p.gaps[p.count++] = g.secs[k];
      }
    }
    for (const p of touched) p.predicted = smallMedian(p.gaps, p.count);
    for (const known of feeds) for (const [key, g] of known) if (g.round !== round) known.delete(key);
  }

  /** A trip's predicted gaps (s) between consecutive stops, with their pairs; kept while its stops list is the same. */
  private gapsOf(t: TrackedTrip, known: Map<string, TripGaps>, round: number): TripGaps {
    let g = known.get(t.key);
    if (g && g.stops === t.stops && g.direction === t.direction) {
      g.round = round;
      return g;
    }
    // A changed trip mostly lists the same stations, or the same less those made: its pairs are the old ones.
    const old = g?.direction === t.direction ? g : undefined;
    const shift = old ? tailShift(old.stops, t.stops) : -1;
    const stopPairs: (Pair | undefined)[] = [];
    const pairs: Pair[] = [];
    const secs: number[] = [];
    for (let i = 1; i < t.stops.length; i++) {
      const a = t.stops[i - 1];
      const b = t.stops[i];
      const sec = (etaOf(b) - etaOf(a)) / 1000;
      let p: Pair | undefined;
      if (sec > 0) {
        const kept = shift >= 0 ? old?.stopPairs[i - 1 + shift] : undefined;
        p = kept ?? this.pair(t.direction, a.stationId, b.stationId);
        pairs.push(p);
        secs.push(sec);
      }
      stopPairs.push(p);
    }
    g = { stops: t.stops, direction: t.direction, stopPairs, pairs, secs, round };
    known.set(t.key, g);
    return g;
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
    if (p.observedMean === undefined) p.observedMean = smallTrimmedMean(p.runs, TRAVEL_TRIM_SHARE);
    return p.observedMean;
  }
}
