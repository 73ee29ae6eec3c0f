/**
 * Service changes (METRICS.md): the routings trains actually run compared
 * with the scheduled ones active at the hour. A train's routing is judged
 * on its upcoming stops (all a feed tells of a trip seen mid-route):
 * - a contiguous stretch of a scheduled routing, ending at its terminal: as scheduled;
 * - a contiguous stretch ending elsewhere: truncated;
 * - a scheduled stretch with extra stops in between: express running local;
 * - scheduled stops in order with some left out: local running express;
 * - anything else (stations no scheduled routing has, or in another order): rerouted.
 * Only trips with a train assigned count (the feeds list trips up to an hour
 * ahead, with the stops they are planned to make), each compared with the
 * routings scheduled at its next stop's time.
 * A change is reported when at least MIN_TRAINS_FOR_CHANGE trains run it
 * (every train, when fewer run). A direction missing its trains (trips due
 * and none for a while: line-service.ts), while the other direction runs, is
 * "no_trains"; with neither direction running the line is "No service", not
 * a service change.
 */
import type { ServiceChange } from "../contract";
import { lineKey, type StopPattern, type TransitNetwork } from "../network";
import { MIN_TRAINS_FOR_CHANGE } from "./constants";
import type { LineService } from "./line-service";
import { tailShift } from "./travel-times";
import { DIRECTIONS, type Direction, etaOf, type TrackedTrip } from "./types";

export type RoutingClass =
  | { kind: "scheduled" }
  | { kind: "truncated"; endsAt: string; insteadOf: string }
  /** `stations` the extra stops, between the scheduled stops `from` and `to`. */
  | { kind: "express_running_local"; stations: string[]; from: string; to: string }
  | { kind: "local_running_express"; stations: string[] }
  | { kind: "rerouted"; stations: string[] };

const positionsOf = new WeakMap<StopPattern, Map<string, number>>();

/** Station -> place on the pattern; built once per pattern (asked per train on every clock tick). */
function positions(pattern: StopPattern): Map<string, number> {
  let pos = positionsOf.get(pattern);
  if (!pos) positionsOf.set(pattern, (pos = new Map(pattern.stations.map((s, i) => [s, i]))));
  return pos;
}

/** How a list of upcoming stations relates to the scheduled routings; null when too short to tell. */
export function classifyRouting(
  upcoming: readonly string[],
  patterns: readonly StopPattern[],
): RoutingClass | null {
  if (upcoming.length < 2 || patterns.length === 0) return null;
  let truncated: RoutingClass | null = null;
  let runsLocal: RoutingClass | null = null;
  let runsExpress: RoutingClass | null = null;
  for (const p of patterns) {
    const pos = positions(p);
    const at = upcoming.map((s) => pos.get(s));
    const inOrder = (xs: (number | undefined)[]) =>
      xs.every((x, i) => x !== undefined && (i === 0 || x > (xs[i - 1] as number)));
    if (inOrder(at)) {
      const idx = at as number[];
      const contiguous = idx.every((x, i) => i === 0 || x === idx[i - 1] + 1);
      const last = idx[idx.length - 1];
      if (contiguous && last === p.stations.length - 1) return { kind: "scheduled" };
      if (contiguous)
        truncated ??= {
          kind: "truncated",
          endsAt: p.stations[last],
          insteadOf: p.stations[p.stations.length - 1],
        };
      else {
        const kept = new Set(upcoming);
        const skipped = p.stations.slice(idx[0], last + 1).filter((s) => !kept.has(s));
        runsExpress ??= { kind: "local_running_express", stations: skipped };
      }
      continue;
    }
    // Extra stops: the scheduled stretch from the first to the last upcoming station, all made, plus others.
    const first = pos.get(upcoming[0]);
    const lastPos = pos.get(upcoming[upcoming.length - 1]);
    if (first === undefined || lastPos === undefined || lastPos <= first) continue;
    const onRoute = at.filter((x) => x !== undefined);
    const stretch = p.stations.slice(first, lastPos + 1);
    const listed = new Set(upcoming);
    if (inOrder(onRoute) && stretch.every((s) => listed.has(s)) && !runsLocal) {
      const first = upcoming.findIndex((s) => !pos.has(s));
      const last = upcoming.findLastIndex((s) => !pos.has(s));
      runsLocal = {
        kind: "express_running_local",
        stations: upcoming.filter((s) => !pos.has(s)),
        // The first and last upcoming stations are on the routing: both exist.
        from: upcoming[first - 1],
        to: upcoming[last + 1],
      };
    }
  }
  if (truncated) return truncated;
  if (runsLocal) return runsLocal;
  if (runsExpress) return runsExpress;
  const known = new Set(patterns.flatMap((p) => p.stations));
  return { kind: "rerouted", stations: upcoming.filter((s) => !known.has(s)) };
}

/**
 * Whether the tail (two stops or more) of a judged trip's stops keeps its class. A tail of a
 * contiguous run to a routing's terminal is one too. A train part-way along the stations it runs
 * off its routing (or stops at besides it) has its first ones behind it: judged afresh, a local
 * train on the express stretch starts off the express routing and reads "rerouted", and a
 * rerouted one names fewer stations each minute. Both keep their class, and the stations it was
 * judged by, while some of those are still ahead; after them the train is judged afresh.
 */
export function tailKeeps(routing: RoutingClass | null, stops: TrackedTrip["stops"]): boolean {
  switch (routing?.kind) {
    case "scheduled":
      return true;
    case "express_running_local":
    case "rerouted": {
      const off = routing.stations;
      return stops.some((s) => off.includes(s.stationId));
    }
    default:
      return false;
  }
}

/** A trip's routing as last judged, with what it was judged on. */
interface Judged {
  stops: TrackedTrip["stops"];
  route: string;
  direction: Direction;
  /** The hour of the service day whose routings it was judged against. */
  hour: number;
  patterns: readonly StopPattern[];
  routing: RoutingClass | null;
  round: number;
}

/**
 * Each trip's routing class from one clock tick to the next, while its
 * stops list (the tracker keeps it while the trip is listed unchanged) and
 * the hour whose routings it is judged against are the same: most trips are
 * unchanged between two minutes. A trip listed anew keeps its class when it
 * lists the same stations, or a tail of them (the stops made dropped) that
 * tailKeeps, against the same routings. A trip not judged in a round is
 * dropped at its end.
 */
export class RoutingCache {
  private readonly byTrip = new Map<string, Judged>();
  private round = 0;

  constructor(private readonly net: Pick<TransitNetwork, "hourAt" | "activePatterns">) {}

  /** Starts a round (a clock tick, every route). */
  begin(): void {
    this.round++;
  }

  /** The trip's routing against the routings of its line active at `when`. */
  classify(trip: TrackedTrip, when: number): RoutingClass | null {
    const hour = this.net.hourAt(when);
    let j = this.byTrip.get(trip.key);
    const sameLine = j !== undefined && j.route === trip.route && j.direction === trip.direction;
    if (j && sameLine && j.stops === trip.stops && j.hour === hour) {
      j.round = this.round;
      return j.routing;
    }
    const patterns = this.net.activePatterns(trip.route, trip.direction, when);
    // The hourly lists are new arrays each hour, most often of the same routings.
    const samePatterns =
      j !== undefined &&
      j.patterns.length === patterns.length &&
      j.patterns.every((p, i) => p === patterns[i]);
    const shift = j && sameLine && samePatterns ? tailShift(j.stops, trip.stops) : -1;
    let routing: RoutingClass | null;
    if (j && shift === 0) routing = j.routing;
    else if (j && shift > 0 && trip.stops.length >= 2 && tailKeeps(j.routing, trip.stops))
      routing = j.routing;
    else
      routing = classifyRouting(
        trip.stops.map((s) => s.stationId),
        patterns,
      );
    j = {
      stops: trip.stops,
      route: trip.route,
      direction: trip.direction,
      hour,
      patterns,
      routing,
      round: this.round,
    };
    this.byTrip.set(trip.key, j);
    return routing;
  }

  /** Drops the trips not judged in this round. */
  end(): void {
    for (const [key, j] of this.byTrip) if (j.round !== this.round) this.byTrip.delete(key);
  }
}

const DIR_WORD: Record<Direction, string> = { N: "Northbound", S: "Southbound" };

/**
 * Adds the stations of `seq` (in travel order) that `into` lacks, each next to its neighbour in `seq`:
 * a train part-way along a change lists the tail of its stations, and the union then reads in travel
 * order whichever train is counted first (in order of first sight, the description changed from one
 * minute to the next as the trains' order did).
 */
export function mergeInTravelOrder(into: string[], seq: readonly string[]): void {
  let after = -1; // where the last station of seq seen is in `into`
  const before: string[] = []; // stations of seq met before any `into` has
  for (const s of seq) {
    const i = into.indexOf(s);
    if (i >= 0) {
      if (before.length > 0) into.splice(i, 0, ...before.splice(0));
      after = into.indexOf(s);
    } else if (after >= 0) into.splice(++after, 0, s);
    else before.push(s);
  }
  into.push(...before);
}

function names(ids: readonly string[], name: (id: string) => string, max = 3): string {
  const shown = ids.slice(0, max).map(name).join(", ");
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}

interface Group {
  kind: ServiceChange["kind"];
  trains: number;
  stations: string[];
  endsAt?: string;
  insteadOf?: string;
  from?: string;
  to?: string;
}

function describe(g: Group, dir: Direction, name: (id: string) => string): string {
  const d = DIR_WORD[dir];
  switch (g.kind) {
    case "truncated":
      return `${d} trains end at ${name(g.endsAt!)} instead of ${name(g.insteadOf!)}`;
    case "express_running_local":
      return `${d} trains run local between ${name(g.from!)} and ${name(g.to!)}`;
    case "local_running_express":
      return `${d} trains skip ${names(g.stations, name)}`;
    case "rerouted":
      return g.stations.length > 0
        ? `${d} trains rerouted via ${names(g.stations, name)}`
        : `${d} trains rerouted off their scheduled routing`;
    default:
      return `No ${d.toLowerCase()} trains running`;
  }
}

/** The route's service changes at `now`, sorted by direction, kind, description. */
export function serviceChanges(
  route: string,
  trips: readonly TrackedTrip[],
  net: TransitNetwork,
  now: number,
  /** Each line direction's service against its schedule, by lineKey: a "missing" one is a "no_trains" change. */
  service: ReadonlyMap<string, LineService> = new Map(),
  routings?: RoutingCache,
): ServiceChange[] {
  const name = (id: string) => net.stations.get(id)?.name ?? id;
  const running = { N: 0, S: 0 };
  /** Trains whose routing could be judged (assigned, two stops or more ahead): a change is run by enough of these. */
  const judged = { N: 0, S: 0 };
  const groups = { N: new Map<string, Group>(), S: new Map<string, Group>() };
  for (const t of trips) {
    if (t.route !== route || !t.running) continue;
    running[t.direction]++;
    // Trips listed ahead of their train (unassigned) say how trains will run, not how they run now.
    if (!t.isAssigned || t.stops.length === 0) continue;
    // A train about to leave its terminal is judged by the routings of its own departure hour.
    const when = Math.max(now, etaOf(t.stops[0]));
    const c = routings
      ? routings.classify(t, when)
      : classifyRouting(
          t.stops.map((s) => s.stationId),
          net.activePatterns(route, t.direction, when),
        );
    if (!c) continue;
    judged[t.direction]++;
    if (c.kind === "scheduled") continue;
    const key =
      c.kind === "truncated"
        ? `truncated|${c.endsAt}`
        : c.kind === "express_running_local"
          ? `${c.kind}|${c.from}|${c.to}`
          : c.kind;
    let g = groups[t.direction].get(key);
    if (!g) {
      g = { kind: c.kind, trains: 0, stations: [] };
      if (c.kind === "truncated") Object.assign(g, { endsAt: c.endsAt, insteadOf: c.insteadOf });
      if (c.kind === "express_running_local") Object.assign(g, { from: c.from, to: c.to });
      groups[t.direction].set(key, g);
    }
    g.trains++;
    if (c.kind !== "truncated") mergeInTravelOrder(g.stations, c.stations);
  }
  const out: ServiceChange[] = [];
  const anyRunning = running.N + running.S > 0;
  for (const dir of DIRECTIONS) {
    for (const g of groups[dir].values())
      if (g.trains >= Math.min(MIN_TRAINS_FOR_CHANGE, judged[dir]))
        out.push({ kind: g.kind, direction: dir, description: describe(g, dir, name) });
    if (anyRunning && running[dir] === 0 && service.get(lineKey(route, dir))?.kind === "missing")
      out.push({
        kind: "no_trains",
        direction: dir,
        description: describe({ kind: "no_trains", trains: 0, stations: [] }, dir, name),
      });
  }
  return out.sort(
    (a, b) =>
      (a.direction < b.direction ? -1 : a.direction > b.direction ? 1 : 0) ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
      (a.description < b.description ? -1 : a.description > b.description ? 1 : 0),
  );
}
