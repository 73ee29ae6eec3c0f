/** Line status and the metric ticks, as engine nodes: on the clock, and between clock ticks when they changed. */
import { node, type Series } from "../../engine";
import type { LineStatus, MetricTick, ServiceChange } from "../contract";
import { lineKey, type TransitNetwork } from "../network";
import type { HeadwaySummary } from "./headways";
import type { LineCounts } from "./line-counts";
import type { DelayWindows } from "./line-nodes";
import { MetricDiff, subwayMetricTicks } from "./metrics";
import type { WaitStats } from "./next-train-wait";
import type { PredictionError } from "./prediction-error";
import type { RuntimeResult } from "./runtime";
import { type DirectionFacts, lineStatus } from "./status";

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
    state: () => new MetricDiff(),
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
      const out = routes.map((route) =>
        lineStatus(
          {
            route,
            now: t,
            stale: stale.has(route),
            activeAlerts: alerts.get(route) ?? 0,
            N: facts(route, "N"),
            S: facts(route, "S"),
            changes: changes.get(route) ?? [],
          },
          name,
        ),
      );
      return state.changed("statuses", out) || inp.clock.ticked ? out : undefined;
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
}

export function metricsNode(inp: MetricsInputs): Series<MetricTick[]> {
  return node({
    name: "subway.metrics",
    inputs: { ...inp },
    state: () => new MetricDiff(),
    onTick: ({ state, now }) => {
      if (!inp.counts.valid) return undefined;
      const full = inp.clock.ticked;
      // Between clock ticks only what ticked can have changed: the rest is not even built.
      const take = <T>(s: Series<T>): T | undefined => (s.valid && (full || s.ticked) ? s.value : undefined);
      const ticks = subwayMetricTicks({
        now: now(),
        routes: [...new Set([...inp.counts.value.values()].map((c) => c.route))],
        counts: take(inp.counts),
        delays: take(inp.delays),
        headways: take(inp.headways),
        runtimes: take(inp.runtimes),
        changes: take(inp.changes),
        waits: take(inp.waits),
        predictionErrors: take(inp.predictionErrors),
        statuses: take(inp.statuses),
      });
      const out = state.pass(ticks, full);
      return out.length > 0 ? out : undefined;
    },
  });
}
