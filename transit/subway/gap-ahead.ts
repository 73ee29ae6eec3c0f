/**
 * The estimated gap ahead of each running train (METRICS.md, "Actual
 * headway": "also the estimated gap ahead of each running train").
 *
 * For a running train T with a next station S and its ETA e there, the gap
 * ahead is e minus the time the train ahead reaches S, the latest of
 *  (a) the predicted arrivals at S of the other trips of T's route and
 *      direction that come before T there: ETA earlier than e (at an equal
 *      ETA the smaller trip key goes first, so two trains due together are
 *      0 s apart instead of both measuring from the train before them);
 *  (b) the last arrival actually made at S by a train of that route and
 *      direction (stops made), when not later than e.
 * null when neither is known: the first train of the line, or the first
 * after HEADWAY_MAX_GAP_MS without a train (when headways start afresh too).
 * In seconds; negative never (both (a) and (b) are at or before e).
 *
 * Choices:
 * - Trains match by route and direction, the line key of the headway
 *   metrics: an express route and the local on the same trunk are two lines
 *   (as in subway.headway_actual), so a rider's gap is the one of the route
 *   they wait for.
 * - S is the station the map shows as next (TrainView.nextStationId, the
 *   rule of trainPosition): the first listed stop, or the one after it when
 *   the train stands there: vehicle STOPPED_AT it, its arrival at or before
 *   now, or no run to it known (no stop seen made, and no previous station
 *   with a typical travel time: a train waiting at its origin). So the gap
 *   joins the TrainView of the same tick as is.
 * - A trip that skips S (an express run of a local route) does not list S
 *   and is never the train ahead there; its own gap is measured at the
 *   stations it does list.
 * - A stalled train is still a train: its ETA counts as it stands, ahead of
 *   others or for its own gap.
 * - Cancelled trips are scheduled trips absent from the feed (FEEDS.md):
 *   they have no predictions and make no stops, and only the tracker's trips
 *   are read here (never the schedule), so they are never the train ahead.
 * - Any listed trip can be ahead (also one whose stops are all past, no
 *   longer "running"); only running trips get a gap.
 *
 * Memory: the board keeps each feed's trips of its latest tick only (a trip
 * gone from its feed is gone from here at that feed's next tick) and, per
 * line and station, the last arrival made, dropped after HEADWAY_MAX_GAP_MS.
 */
import { node, type Series } from "../../engine";
import { lineKey, type TransitNetwork } from "../network";
import { HEADWAY_MAX_GAP_MS } from "./constants";
import type { TypicalSec } from "./trip-delay";
import type { TripStatusTick } from "./trip-nodes";
import { type Direction, etaOf, type MadeStop, type TrackedTrip, type TrackerTick } from "./types";

/** An arrival made at a station. */
export interface Arrived {
  time: number;
  tripKey: string;
}

/** The last arrival made at a station by a line (lineKey(route, direction)), if known. */
export type LastArrival = (line: string, stationId: string) => Arrived | undefined;

export interface GapAhead {
  tripKey: string;
  route: string;
  direction: Direction;
  /** The train's next station, where the gap is measured (TrainView.nextStationId). */
  stationId: string;
  /** The train's ETA there, ms. */
  eta: number;
  /** When the train ahead reaches stationId (predicted, or made), ms; null when no train ahead is known. */
  aheadAt: number | null;
  aheadTripKey: string | null;
  /** aheadAt is an arrival already made (else a prediction). */
  aheadMade: boolean;
  /** (eta - aheadAt) / 1000; null when no train ahead is known. */
  gapSec: number | null;
}

/** What the next station depends on besides the trip: the time, and the runs the map can draw. */
export interface NextStopContext {
  now: number;
  net: TransitNetwork;
  typical: TypicalSec;
}

/**
 * Index in trip.stops of the train's next station: 0, or 1 when the train
 * sits at stops[0]. The rule of trainPosition (which places the train), so
 * that both name the same station; keep them one.
 */
export function nextStopIndex(trip: TrackedTrip, at: NextStopContext): number {
  const first = trip.stops[0];
  if (!first) return 0;
  const v = trip.vehicle;
  const stoppedHere =
    v?.status === "STOPPED_AT" && v.stopId !== undefined && v.stopId.slice(0, -1) === first.stationId;
  if (stoppedHere || etaOf(first) <= at.now) return 1;
  if (trip.lastMade) return 0;
  // First seen with no stop made: placed on a run only from a known previous station with a typical time.
  const from = at.net.previousStation(trip.route, trip.direction, first.stationId);
  return from === undefined || at.typical(trip.direction, from, first.stationId) === undefined ? 1 : 0;
}

/** A running trip's next station and ETA there, and the latest arrival before it found so far. */
interface Query {
  trip: TrackedTrip;
  stationId: string;
  eta: number;
  /** The latest predicted arrival at stationId of another trip of the line, before (eta, trip key). */
  aheadEta: number;
  aheadKey: string | null;
}

/** A line's queries by station, and the latest of their ETAs. */
interface LineQueries {
  byStation: Map<string, Query[]>;
  lastEta: number;
}

/** Per stops list, whether its ETAs never go down, for a trip that does not say (the tracker's do): taken once per list. */
const ascendingLists = new WeakMap<TrackedTrip["stops"], boolean>();

function etasAscend(stops: TrackedTrip["stops"]): boolean {
  let ascending = ascendingLists.get(stops);
  if (ascending === undefined) {
    ascending = true;
    for (let i = 1; i < stops.length && ascending; i++) ascending = etaOf(stops[i]) >= etaOf(stops[i - 1]);
    ascendingLists.set(stops, ascending);
  }
  return ascending;
}

/** Whether (eta, key) comes before (eta2, key2) in arrival order (at an equal ETA the smaller key first). */
const before = (eta: number, key: string, eta2: number, key2: string) =>
  eta < eta2 || (eta === eta2 && key < key2);

/**
 * The gap ahead of every running trip of `trips` with a next station, in
 * the order of `trips`. Trips are compared with the others of `trips` of
 * their route and direction: pass every tracked trip of the lines wanted.
 *
 * Only the running trips' next stations are asked about: each line's trips'
 * stops are scanned once for those stations (no per-station lists built and
 * sorted: this runs for a feed's lines on every snapshot).
 */
export function gapsAhead(
  trips: readonly TrackedTrip[],
  lastArrival: LastArrival,
  at: NextStopContext,
): GapAhead[] {
  const queries: Query[] = [];
  const asked = new Map<string, LineQueries>();
  /** Each trip's line, by its place in `trips`. */
  const lineOf: LineQueries[] = [];
  for (const t of trips) {
    const key = lineKey(t.route, t.direction);
    let line = asked.get(key);
    if (!line) asked.set(key, (line = { byStation: new Map(), lastEta: Number.NEGATIVE_INFINITY }));
    lineOf.push(line);
    if (!t.running) continue;
    const next = t.stops[nextStopIndex(t, at)];
    if (!next) continue;
    const q: Query = { trip: t, stationId: next.stationId, eta: etaOf(next), aheadEta: 0, aheadKey: null };
    queries.push(q);
    line.lastEta = Math.max(line.lastEta, q.eta);
    const list = line.byStation.get(q.stationId);
    if (list) list.push(q);
    else line.byStation.set(q.stationId, [q]);
  }
  for (let i = 0; i < trips.length; i++) {
    const t = trips[i];
    const line = lineOf[i];
    if (line.byStation.size === 0) continue;
    const ascending = t.etasAscend ?? etasAscend(t.stops);
    for (const s of t.stops) {
      const eta = etaOf(s);
      // Due after every query of the line, the stop is ahead of none (most of a trip's stops are), nor
      // are the stops after it when the ETAs ascend.
      if (eta > line.lastEta) {
        if (ascending) break;
        continue;
      }
      const here = line.byStation.get(s.stationId);
      if (!here) continue;
      for (const q of here) {
        // A trip listing the station twice (a loop) is not its own train ahead.
        if (t.key === q.trip.key || !before(eta, t.key, q.eta, q.trip.key)) continue;
        if (q.aheadKey === null || before(q.aheadEta, q.aheadKey, eta, t.key)) {
          q.aheadEta = eta;
          q.aheadKey = t.key;
        }
      }
    }
  }

  const out: GapAhead[] = [];
  for (const q of queries) {
    const t = q.trip;
    const eta = q.eta;
    const arrived = lastArrival(lineKey(t.route, t.direction), q.stationId);
    const made = arrived && arrived.time <= eta && arrived.tripKey !== t.key ? arrived : undefined;
    let aheadAt: number | null = null;
    let aheadTripKey: string | null = null;
    let aheadMade = false;
    if (made && (q.aheadKey === null || made.time > q.aheadEta)) {
      aheadAt = made.time;
      aheadTripKey = made.tripKey;
      aheadMade = true;
    } else if (q.aheadKey !== null) {
      aheadAt = q.aheadEta;
      aheadTripKey = q.aheadKey;
    }
    out.push({
      tripKey: t.key,
      route: t.route,
      direction: t.direction,
      stationId: q.stationId,
      eta,
      aheadAt,
      aheadTripKey,
      aheadMade,
      gapSec: aheadAt === null ? null : (eta - aheadAt) / 1000,
    });
  }
  return out;
}

export interface GapAheadSummary {
  /** Running trains with a known gap ahead. */
  count: number;
  meanSec: number;
  minSec: number;
  maxSec: number;
}

/** Per line (lineKey), the gaps ahead of its trains with one known; lines without any are absent. */
export function gapAheadSummary(gaps: Iterable<GapAhead>): Map<string, GapAheadSummary> {
  const out = new Map<string, GapAheadSummary>();
  for (const g of gaps) {
    if (g.gapSec === null) continue;
    const line = lineKey(g.route, g.direction);
    const s = out.get(line);
    if (!s) {
      out.set(line, { count: 1, meanSec: g.gapSec, minSec: g.gapSec, maxSec: g.gapSec });
      continue;
    }
    s.meanSec += (g.gapSec - s.meanSec) / ++s.count;
    s.minSec = Math.min(s.minSec, g.gapSec);
    s.maxSec = Math.max(s.maxSec, g.gapSec);
  }
  return out;
}

/** What one tick brings: the feeds whose trips changed and the stops made. */
export interface GapAheadUpdate {
  now: number;
  typical: TypicalSec;
  changed: readonly string[];
  tripsOf: (feed: string) => readonly { trip: TrackedTrip }[];
  made: readonly MadeStop[];
}

/** What a board computed on the clock only takes in from a tracker tick between two: see follow(). */
export interface GapAheadFollow {
  now: number;
  changed: readonly string[];
  hasTrips: (feed: string) => boolean;
  made: readonly MadeStop[];
}

/**
 * The gaps across ticks: recomputes only the lines that a changed feed
 * lists (before or after), that made a stop, or whose last arrival expired.
 */
export class GapAheadBoard {
  /** Per feed, its trips by line as of its latest tick. */
  private readonly feeds = new Map<string, Map<string, TrackedTrip[]>>();
  /** Per line, per station, the last arrival made. */
  private readonly arrived = new Map<string, Map<string, Arrived>>();
  /** No arrival held is older than this (a lower bound): expire() has nothing to do before it ages out. */
  private oldestArrival = Number.POSITIVE_INFINITY;
  /** Per line, its trains' gaps as last computed. */
  private readonly gaps = new Map<string, GapAhead[]>();
  /** Lines recorded as changed and not computed since. */
  private readonly dirty = new Set<string>();
  private readonly lastArrival: LastArrival = (line, stationId) => this.arrived.get(line)?.get(stationId);

  constructor(private readonly net: TransitNetwork) {}

  /** Applies one tick; false when no line had to be recomputed. */
  update(u: GapAheadUpdate): boolean {
    this.record(u);
    return this.compute(u.now, u.typical);
  }

  /** Takes in one tick's stops made and changed feeds, and marks the lines they touch for compute(). */
  record(u: GapAheadUpdate): void {
    this.recordArrivals(u);
    for (const f of u.changed) {
      const had = this.feeds.get(f);
      for (const line of had?.keys() ?? []) this.dirty.add(line);
      const byLine = new Map<string, TrackedTrip[]>();
      for (const { trip } of u.tripsOf(f)) {
        const line = lineKey(trip.route, trip.direction);
        let list = byLine.get(line);
        if (!list) byLine.set(line, (list = []));
        list.push(trip);
        this.dirty.add(line);
      }
      if (byLine.size > 0) this.feeds.set(f, byLine);
      else this.feeds.delete(f);
    }
  }

  /**
   * What a board computed on the clock only needs of a tick between two:
   * the arrivals, and which feeds have trips, in the order they came to
   * have them (the order a line's trains are listed and its mean summed
   * in). Their trips are taken in on the clock, which changes every feed;
   * a feed's lines as last taken in stay marked until then.
   */
  follow(u: GapAheadFollow): void {
    this.recordArrivals(u);
    for (const f of u.changed) {
      const had = this.feeds.get(f);
      if (u.hasTrips(f)) {
        if (!had) this.feeds.set(f, new Map());
      } else if (had) {
        for (const line of had.keys()) this.dirty.add(line);
        this.feeds.delete(f);
      }
    }
  }

  private recordArrivals(u: { now: number; made: readonly MadeStop[] }): void {
    for (const m of u.made) {
      const line = lineKey(m.route, m.direction);
      let stations = this.arrived.get(line);
      if (!stations) this.arrived.set(line, (stations = new Map()));
      const prev = stations.get(m.stationId);
      // Feeds report out of order: the latest arrival is the train ahead.
      if (!prev || m.time >= prev.time) {
        stations.set(m.stationId, { time: m.time, tripKey: m.tripKey });
        this.oldestArrival = Math.min(this.oldestArrival, m.time);
      }
      this.dirty.add(line);
    }
    this.expire(u.now, this.dirty);
  }

  /**
   * Recomputes the lines marked since the last compute, as of `now`; false
   * when there were none. Read on the clock only, it gives what update()
   * on every tick gives then: the clock marks every line with a trip.
   */
  compute(now: number, typical: TypicalSec): boolean {
    const lines = this.dirty;
    if (lines.size === 0) return false;
    const trips: TrackedTrip[] = [];
    for (const line of lines) {
      this.gaps.delete(line);
      for (const byLine of this.feeds.values()) for (const t of byLine.get(line) ?? []) trips.push(t);
    }
    lines.clear();
    for (const g of gapsAhead(trips, this.lastArrival, { now, net: this.net, typical })) {
      const line = lineKey(g.route, g.direction);
      let list = this.gaps.get(line);
      if (!list) this.gaps.set(line, (list = []));
      list.push(g);
    }
    return true;
  }

  /** Every running train's gap, by trip key (a new map: later ticks do not change it). */
  byTrip(): Map<string, GapAhead> {
    const out = new Map<string, GapAhead>();
    for (const list of this.gaps.values()) for (const g of list) out.set(g.tripKey, g);
    return out;
  }

  /** Trips held (every feed's latest), for memory checks. */
  tripsHeld(): number {
    let n = 0;
    for (const byLine of this.feeds.values()) for (const list of byLine.values()) n += list.length;
    return n;
  }

  /** Last arrivals held (line x station), for memory checks. */
  arrivalsHeld(): number {
    let n = 0;
    for (const stations of this.arrived.values()) n += stations.size;
    return n;
  }

  /** Forgets arrivals HEADWAY_MAX_GAP_MS old; adds their lines to `lines`. */
  private expire(now: number, lines: Set<string>): void {
    const cutoff = now - HEADWAY_MAX_GAP_MS;
    // Called every tick: walks the arrivals only when the oldest is due to go.
    if (this.oldestArrival > cutoff) return;
    let oldest = Number.POSITIVE_INFINITY;
    for (const [line, stations] of this.arrived) {
      for (const [station, a] of stations)
        if (a.time <= cutoff) {
          stations.delete(station);
          lines.add(line);
        } else oldest = Math.min(oldest, a.time);
      if (stations.size === 0) this.arrived.delete(line);
    }
    this.oldestArrival = oldest;
  }
}

/**
 * Every running train's gap ahead by trip key, on each tick of the trip
 * statuses (a snapshot: its feed's lines; the clock: every line, as the
 * next station moves with now). Stops made come from the tracker's tick of
 * the same cycle. With `onClockOnly`, `trips` must tick on the clock only
 * (tripStatusesNode's onClockOnly): the gaps are computed and emitted then,
 * the same as they are then on every tick, and a tracker tick between costs
 * its bookkeeping only (for subway.gap_ahead, a per-minute metric).
 */
export function gapAheadNode(
  tracked: Series<TrackerTick>,
  trips: Series<TripStatusTick>,
  net: TransitNetwork,
  opts: { onClockOnly?: boolean } = {},
): Series<ReadonlyMap<string, GapAhead>> {
  return node({
    name: opts.onClockOnly ? "subway.gap_ahead.on_clock" : "subway.gap_ahead",
    inputs: { tracked, trips },
    // Per snapshot the trip statuses tick with the tracker; on the clock only, the tracker's ticks between are followed.
    passive: opts.onClockOnly ? [] : ["tracked"],
    state: () => new GapAheadBoard(net),
    onTick: ({ inputs, state, now }) => {
      const made = inputs.tracked.ticked ? inputs.tracked.value.made : [];
      if (!inputs.trips.ticked) {
        const tick = inputs.tracked.value;
        state.follow({
          now: now(),
          // A tick of no feed (trips expired on the clock) comes on the clock, with the statuses: never here.
          changed: tick.feed === null ? [...tick.byFeed.keys()] : [tick.feed],
          hasTrips: (f) => (tick.byFeed.get(f)?.length ?? 0) > 0,
          made,
        });
        return undefined;
      }
      const v = inputs.trips.value;
      state.record({
        now: v.now,
        typical: v.typical,
        changed: v.changed,
        tripsOf: (f) => v.byFeed.get(f) ?? [],
        made,
      });
      return state.compute(v.now, v.typical) ? (state.byTrip() as ReadonlyMap<string, GapAhead>) : undefined;
    },
  });
}
