/** Line status (on the clock, and between clock ticks when it changed) and the metric ticks (on the clock), as engine nodes. */
import { node, type Series } from "../../engine";
import type { LineStatus, MetricTick, ServiceChange } from "../contract";
import { lineKey, type TransitNetwork } from "../network";
import { type GapAhead, gapAheadSummary } from "./gap-ahead";
import type { HeadwaySummary } from "./headways";
import type { LineCounts } from "./line-counts";
import type { DelayWindows } from "./line-nodes";
import { type LineService, NO_SERVICE_KNOWN } from "./line-service";
import { subwayMetricTicks } from "./metrics";
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
  /** Each line direction's service against its schedule, by lineKey (on the clock). */
  service: Series<ReadonlyMap<string, LineService>>;
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

/** What a status is compared on: all of it but asOf, which changes every cycle and says nothing new. */
const statusFingerprint = (s: LineStatus) => JSON.stringify({ ...s, asOf: undefined });

/**
 * Every line's status on the clock and, between clock ticks, when one
 * changed. Between clock ticks only the lines of the feed that changed have
 * new counts: a line whose facts are the same objects and numbers as last
 * time keeps its status (lineStatus reads nothing else; `now` only stamps
 * asOf) and its fingerprint. With `onClockOnly`, on the clock only (for
 * subway.status, a per-minute metric).
 */
export function statusNode(
  inp: StatusInputs,
  net: TransitNetwork,
  opts: { onClockOnly?: boolean } = {},
): Series<LineStatus[]> {
  const inputs: Record<string, Series<any>> = {
    clock: inp.clock,
    counts: inp.counts,
    headways: inp.headways,
    runtimes: inp.runtimes,
    changes: inp.changes,
    service: inp.service,
  };
  if (inp.staleRoutes) inputs.staleRoutes = inp.staleRoutes;
  if (inp.alertsByRoute) inputs.alertsByRoute = inp.alertsByRoute;
  const name = (id: string) => net.stations.get(id)?.name ?? id;
  return node({
    name: opts.onClockOnly ? "subway.status.on_clock" : "subway.status",
    inputs,
    passive: opts.onClockOnly ? Object.keys(inputs).filter((k) => k !== "clock") : [],
    state: () => ({ memo: new Map<string, Memo>(), fingerprints: null as string[] | null }),
    onTick: ({ state, now }) => {
      if (!inp.counts.valid) return undefined;
      const t = now();
      const counts = inp.counts.value;
      const headways = valueOr(inp.headways, EMPTY as ReadonlyMap<string, HeadwaySummary>);
      const runtimes = valueOr(inp.runtimes, EMPTY as ReadonlyMap<string, RuntimeResult>);
      const changes = valueOr(inp.changes, EMPTY as ReadonlyMap<string, ServiceChange[]>);
      const service = valueOr(inp.service, EMPTY as ReadonlyMap<string, LineService>);
      const stale = valueOr(inp.staleRoutes, new Set<string>() as ReadonlySet<string>);
      const alerts = valueOr(inp.alertsByRoute, EMPTY as ReadonlyMap<string, number>);
      const routes = [...new Set([...counts.values()].map((c) => c.route))];
      const facts = (route: string, d: "N" | "S"): DirectionFacts => ({
        counts: counts.get(lineKey(route, d)) ?? emptyCounts(route, d),
        runtime: runtimes.get(lineKey(route, d)),
        headway: headways.get(lineKey(route, d)),
        service: service.get(lineKey(route, d)) ?? NO_SERVICE_KNOWN,
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
          m = { facts: f, status, fingerprint: statusFingerprint(status) };
          state.memo.set(route, m);
        }
        memos.push(m);
        fingerprints.push(m.fingerprint);
      }
      const was = state.fingerprints;
      state.fingerprints = fingerprints;
      const changed = !was || !sameList(was, fingerprints);
      if (!changed && !inp.clock.ticked) return undefined;
      // A status kept from an earlier time is passed on as a copy stamped now.
      return memos.map(({ status }) => (status.asOf === t ? status : { ...status, asOf: t }));
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

/**
 * The subway's metric ticks, on the clock: every metric of every line as of
 * that minute. Its inputs are read then, never followed between (those that
 * have a per-minute variant are given it: see subwayGraph).
 */
export function metricsNode(inp: MetricsInputs): Series<MetricTick[]> {
  const { gaps, ...always } = inp;
  const inputs: Record<string, Series<any>> = always;
  if (gaps) inputs.gaps = gaps;
  return node({
    name: "subway.metrics",
    inputs,
    passive: Object.keys(inputs).filter((k) => k !== "clock"),
    onTick: ({ now }) => {
      if (!inp.counts.valid) return undefined;
      const value = <T>(s: Series<T>): T | undefined => (s.valid ? s.value : undefined);
      const ticks = subwayMetricTicks({
        now: now(),
        routes: [...new Set([...inp.counts.value.values()].map((c) => c.route))],
        counts: value(inp.counts),
        delays: value(inp.delays),
        headways: value(inp.headways),
        runtimes: value(inp.runtimes),
        changes: value(inp.changes),
        waits: value(inp.waits),
        predictionErrors: value(inp.predictionErrors),
        statuses: value(inp.statuses),
        gapAhead: inp.gaps?.valid ? gapAheadSummary(inp.gaps.value.values()) : undefined,
      });
      return ticks.length > 0 ? ticks : undefined;
    },
  });
}
