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
  /** The observePredictions call that last listed the pair: `predicted` is the median of that call's gaps. */
  round: number;
  /** The call that found the pair's gaps changed since the feed's previous call (a trip's gap of it changed, or the trip left). */
  dirty: number;
}

/** What a trip's predictions say of the pairs it runs: computed once per stops list (most trips are listed unchanged). */
interface TripGaps {
  stops: readonly SubwayStop[];
  direction: Direction;
  /** Per stop after the first, the pair run to it when its predicted gap was positive (looked up then). */
  stopPairs: (Pair | undefined)[];
  /** Per stop after the first, its predicted gap (s). A plain array (unboxed doubles): a typed array costs more to make. */
  stopSecs: number[];
  /** The observePredictions call that last saw the trip. */
  round: number;
}

/** One feed's trips as of its latest predictions. */
interface FeedGaps {
  trips: Map<string, TripGaps>;
  /** The feed's latest observePredictions call, when it had this feed's trips alone, each once; else -1. */
  round: number;
}

/** k when `after` lists the stations of `before` from its k-th stop on (0: the same stations), else -1. */
export function tailShift(before: readonly SubwayStop[], after: readonly SubwayStop[]): number {
  const shift = before.length - after.length;
  if (shift < 0) return -1;
  for (let i = 0; i < after.length; i++) if (after[i].stationId !== before[i + shift].stationId) return -1;
  return shift;
}

function markDirty(p: Pair | undefined, round: number): void {
  if (p) p.dirty = round;
}

export class TravelTimes {
  /** By direction, from station, to station: looked up per trip per cycle, so no string keys are built. */
  private readonly pairs: Record<Direction, Map<string, Map<string, Pair>>> = { N: new Map(), S: new Map() };
  private round = 0;
  /** By feed: a feed's trips missing from its latest predictions are dropped. */
  private readonly feeds = new Map<string, FeedGaps>();
  /** The trips of the current observePredictions call (the first `listedCount`): reused, one call after another. */
  private readonly listed: TripGaps[] = [];
  /** Whether the current call lists a trip twice: its gaps then count twice, which the feed's trip map does not tell. */
  private repeated = false;

  constructor(private readonly network: TransitNetwork | null) {}

  private pair(direction: Direction, from: string, to: string): Pair {
    const byDir = this.pairs[direction];
    let byTo = byDir.get(from);
    if (!byTo) byDir.set(from, (byTo = new Map()));
    let p = byTo.get(to);
    if (!p)
      byTo.set(
        to,
        (p = {
          runs: [],
          observedMean: undefined,
          predicted: undefined,
          gaps: [],
          count: 0,
          round: 0,
          dirty: 0,
        }),
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

  /**
   * What one feed's latest predictions imply: per pair, the median gap between consecutive predicted arrivals.
   * Most trips are listed unchanged, so most pairs have the same gaps as in the feed's previous call: their
   * median is recomputed only when the pair is dirty (a trip's gaps of it changed, or a trip of it left), or
   * when another call listed it since.
   */
  observePredictions(trips: readonly TrackedTrip[]): void {
    const round = ++this.round;
    const feeds: FeedGaps[] = [];
    const listed = this.listed;
    let listedCount = 0;
    this.repeated = false;
    // The trips come feed by feed (one feed's, from the tracker): its map is looked up when the feed changes.
    let feed: string | undefined;
    let known: FeedGaps | undefined;
    for (const t of trips) {
      if (t.feed !== feed || !known) {
        feed = t.feed;
        known = this.feeds.get(feed);
        if (!known) this.feeds.set(feed, (known = { trips: new Map(), round: -1 }));
        if (!feeds.includes(known)) feeds.push(known);
      }
      listed[listedCount++] = this.gapsOf(t, known.trips, round);
    }
    for (const known of feeds)
      for (const [key, g] of known.trips)
        if (g.round !== round) {
          for (const p of g.stopPairs) if (p) p.dirty = round;
          known.trips.delete(key);
        }
    // A pair listed by the feed's previous call and not dirty has the same gaps: its median holds. Calls of
    // several feeds, or listing a trip twice, are not told apart that way: all their pairs are recomputed.
    const alone = feeds.length === 1 && !this.repeated;
    const since = alone ? feeds[0].round : -1;
    for (const known of feeds) known.round = alone ? round : -1;
    const touched: Pair[] = [];
    for (let i = 0; i < listedCount; i++) {
      const g = listed[i];
      for (let k = 0; k < g.stopPairs.length; k++) {
        const p = g.stopPairs[k];
        if (!p) continue;
        if (p.round !== round) {
          if (p.round !== since) p.dirty = round;
          p.round = round;
          if (p.dirty === round) {
            p.count = 0; // the array keeps its room: refilled every snapshot
            touched.push(p);
          }
        }
        if (p.dirty === round) p.gaps[p.count++] = g.stopSecs[k];
      }
    }
    for (const p of touched) p.predicted = smallMedian(p.gaps, p.count);
  }

  /**
   * A trip's predicted gaps (s) between consecutive stops, with their pairs; kept while its stops list is the
   * same. When rebuilt, marks dirty the pairs whose gaps from this trip changed.
   */
  private gapsOf(t: TrackedTrip, known: Map<string, TripGaps>, round: number): TripGaps {
    let g = known.get(t.key);
    if (g?.round === round) this.repeated = true;
    if (g && g.stops === t.stops && g.direction === t.direction) {
      g.round = round;
      return g;
    }
    // A changed trip mostly lists the same stations, or the same less those made: its pairs are the old ones.
    const old = g?.direction === t.direction ? g : undefined;
    const shift = old ? tailShift(old.stops, t.stops) : -1;
    if (shift < 0) {
      if (g) for (const p of g.stopPairs) if (p) p.dirty = round;
    } else if (old) for (let j = 0; j < shift; j++) markDirty(old.stopPairs[j], round); // the runs made
    const stopPairs: (Pair | undefined)[] = [];
    const stopSecs: number[] = [];
    for (let i = 1; i < t.stops.length; i++) {
      const a = t.stops[i - 1];
      const b = t.stops[i];
      const sec = (etaOf(b) - etaOf(a)) / 1000;
      const kept = old && shift >= 0 ? old.stopPairs[i - 1 + shift] : undefined;
      let p: Pair | undefined;
      if (sec > 0) p = kept ?? this.pair(t.direction, a.stationId, b.stationId);
      if (old && shift >= 0) {
        // The same run with the same gap leaves the pair's gaps as they were.
        if (p !== kept || (p && sec !== old.stopSecs[i - 1 + shift])) {
          markDirty(p, round);
          markDirty(kept, round);
        }
      } else markDirty(p, round);
      stopPairs.push(p);
      stopSecs.push(sec);
    }
    g = { stops: t.stops, direction: t.direction, stopPairs, stopSecs, round };
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
