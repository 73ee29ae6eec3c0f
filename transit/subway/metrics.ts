/**
 * The subway's MetricTicks (names and value shapes of contract.ts), in a
 * fixed order: by metric name, then route, then direction, so two runs over
 * the same input give the same ticks.
 */
import type { LineStatus, MetricName, MetricTick, ServiceChange } from "../contract";
import { lineKey } from "../network";
import type { GapAheadSummary } from "./gap-ahead";
import type { HeadwaySummary } from "./headways";
import type { LineCounts } from "./line-counts";
import type { DelayWindows } from "./line-nodes";
import type { WaitStats } from "./next-train-wait";
import type { PredictionError } from "./prediction-error";
import type { RuntimeResult } from "./runtime";
import { DIRECTIONS } from "./types";

/** Each map may be left out (not computed yet): its metrics are then not built. */
export interface SubwayMetricInputs {
  now: number;
  routes: readonly string[];
  counts?: ReadonlyMap<string, LineCounts>;
  delays?: ReadonlyMap<string, DelayWindows>;
  headways?: ReadonlyMap<string, HeadwaySummary>;
  runtimes?: ReadonlyMap<string, RuntimeResult>;
  changes?: ReadonlyMap<string, ServiceChange[]>;
  waits?: ReadonlyMap<string, WaitStats>;
  predictionErrors?: ReadonlyMap<string, PredictionError>;
  statuses?: readonly LineStatus[];
  /** Per line, the gaps ahead of its running trains (given on the clock only: they move with every snapshot). */
  gapAhead?: ReadonlyMap<string, GapAheadSummary>;
}

/** Seconds to 0.1 s: the exports stay short and exact. */
export const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function subwayMetricTicks(m: SubwayMetricInputs): MetricTick[] {
  // Ticks by metric, each list in route then direction order: joined by metric name, that is the
  // order a stable sort by metric would give, without sorting hundreds of ticks a snapshot.
  const byMetric = new Map<MetricName, MetricTick[]>();
  const t = m.now;
  const put = (metric: MetricName, key: Record<string, string>, value: unknown) => {
    const list = byMetric.get(metric);
    if (list) list.push({ t, metric, key, value });
    else byMetric.set(metric, [{ t, metric, key, value }]);
  };
  const statusOf = m.statuses ? new Map(m.statuses.map((s) => [s.route, s])) : undefined;
  for (const route of m.routes) {
    for (const direction of DIRECTIONS) {
      const k = lineKey(route, direction);
      const key = { route, direction };
      const c = m.counts?.get(k);
      if (c) {
        put("subway.trains_running", key, c.running);
        put("subway.delayed_trains", key, c.delayed);
        put("subway.stalled_trains", key, c.stalled);
      }
      const d = m.delays?.get(k);
      if (d) {
        if (Number.isFinite(d.mean15)) put("subway.delay_mean_15m", key, r1(d.mean15));
        if (Number.isFinite(d.max15)) put("subway.delay_max_15m", key, r1(d.max15));
        if (Number.isFinite(d.mean60)) put("subway.delay_mean_60m", key, r1(d.mean60));
        if (Number.isFinite(d.max60)) put("subway.delay_max_60m", key, r1(d.max60));
      }
      const h = m.headways?.get(k);
      if (h) {
        if (h.count > 0)
          put("subway.headway_actual", key, { meanSec: r1(h.meanSec), maxSec: r1(h.maxSec), count: h.count });
        if (h.scheduled)
          put("subway.headway_scheduled", key, {
            meanSec: r1(h.scheduled.meanSec),
            maxSec: r1(h.scheduled.maxSec),
          });
        if (h.discrepancySec !== undefined) put("subway.headway_discrepancy", key, r1(h.discrepancySec));
        put("subway.long_gaps", key, h.longGaps);
        put("subway.bunching", key, { bunched: h.bunched, gaps: h.gaps, count: h.compared });
        if (h.waitAssessment !== undefined) put("subway.wait_assessment", key, r3(h.waitAssessment));
        if (h.expectedWaitSec !== undefined) put("subway.expected_wait", key, r1(h.expectedWaitSec));
      }
      const r = m.runtimes?.get(k);
      if (r) {
        const value: Record<string, unknown> = {
          actualSec: r1(r.actualSec),
          scheduledSec: r1(r.scheduledSec),
          slow: r.slow,
        };
        if (r.slowSection) value.slowSection = { ...r.slowSection, overSec: r1(r.slowSection.overSec) };
        put("subway.runtime", key, value);
      }
      const g = m.gapAhead?.get(k);
      if (g)
        put("subway.gap_ahead", key, {
          count: g.count,
          meanSec: r1(g.meanSec),
          minSec: r1(g.minSec),
          maxSec: r1(g.maxSec),
        });
    }
    const key = { route };
    const w = m.waits?.get(route);
    if (w) put("subway.next_train_wait", key, { mean: r1(w.mean), p90: r1(w.p90), p99: r1(w.p99) });
    if (m.changes) put("subway.service_change", key, { changes: m.changes.get(route) ?? [] });
    const s = statusOf?.get(route);
    if (s) put("subway.status", key, s);
    const p = m.predictionErrors?.get(route);
    if (p) put("subway.prediction_error", key, { meanAbsSec: r1(p.meanAbsSec), count: p.count });
  }
  const out: MetricTick[] = [];
  for (const metric of [...byMetric.keys()].sort()) for (const tk of byMetric.get(metric)!) out.push(tk);
  return out;
}
