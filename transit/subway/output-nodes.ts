/** Line status and the metric ticks, as engine nodes: on the clock, and between clock ticks when they changed. */
import { node, type Series } from "../../engine";
import type { LineStatus, MetricTick, ServiceChange } from "../contract";
import { lineKey, type TransitNetwork } from "../network";
import { type GapAhead, gapAheadSummary } from "./gap-ahead";
import type { HeadwaySummary } from "./headways";
import type { LineCounts } from "./line-counts";
import type { DelayWindows } from "./line-nodes";
import { fingerprint, MetricDiff, rememberFingerprint, subwayMetricTicks } from "./metrics";
import type { WaitStats } from "./next-train-wait";
import type { PredictionError } from "./prediction-error";
import type { RuntimeResult } from "./runtime";
import { sameFacts } from "./same-facts";
import { type DirectionFacts, type LineFacts, lineStatus } from "./status";

const EMPTY = new Map();
const valueOr = <T>(s: Series<T> | undefined, fallback: T): T => (s?.valid ? s.value : fallback);

export interface StatusInputs {
  clock: Series<unknown>;
  counts: Series<ReadonlyMap<string, LineCounts>>;
  headways: Series<ReadonlyMap<string, HeadwaySummary>>;
  runtimes: Series<ReadonlyMap<string, RuntimeResult>>;
  changes: Series<ReadonlyMap<string, ServiceChange[]>>;
  staleRoutes?: Series<ReadonlySet<string>>;
  alertsByRoute?: Series<ReadonlyMap<string, number>>;
}

function emptyCounts(route: string, direction: "N" | "S"): LineCounts {
  return {
    route,
    direction,
    running: 0,
    delayed: 0,
    stalled: 0,
    meanDelaySec: Number.NaN,
    maxDelaySec: Number.NaN,
  };
}

/** A line's status as last computed, with what it was computed from. */
interface Memo {
  facts: LineFacts;
  status: LineStatus;
  fingerprint: string;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Between clock ticks only the lines of the feed that changed have new
 * counts: a line whose facts are the same objects and numbers as last time
 * keeps its status (lineStatus reads nothing else; `now` only stamps asOf)
 * and its fingerprint.
 */
export function statusNode(inp: StatusInputs, net: TransitNetwork): Series<LineStatus[]> {
  const inputs: Record<string, Series<any>> = {
    clock: inp.clock,
    counts: inp.counts,
    headways: inp.headways,
    runtimes: inp.runtimes,
    changes: inp.changes,
  };
  if (inp.staleRoutes) inputs.staleRoutes = inp.staleRoutes;
  if (inp.alertsByRoute) inputs.alertsByRoute = inp.alertsByRoute;
  const name = (id: string) => net.stations.get(id)?.name ?? id;
  return node({
    name: "subway.status",
    inputs,
    state: () => ({ memo: new Map<string, Memo>(), fingerprints: null as string[] | null }),
    onTick: ({ state, now }) => {
      if (!inp.counts.valid) return undefined;
      const t = now();
      const counts = inp.counts.value;
      const headways = valueOr(inp.headways, EMPTY as ReadonlyMap<string, HeadwaySummary>);
      const runtimes = valueOr(inp.runtimes, EMPTY as ReadonlyMap<string, RuntimeResult>);
      const changes = valueOr(inp.changes, EMPTY as ReadonlyMap<string, ServiceChange[]>);
      const stale = valueOr(inp.staleRoutes, new Set<string>() as ReadonlySet<string>);
      const alerts = valueOr(inp.alertsByRoute, EMPTY as ReadonlyMap<string, number>);
      const routes = [...new Set([...counts.values()].map((c) => c.route))];
      const facts = (route: string, d: "N" | "S"): DirectionFacts => ({
        counts: counts.get(lineKey(route, d)) ?? emptyCounts(route, d),
        runtime: runtimes.get(lineKey(route, d)),
        headway: headways.get(lineKey(route, d)),
        scheduledTrips: net.tripsScheduledInHour(route, d, t),
      });
      const memos: Memo[] = [];
      const fingerprints: string[] = [];
      for (const route of routes) {
        const f: LineFacts = {
          route,
          now: t,
          stale: stale.has(route),
          activeAlerts: alerts.get(route) ?? 0,
          N: facts(route, "N"),
          S: facts(route, "S"),
          changes: changes.get(route) ?? [],
        };
        let m = state.memo.get(route);
        if (!m || !sameFacts(m.facts, f)) {
          const status = lineStatus(f, name);
          m = { facts: f, status, fingerprint: rememberFingerprint(status) };
          state.memo.set(route, m);
        }
        memos.push(m);
        fingerprints.push(m.fingerprint);
      }
      const was = state.fingerprints;
      state.fingerprints = fingerprints;
      const changed = !was || !sameList(was, fingerprints);
      if (!changed && !inp.clock.ticked) return undefined;
      // A status kept from an earlier time is passed on as a copy stamped now (most ticks pass nothing: none made then).
      return memos.map(({ status, fingerprint }) => {
        if (status.asOf === t) return status;
        const now = { ...status, asOf: t };
        rememberFingerprint(now, fingerprint);
        return now;
      });
    },
  });
}

export interface MetricsInputs {
  clock: Series<unknown>;
  counts: Series<ReadonlyMap<string, LineCounts>>;
  delays: Series<ReadonlyMap<string, DelayWindows>>;
  headways: Series<ReadonlyMap<string, HeadwaySummary>>;
  runtimes: Series<ReadonlyMap<string, RuntimeResult>>;
  changes: Series<ReadonlyMap<string, ServiceChange[]>>;
  waits: Series<ReadonlyMap<string, WaitStats>>;
  predictionErrors: Series<ReadonlyMap<string, PredictionError>>;
  statuses: Series<LineStatus[]>;
  /** Every running train's gap ahead: subway.gap_ahead, on the clock. */
  gaps?: Series<ReadonlyMap<string, GapAhead>>;
}

/** What a route's ticks were last built from, between clock ticks: the same objects give the same ticks. */
interface RouteInputs {
  countsN: LineCounts | undefined;
  countsS: LineCounts | undefined;
  waits: WaitStats | undefined;
  /** Its status's fingerprint (a status is rebuilt each tick for its time, but remembers it). */
  status: string | undefined;
}

/**
 * The routes whose ticks could differ from those last built: between clock
 * ticks only the counts, waits and statuses tick, and each keeps a route's
 * object (or status fingerprint) while it is unchanged. Every route when
 * anything else ticked. Updates `built` for the routes returned.
 */
function routesToBuild(
  inp: MetricsInputs,
  routes: readonly string[],
  built: Map<string, RouteInputs>,
): readonly string[] {
  const { counts, waits, statuses } = inp;
  const others = [inp.delays, inp.headways, inp.runtimes, inp.changes, inp.predictionErrors];
  const all = others.some((s) => s.ticked);
  const statusOf = statuses.ticked ? new Map(statuses.value.map((s) => [s.route, s])) : undefined;
  const out: string[] = [];
  for (const route of routes) {
    const was = built.get(route);
    const now: RouteInputs = {
      countsN: counts.ticked ? counts.value.get(lineKey(route, "N")) : was?.countsN,
      countsS: counts.ticked ? counts.value.get(lineKey(route, "S")) : was?.countsS,
      waits: waits.ticked && waits.valid ? waits.value.get(route) : was?.waits,
      status: statusOf ? mapOr(statusOf.get(route), fingerprint) : was?.status,
    };
    if (
      all ||
      !was ||
      was.countsN !== now.countsN ||
      was.countsS !== now.countsS ||
      was.waits !== now.waits ||
      was.status !== now.status
    ) {
      out.push(route);
      built.set(route, now);
    }
  }
  return out;
}

const mapOr = <T, U>(v: T | undefined, f: (v: T) => U): U | undefined => (v === undefined ? undefined : f(v));

export function metricsNode(inp: MetricsInputs): Series<MetricTick[]> {
  const { gaps, ...always } = inp;
  const inputs: Record<string, Series<any>> = always;
  if (gaps) inputs.gaps = gaps;
  return node({
    name: "subway.metrics",
    inputs,
    // The gaps change with every snapshot but are exported on the clock only: they never make this tick.
    passive: ["gaps"],
    state: () => ({ diff: new MetricDiff(), built: new Map<string, RouteInputs>() }),
    onTick: ({ state, now }) => {
      if (!inp.counts.valid) return undefined;
      const full = inp.clock.ticked;
      // Between clock ticks only what ticked can have changed: the rest is not even built.
      const take = <T>(s: Series<T>): T | undefined => (s.valid && (full || s.ticked) ? s.value : undefined);
      const routes = [...new Set([...inp.counts.value.values()].map((c) => c.route))];
      const changed = routesToBuild(inp, routes, state.built);
      const ticks = subwayMetricTicks({
        now: now(),
        routes: full ? routes : changed,
        counts: take(inp.counts),
        delays: take(inp.delays),
        headways: take(inp.headways),
        runtimes: take(inp.runtimes),
        changes: take(inp.changes),
        waits: take(inp.waits),
        predictionErrors: take(inp.predictionErrors),
        statuses: take(inp.statuses),
        gapAhead: full && inp.gaps?.valid ? gapAheadSummary(inp.gaps.value.values()) : undefined,
      });
      const out = state.diff.pass(ticks, full);
      return out.length > 0 ? out : undefined;
    },
  });
}
