/**
 * TransitNetwork: the precomputed static network of one service day and the
 * questions the realtime metrics ask of it (scheduled headway at a station
 * and hour, scheduled time between two stations, the routings running now,
 * the geometry between two stations).
 */
import type { NetworkView } from "../contract";
import { cumulative, type PointOnLine, pointAlongMeasured, reversed } from "./geometry";
import { HOURS, lineKey, MINUTES, pairKey, type ScheduleTables } from "./schedule-tables";
import { hourIndex } from "./service-day";
import { straightThrough } from "./shapes";
import type {
  Direction,
  HourlyHeadway,
  NetworkRoute,
  NetworkStation,
  Polyline,
  ScheduledTrip,
  StopPattern,
} from "./types";
import { networkView } from "./view";

/** A pattern counts as running in hour h when it has trips starting in hours h-2..h (trips run up to ~2 h). */
const ACTIVE_LOOKBACK_HOURS = 2;
/** Hours of a service day past midnight: the previous service day's trips of hour h + 24 run in hour h. */
const DAY_HOURS = 24;

/**
 * A pattern's trips starting in the ACTIVE_LOOKBACK_HOURS up to hour h of the service day, and, before
 * the next midnight, those of the same clock hours a day later: the network holds one service day, and
 * in its small hours the trains running are the previous day's late ones (an evening routing, as the
 * 5 to Flatbush Av), whose schedule this day's late trips stand for.
 */
function startsNear(p: StopPattern, h: number): number {
  let n = 0;
  const add = (from: number, to: number) => {
    for (let k = Math.max(0, from); k <= Math.min(HOURS - 1, to); k++) n += p.startsByHour[k];
  };
  add(h - ACTIVE_LOOKBACK_HOURS, h);
  if (h < DAY_HOURS) add(h + DAY_HOURS - ACTIVE_LOOKBACK_HOURS, h + DAY_HOURS);
  return n;
}

/** A polyline with its cumulative distances, to place many trains along it. */
interface MeasuredLine {
  line: Polyline;
  cum: Float64Array;
}

/** Two-level map get-or-create (the realtime side asks by station pairs, many times a second). */
function inner<K, V>(outer: Map<string, Map<K, V>>, key: string): Map<K, V> {
  let m = outer.get(key);
  if (!m) outer.set(key, (m = new Map()));
  return m;
}

export interface TransitNetworkParts {
  serviceDate: string;
  dayOriginMs: number;
  stations: Map<string, NetworkStation>;
  routes: Map<string, NetworkRoute>;
  tables: ScheduleTables;
  scheduledTrips: ScheduledTrip[];
  /** Polyline per pattern id. */
  polylines: Map<string, Polyline>;
  /** `from>to` -> geometry, per route. */
  segments: Map<string, Map<string, Polyline>>;
}

export class TransitNetwork {
  readonly serviceDate: string;
  /** Epoch ms of the service day's origin (local noon - 12 h): GTFS times count from here. */
  readonly dayOriginMs: number;
  readonly stations: ReadonlyMap<string, NetworkStation>;
  /** By route id, sorted. */
  readonly routes: ReadonlyMap<string, NetworkRoute>;
  /** The day's trips, by first departure. */
  readonly scheduledTrips: readonly ScheduledTrip[];
  readonly polylines: ReadonlyMap<string, Polyline>;
  private readonly tables: ScheduleTables;
  private readonly segments: Map<string, Map<string, Polyline>>;
  private readonly patternById = new Map<string, StopPattern>();
  private readonly tripsByRoute = new Map<string, ScheduledTrip[]>();
  private readonly previous = new Map<string, Map<string, string>>();
  /*
   * Answers asked again and again by the realtime side, kept once computed.
   * Bounded by the network: routes x station pairs asked, lines x hours.
   */
  private readonly measuredSegments = new Map<string, Map<string, Map<string, MeasuredLine>>>();
  private readonly activeByLineHour = new Map<string, Map<number, readonly StopPattern[]>>();
  private readonly pairSecByDir: Record<Direction, Map<string, Map<string, number | undefined>>> = {
    N: new Map(),
    S: new Map(),
  };

  constructor(parts: TransitNetworkParts) {
    this.serviceDate = parts.serviceDate;
    this.dayOriginMs = parts.dayOriginMs;
    this.stations = parts.stations;
    this.routes = parts.routes;
    this.tables = parts.tables;
    this.scheduledTrips = parts.scheduledTrips;
    this.polylines = parts.polylines;
    this.segments = parts.segments;
    for (const [line, list] of parts.tables.patterns) {
      const prev = new Map<string, string>();
      for (const p of list) {
        this.patternById.set(p.id, p);
        for (let i = 1; i < p.stations.length; i++)
          if (!prev.has(p.stations[i])) prev.set(p.stations[i], p.stations[i - 1]);
      }
      this.previous.set(line, prev);
    }
    for (const t of parts.scheduledTrips) {
      const list = this.tripsByRoute.get(t.route);
      if (list) list.push(t);
      else this.tripsByRoute.set(t.route, [t]);
    }
  }

  /** Route ids, sorted. */
  routeIds(): string[] {
    return [...this.routes.keys()];
  }

  /** Hour of the service day (index of the hourly tables) at epoch ms t. */
  hourAt(t: number): number {
    return hourIndex(this.dayOriginMs, t);
  }

  patterns(route: string, direction: Direction): readonly StopPattern[] {
    return this.tables.patterns.get(lineKey(route, direction)) ?? [];
  }

  pattern(id: string): StopPattern | undefined {
    return this.patternById.get(id);
  }

  /** The routing most of the day's trips run. */
  mainPattern(route: string, direction: Direction): StopPattern | undefined {
    return this.patterns(route, direction)[0];
  }

  /** Patterns with trips starting in the last couple of hours at t (startsNear); all of the day's when none. */
  activePatterns(route: string, direction: Direction, t: number): readonly StopPattern[] {
    const h = this.hourAt(t);
    const byHour = inner(this.activeByLineHour, lineKey(route, direction));
    let active = byHour.get(h);
    if (!active) {
      const all = this.patterns(route, direction);
      const running = all.filter((p) => startsNear(p, h) > 0);
      active = running.length > 0 ? running : [...all];
      byHour.set(h, active);
    }
    return active;
  }

  /** The routing with the most trips starting in the last couple of hours at t (else the main one). */
  currentPattern(route: string, direction: Direction, t: number): StopPattern | undefined {
    const h = this.hourAt(t);
    let best: StopPattern | undefined;
    let bestN = 0;
    for (const p of this.patterns(route, direction)) {
      const n = startsNear(p, h);
      if (n > bestN) {
        best = p;
        bestN = n;
      }
    }
    return best ?? this.mainPattern(route, direction);
  }

  private hourValue(table: Float64Array | undefined, t: number): number | undefined {
    if (!table) return undefined;
    const h = this.hourAt(t);
    if (h < 0 || h >= HOURS) return undefined;
    const v = table[h];
    return Number.isNaN(v) ? undefined : v;
  }

  /** Mean scheduled gap (s) between trains of the line at a station, in the hour of t. */
  scheduledHeadwaySec(route: string, direction: Direction, station: string, t: number): number | undefined {
    return this.hourValue(this.tables.stationHeadway.get(`${lineKey(route, direction)}|${station}`), t);
  }

  /** Longest scheduled gap (s) between trains of the line at a station open in the hours from `from` to `to`. */
  scheduledMaxHeadwaySec(
    route: string,
    direction: Direction,
    station: string,
    from: number,
    to: number,
  ): number | undefined {
    const table = this.tables.stationMaxHeadway.get(`${lineKey(route, direction)}|${station}`);
    let max: number | undefined;
    for (let h = Math.max(0, this.hourAt(from)); h <= Math.min(HOURS - 1, this.hourAt(to)); h++) {
      const v = table?.[h];
      if (v !== undefined && !Number.isNaN(v) && !(max !== undefined && max >= v)) max = v;
    }
    return max;
  }

  /** Scheduled gaps over every station of the line in the hour of t. */
  lineHeadway(route: string, direction: Direction, t: number): HourlyHeadway | undefined {
    const h = this.tables.lineHeadway.get(lineKey(route, direction));
    const meanSec = this.hourValue(h?.mean, t);
    const maxSec = this.hourValue(h?.max, t);
    return meanSec === undefined || maxSec === undefined ? undefined : { meanSec, maxSec };
  }

  /** Median scheduled time (s) from one station to the next. */
  scheduledPairSec(direction: Direction, from: string, to: string): number | undefined {
    const byTo = inner(this.pairSecByDir[direction], from);
    let sec = byTo.get(to);
    if (sec === undefined && !byTo.has(to))
      byTo.set(to, (sec = this.tables.pairSec.get(pairKey(direction, from, to))));
    return sec;
  }

  /** Scheduled trips of the line whose run overlaps the hour of t. */
  /**
   * Scheduled trips due on the line at t (its minute): left their first stop DUE_AFTER_DEPARTURE_SEC
   * or more before, not past the scheduled arrival at their last.
   */
  tripsDue(route: string, direction: Direction, t: number): number {
    const due = this.tables.tripsDue.get(lineKey(route, direction));
    const m = Math.floor((t - this.dayOriginMs) / 60_000);
    return due && m >= 0 && m < MINUTES ? due[m] : 0;
  }

  /** Whether some scheduled trip is due on the line at a minute within `ms` of t, either side. */
  anyTripDueWithin(route: string, direction: Direction, t: number, ms: number): boolean {
    const due = this.tables.tripsDue.get(lineKey(route, direction));
    if (!due) return false;
    const from = Math.max(0, Math.floor((t - ms - this.dayOriginMs) / 60_000));
    const to = Math.min(MINUTES - 1, Math.floor((t + ms - this.dayOriginMs) / 60_000));
    for (let m = from; m <= to; m++) if (due[m] > 0) return true;
    return false;
  }

  /** The route's scheduled trips, by first departure. */
  scheduledTripsOf(route: string): readonly ScheduledTrip[] {
    return this.tripsByRoute.get(route) ?? [];
  }

  /** The station before this one on the line's routings (main routing first). */
  previousStation(route: string, direction: Direction, station: string): string | undefined {
    return this.previous.get(lineKey(route, direction))?.get(station);
  }

  /**
   * Geometry from one station to another for a train of this route: its
   * shape's stretch, else a straight line. Shared: do not modify it.
   */
  segment(route: string, from: string, to: string): Polyline {
    return this.measuredSegment(route, from, to).line;
  }

  /** The point a fraction (0..1) of the way along segment(route, from, to). */
  pointBetween(route: string, from: string, to: string, fraction: number): PointOnLine {
    const m = this.measuredSegment(route, from, to);
    return pointAlongMeasured(m.line, m.cum, fraction);
  }

  private measuredSegment(route: string, from: string, to: string): MeasuredLine {
    const byTo = inner(inner(this.measuredSegments, route), from);
    let m = byTo.get(to);
    if (!m) {
      const line = this.findSegment(route, from, to);
      byTo.set(to, (m = { line, cum: cumulative(line) }));
    }
    return m;
  }

  private findSegment(route: string, from: string, to: string): Polyline {
    const own = this.segments.get(route);
    const direct = own?.get(`${from}>${to}`);
    if (direct) return direct;
    const back = own?.get(`${to}>${from}`);
    if (back) return reversed(back);
    return straightThrough([from, to], this.stations);
  }

  /** The network as the browser draws it (bike stations are the bikes graph's to fill). */
  toNetworkView(): NetworkView {
    return networkView(this);
  }
}
