import type { Series } from "../../series";
import { MonotonicDeque } from "./extrema";
import { Moments } from "./moments";
import { checkQuantile, quantileOf } from "./quantile";
import { rollingNode } from "./rolling-node";
import { SortedChunks } from "./sorted-chunks";
import type { Accumulator, AnySeries, RollingOptions, WindowSpec } from "./types";

/** Accumulator over Moments (count, sum, mean, stddev share it). */
function momentsAcc<R>(read: (m: Moments) => R): Accumulator<R> {
  const m = new Moments();
  return { add: (v) => m.add(v), remove: (v) => m.remove(v), clear: () => m.clear(), result: () => read(m) };
}

function dequeAcc(max: boolean): Accumulator<number> {
  const d = new MonotonicDeque(max);
  return { add: (v) => d.add(v), remove: (v) => d.remove(v), clear: () => d.clear(), result: () => d.value };
}

function sortedAcc<R>(read: (s: SortedChunks, scratch: Float64Array) => R): Accumulator<R> {
  const s = new SortedChunks();
  const scratch = new Float64Array(2);
  return {
    add: (v) => s.insert(v),
    remove: (v) => {
      s.delete(v);
    },
    clear: () => s.clear(),
    result: () => read(s, scratch),
  };
}

/**
 * Number of ticks of x in the window (any value). Emits 0 too (default
 * minPoints 0): with a timer trigger it falls to 0 once the window passes
 * with no data.
 */
export function rollingCount(x: AnySeries, window: WindowSpec, opts: RollingOptions = {}): Series<number> {
  const acc: Accumulator<number> = { add() {}, remove() {}, clear() {}, result: (n) => n };
  return rollingNode(x, window, opts, { kind: "rollingCount", acc, defaultMinPoints: 0, anyValue: true });
}

/** Sum of the window's finite values (compensated). Emits 0 for an empty window (default minPoints 0). */
export function rollingSum(x: Series<number>, window: WindowSpec, opts: RollingOptions = {}): Series<number> {
  return rollingNode(x, window, opts, {
    kind: "rollingSum",
    acc: momentsAcc((m) => m.sum),
    defaultMinPoints: 0,
  });
}

/** Mean of the window's finite values; nothing while empty (default minPoints 1). */
export function rollingMean(
  x: Series<number>,
  window: WindowSpec,
  opts: RollingOptions = {},
): Series<number> {
  return rollingNode(x, window, opts, {
    kind: "rollingMean",
    acc: momentsAcc((m) => m.mean),
    defaultMinPoints: 1,
  });
}

/** Sample standard deviation (n - 1); needs at least 2 points whatever minPoints says. */
export function rollingStddev(
  x: Series<number>,
  window: WindowSpec,
  opts: RollingOptions = {},
): Series<number> {
  return rollingNode(x, window, opts, {
    kind: "rollingStddev",
    acc: momentsAcc((m) => m.stddev),
    defaultMinPoints: 2,
    floorMinPoints: 2,
  });
}

/** Minimum over the window (monotonic deque, O(1) amortized). */
export function rollingMin(x: Series<number>, window: WindowSpec, opts: RollingOptions = {}): Series<number> {
  return rollingNode(x, window, opts, { kind: "rollingMin", acc: dequeAcc(false), defaultMinPoints: 1 });
}

/** Maximum over the window (monotonic deque, O(1) amortized). */
export function rollingMax(x: Series<number>, window: WindowSpec, opts: RollingOptions = {}): Series<number> {
  return rollingNode(x, window, opts, { kind: "rollingMax", acc: dequeAcc(true), defaultMinPoints: 1 });
}

/** The q-quantile (type 7: linear between closest ranks, numpy's default) over the window. */
export function rollingQuantile(
  x: Series<number>,
  window: WindowSpec,
  q: number,
  opts: RollingOptions = {},
): Series<number> {
  checkQuantile(q);
  return rollingNode(x, window, opts, {
    kind: `rollingQuantile[${q}]`,
    acc: sortedAcc((s, scratch) => quantileOf(s, q, scratch)),
    defaultMinPoints: 1,
  });
}

/** Several quantiles from one window, in the order of qs (e.g. [0.5, 0.9, 0.99]). */
export function rollingQuantiles(
  x: Series<number>,
  window: WindowSpec,
  qs: readonly number[],
  opts: RollingOptions = {},
): Series<number[]> {
  for (const q of qs) checkQuantile(q);
  const list = [...qs];
  return rollingNode(x, window, opts, {
    kind: `rollingQuantiles[${list.join(",")}]`,
    acc: sortedAcc((s, scratch) => list.map((q) => quantileOf(s, q, scratch))),
    defaultMinPoints: 1,
  });
}

/** The type-7 median (mean of the two middle values for an even count). */
export function rollingMedian(
  x: Series<number>,
  window: WindowSpec,
  opts: RollingOptions = {},
): Series<number> {
  return rollingQuantile(x, window, 0.5, opts);
}

export interface RollingStats {
  /** Finite values in the window (the ones every other field is over). */
  count: number;
  mean: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p99: number;
  /** Sample stddev; NaN below 2 points. */
  stddev: number;
}

/**
 * The dashboard's summary of one window, from one shared window and one
 * sorted structure (min and max are its ends). Default minPoints 1; with
 * minPoints 0 an empty window emits count 0 and NaN elsewhere.
 */
export function rollingStats(
  x: Series<number>,
  window: WindowSpec,
  opts: RollingOptions = {},
): Series<RollingStats> {
  const m = new Moments();
  const s = new SortedChunks();
  const scratch = new Float64Array(2);
  const acc: Accumulator<RollingStats> = {
    add(v) {
      m.add(v);
      s.insert(v);
    },
    remove(v) {
      m.remove(v);
      s.delete(v);
    },
    clear() {
      m.clear();
      s.clear();
    },
    result: (n) => ({
      count: n,
      mean: m.mean,
      min: n > 0 ? s.select(0) : Number.NaN,
      max: n > 0 ? s.select(n - 1) : Number.NaN,
      p50: quantileOf(s, 0.5, scratch),
      p90: quantileOf(s, 0.9, scratch),
      p99: quantileOf(s, 0.99, scratch),
      stddev: m.stddev,
    }),
  };
  return rollingNode(x, window, opts, { kind: "rollingStats", acc, defaultMinPoints: 1 });
}
