/**
 * Per-trip state across snapshots of the eight feeds, which arrive
 * interleaved: a feed's snapshot replaces that feed's trips only. Keeps the
 * first ETA seen per stop (for schedule discrepancy and prediction accuracy)
 * and the last stop made; reports the stops made by each snapshot. Memory
 * is bounded by the trips in the feeds now: a trip's state goes when it
 * leaves its feed, and a silent feed's trips go after TRIP_TIMEOUT_MS.
 */
import type { SubwayFeedSnapshot, SubwayStop, SubwayTrip, SubwayVehicle } from "../../adapters/subway";
import { tripMatchKey } from "../network";
import { TRIP_TIMEOUT_MS } from "./constants";
import { stopsMade } from "./made-stops";
import { tailShift } from "./travel-times";
import { etaOf, type FeedState, leavesAt, type MadeStop, type TrackedTrip } from "./types";

interface TripRecord extends TrackedTrip {
  firstEta: Map<string, number>;
  /** The latest time the train leaves one of its stops: running while the snapshot's time has not passed it. */
  lastLeaves: number;
  /** The trip_update bytes of the latest listing (SubwayTrip.wire): `stops` is what they decode to. */
  wire: Uint8Array | undefined;
  wireStart: number;
  wireEnd: number;
}

interface FeedRecord extends FeedState {
  keys: Set<string>;
  /** Its trips' records in the snapshot's order: a snapshot listing the same ones in the same order keeps the sets. */
  records: TripRecord[];
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const sameList = <T>(a: readonly T[], b: readonly T[]) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Whether two stop lists name the same stations in the same order. */
function sameStations(a: readonly SubwayStop[], b: readonly SubwayStop[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].stationId !== b[i].stationId) return false;
  return true;
}

const compareBytes = Buffer.prototype.compare;

/**
 * Whether the trip is listed with the same trip_update bytes as the record's stops were decoded from:
 * then its stops are equal to the record's in every field, and one memcmp tells it (unchanged trips
 * are three in four; comparing their stops field by field reads every kept stop and its boxed times).
 */
function sameWire(rec: TripRecord, t: SubwayTrip): boolean {
  const wire = t.wire;
  if (wire === undefined || rec.wire === undefined) return false;
  const start = t.wireStart ?? 0;
  const end = t.wireEnd ?? 0;
  return (
    end - start === rec.wireEnd - rec.wireStart &&
    compareBytes.call(wire, rec.wire, rec.wireStart, rec.wireEnd, start, end) === 0
  );
}

/**
 * Every field of SubwayStop equal, stop by stop. Only the fields the decoder reads are compared
 * (adapters/subway/wire-trip.ts): stationId is a function of stopId, and `time` of arrival,
 * departure and whether the stop is the first listed (equal indexes here). direction is a function
 * of stopId too, except for a stop id without an N/S suffix, which takes the trip's: compared.
 * arrival first: a changed trip changes nearly all its stops, and leaves at its first one.
 */
function sameStops(a: readonly SubwayStop[], b: readonly SubwayStop[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.arrival !== y.arrival ||
      x.departure !== y.departure ||
      x.stopId !== y.stopId ||
      x.direction !== y.direction ||
      x.stopSequence !== y.stopSequence ||
      x.scheduledTrack !== y.scheduledTrack ||
      x.actualTrack !== y.actualTrack
    )
      return false;
  }
  return true;
}

/**
 * Whether every station of `after` still has its first ETA once the stops of `before` made are recorded:
 * `after` lists the stations of `before` less some made off its front, none of which it lists again (a
 * loop). Every station of a record's stops has one, and recording a stop made deletes only that station's.
 */
function keepsFirstEtas(before: readonly SubwayStop[], after: readonly SubwayStop[]): boolean {
  const shift = tailShift(before, after);
  if (shift < 0) return false;
  for (let i = 0; i < shift; i++)
    for (const s of after) if (s.stationId === before[i].stationId) return false;
  return true;
}

/**
 * Sets what the record keeps of its stops list, in one pass over it: the latest leaving time
 * (-Infinity for none: some stop leaves at or after t iff it is >= t) and whether the ETAs never go down.
 */
function takeStops(rec: TripRecord, stops: readonly SubwayStop[]): void {
  let last = Number.NEGATIVE_INFINITY;
  let ascending = true;
  for (let i = 0; i < stops.length; i++) {
    const leaves = leavesAt(stops[i]);
    if (leaves > last) last = leaves;
    if (i > 0 && !(etaOf(stops[i]) >= etaOf(stops[i - 1]))) ascending = false;
  }
  rec.lastLeaves = last;
  rec.etasAscend = ascending;
}

function sameVehicle(a: SubwayVehicle | undefined, b: SubwayVehicle | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.timestamp === b.timestamp &&
    a.stopId === b.stopId &&
    a.status === b.status &&
    a.currentStopSequence === b.currentStopSequence
  );
}

/** The lists one after the other, in the map's order. */
export function flatten<T>(lists: ReadonlyMap<string, readonly T[]>): T[] {
  const out: T[] = [];
  for (const list of lists.values()) for (const x of list) out.push(x);
  return out;
}

export class TripTracker {
  private readonly trips = new Map<string, TripRecord>();
  private readonly feeds = new Map<string, FeedRecord>();
  private readonly routeSet: Set<string>;
  private routeList: string[];
  /** Feed ids, sorted (a new feed is rare: sorted again then). */
  private feedOrder: string[] = [];
  /** Per feed, its trips by key: rebuilt only for a feed whose trips changed (some came or went). */
  private readonly lists = new Map<string, TrackedTrip[]>();

  constructor(networkRoutes: readonly string[] = []) {
    this.routeSet = new Set(networkRoutes);
    this.routeList = [...this.routeSet].sort();
  }

  /**
   * Applies one feed's snapshot; returns the stops it shows made, or null
   * when it is not newer than the feed's last one (a repeat: ignored).
   */
  apply(snap: SubwayFeedSnapshot): MadeStop[] | null {
    const prev = this.feeds.get(snap.feed);
    if (prev && snap.timestamp <= prev.timestamp) return null;
    const made: MadeStop[] = [];
    const records: TripRecord[] = [];
    for (const t of snap.trips) records.push(this.update(t, snap, made));
    /*
     * Most snapshots list the same trips as the last one, in the same order: nothing gone, the same sets.
     * Records, not keys, are compared: a trip dropped by another feed that also listed it comes back as a new one.
     */
    let keys: Set<string>;
    let matchKeys: ReadonlySet<string>;
    if (prev && sameList(prev.records, records)) {
      keys = prev.keys;
      matchKeys = prev.matchKeys;
      // Its list of trips by key holds the same records, in the same order: kept too.
    } else {
      this.lists.delete(snap.feed);
      keys = new Set();
      const matching = new Set<string>();
      for (const rec of records) {
        keys.add(rec.key); // the key string kept since the trip was first seen: the snapshot's copy can die young
        if (rec.matchKey) matching.add(rec.matchKey);
      }
      matchKeys = matching;
      for (const key of prev?.keys ?? []) {
        if (keys.has(key)) continue;
        const rec = this.trips.get(key);
        if (rec) this.record(rec, stopsMade(rec.stops, [], snap.timestamp), made);
        this.trips.delete(key);
      }
    }
    if (!prev) this.feedOrder = [...this.feeds.keys(), snap.feed].sort();
    this.feeds.set(snap.feed, {
      feed: snap.feed,
      timestamp: snap.timestamp,
      replacementPeriods: snap.replacementPeriods,
      matchKeys,
      keys,
      records,
    });
    return made.sort(
      (a, b) => a.time - b.time || (a.tripKey < b.tripKey ? -1 : a.tripKey > b.tripKey ? 1 : 0),
    );
  }

  /** Drops the trips of feeds silent for TRIP_TIMEOUT_MS; true when any went. */
  expire(now: number): boolean {
    let any = false;
    for (const f of this.feeds.values()) {
      if (now - f.timestamp <= TRIP_TIMEOUT_MS || f.keys.size === 0) continue;
      for (const key of f.keys) this.trips.delete(key);
      f.keys.clear();
      f.records = [];
      this.lists.delete(f.feed);
      (f as { matchKeys: ReadonlySet<string> }).matchKeys = new Set();
      any = true;
    }
    return any;
  }

  /** The trips per feed: feeds by id, each feed's trips by key. */
  tripsByFeed(): Map<string, TrackedTrip[]> {
    const out = new Map<string, TrackedTrip[]>();
    for (const feed of this.feedOrder) {
      let list = this.lists.get(feed);
      if (!list) {
        list = [];
        for (const key of this.feeds.get(feed)!.keys) {
          const t = this.trips.get(key);
          if (t) list.push(t);
        }
        this.lists.set(feed, list.sort(byKey));
      }
      out.set(feed, list);
    }
    return out;
  }

  /** Every tracked trip: feed by feed, by key within a feed. */
  tripList(): TrackedTrip[] {
    return flatten(this.tripsByFeed());
  }

  feedStates(): ReadonlyMap<string, FeedState> {
    return this.feeds;
  }

  /** Network routes and every route seen in a feed, sorted. */
  routes(): readonly string[] {
    return this.routeList;
  }

  private update(t: SubwayTrip, snap: SubwayFeedSnapshot, made: MadeStop[]): TripRecord {
    let rec = this.trips.get(t.key);
    if (!rec) {
      rec = {
        key: t.key,
        tripId: t.tripId,
        feed: snap.feed,
        route: t.routeId,
        direction: t.direction,
        trainId: t.trainId,
        isAssigned: t.isAssigned,
        matchKey: tripMatchKey(t.tripId, t.direction),
        stops: [],
        feedTimestamp: snap.timestamp,
        firstEta: new Map(),
        lastMade: null,
        running: false,
        pending: false,
        etasAscend: true,
        lastLeaves: Number.NEGATIVE_INFINITY,
        wire: undefined,
        wireStart: 0,
        wireEnd: 0,
      };
      this.trips.set(t.key, rec);
      if (!this.routeSet.has(t.routeId)) {
        this.routeSet.add(t.routeId);
        this.routeList = [...this.routeSet].sort();
      }
    }
    /*
     * Most trips are listed again unchanged (three in four, 30 s apart): the
     * record then keeps the stops it has, equal in every field. The nodes
     * downstream key their per-trip work on the stops list, and the new
     * snapshot's objects die young instead of being carried through GCs.
     */
    const unchanged = sameWire(rec, t) || sameStops(rec.stops, t.stops);
    // Either way rec.stops is what t's bytes decode to.
    rec.wire = t.wire;
    rec.wireStart = t.wireStart ?? 0;
    rec.wireEnd = t.wireEnd ?? 0;
    const stops = unchanged ? rec.stops : t.stops;
    // Every station of rec.stops has a first ETA (see below): with the same stations listed again nothing was made, nothing is new.
    const before = rec.stops;
    const same = unchanged || sameStations(before, stops);
    if (!same) this.record(rec, stopsMade(before, stops, snap.timestamp), made);
    if (rec.trainId !== t.trainId) rec.trainId = t.trainId;
    rec.isAssigned = t.isAssigned;
    if (!unchanged) takeStops(rec, stops);
    rec.stops = stops;
    if (!sameVehicle(rec.vehicle, t.vehicle)) rec.vehicle = t.vehicle;
    rec.feedTimestamp = snap.timestamp;
    const listed = rec.lastLeaves >= snap.timestamp;
    const started =
      rec.isAssigned ||
      rec.vehicle?.status !== undefined ||
      rec.lastMade !== null ||
      (stops.length > 0 && etaOf(stops[0]) <= snap.timestamp);
    rec.running = listed && started;
    rec.pending = listed && !started;
    if (!same && !keepsFirstEtas(before, stops))
      for (const s of stops)
        if (!rec.firstEta.has(s.stationId)) rec.firstEta.set(s.stationId, s.arrival ?? s.time);
    return rec;
  }

  private record(rec: TripRecord, stops: ReturnType<typeof stopsMade>, into: MadeStop[]): void {
    for (const { stop, time } of stops) {
      into.push({
        tripKey: rec.key,
        route: rec.route,
        direction: rec.direction,
        stationId: stop.stationId,
        time,
        assigned: rec.isAssigned,
        firstEta: rec.firstEta.get(stop.stationId) ?? stop.arrival ?? stop.time,
        from: rec.lastMade,
      });
      rec.lastMade = { stationId: stop.stationId, time };
      // The ETA of a stop made is no longer needed: keeps the map as short as the trip ahead.
      rec.firstEta.delete(stop.stationId);
    }
  }
}
