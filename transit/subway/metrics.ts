/**
 * The subway's MetricTicks (names and value shapes of contract.ts), in a
 * fixed order: by metric name, then route, then direction. A MetricDiff
 * passes every tick on the clock and, between clock ticks, only those whose
 * value changed, so two runs over the same input give the same ticks.
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

/** Each map may be left out: its metrics are then not built (a data cycle where it did not change). */
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

/**
 * What a value is compared on. Values are built by this module in a fixed
 * key order, so JSON.stringify is stable here (and much cheaper than
 * stableStringify); a LineStatus's asOf changes every cycle and says nothing new.
 */
function withoutAsOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutAsOf);
  // JSON leaves out a key whose value is undefined: the same text as without the key, and a copy made faster than a rest.
  if (v && typeof v === "object" && "asOf" in v) return { ...v, asOf: undefined };
  return v;
}

/** Fingerprints already taken of values passed on as they are (a line's status: once by its node). */
const known = new WeakMap<object, string>();

export function fingerprint(v: unknown): string {
  if (typeof v === "number") return String(v);
  const had = v !== null && typeof v === "object" ? known.get(v) : undefined;
  return had ?? JSON.stringify(withoutAsOf(v));
}

/** Takes v's fingerprint once (or records the one given, taken of an equal value): v must not change afterwards. */
export function rememberFingerprint(v: object, fp?: string): string {
  let had = known.get(v);
  if (had === undefined) known.set(v, (had = fp ?? JSON.stringify(withoutAsOf(v))));
  return had;
}

/** A value passed on a full pass, kept as it is: its fingerprint is taken when a later pass compares with it. */
interface Unread {
  value: unknown;
}

/**
 * A number is kept as itself (equal when String() of both would be: NaN
 * equals NaN, -0 equals 0), anything else as its fingerprint: most ticks
 * are counts, compared many times a second. A value a full pass passed on
 * is kept unread: the metrics built on the clock only (headways, runtimes,
 * gaps...) are never compared, and their fingerprints would go unused.
 */
type Seen = number | string | Unread;

const seenOf = (value: unknown): number | string => (typeof value === "number" ? value : fingerprint(value));

function same(was: Seen | undefined, now: number | string): boolean {
  if (typeof now === "number")
    return typeof was === "number" && (was === now || (Number.isNaN(was) && Number.isNaN(now)));
  if (typeof was === "object") return fingerprint(was.value) === now;
  return was === now;
}

export class MetricDiff {
  /** By metric, route, direction ("" when the key has none). */
  private readonly last = new Map<string, Map<string, Map<string, Seen>>>();

  /** The map of one metric and route, by direction. */
  private slot(metric: string, route: string): Map<string, Seen> {
    let byRoute = this.last.get(metric);
    if (!byRoute) this.last.set(metric, (byRoute = new Map()));
    let byDir = byRoute.get(route);
    if (!byDir) byRoute.set(route, (byDir = new Map()));
    return byDir;
  }

  /** All ticks when `full`, else the ones whose value changed since last passed. */
  pass(ticks: readonly MetricTick[], full: boolean): MetricTick[] {
    const out: MetricTick[] = [];
    for (const tk of ticks) {
      const dir = tk.key.direction ?? "";
      const slot = this.slot(tk.metric, tk.key.route ?? "");
      if (full) {
        out.push(tk);
        slot.set(dir, typeof tk.value === "number" ? tk.value : { value: tk.value });
        continue;
      }
      const seen = seenOf(tk.value);
      if (!same(slot.get(dir), seen)) out.push(tk);
      slot.set(dir, seen);
    }
    return out;
  }

  /** Whether this value differs from the one last seen under `id` (asOf aside). */
  changed(id: string, value: unknown): boolean {
    const slot = this.slot(id, "");
    const seen = seenOf(value);
    const was = slot.get("");
    slot.set("", seen);
    return !same(was, seen);
  }
}
