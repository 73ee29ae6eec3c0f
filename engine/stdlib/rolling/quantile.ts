import { GraphError } from "../../errors";
import type { SortedChunks } from "./sorted-chunks";

/**
 * Quantile by linear interpolation between closest ranks (Hyndman & Fan
 * type 7, numpy's and R's default): with the n values sorted as
 * x[0..n-1], h = (n - 1) q, and the quantile is
 * x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 * So q = 0 is the minimum, q = 1 the maximum, and the median of an even
 * count is the mean of the two middle values. NaN when empty.
 */
export function quantileOf(sorted: SortedChunks, q: number, scratch: Float64Array): number {
  const n = sorted.size;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const frac = h - lo;
  if (frac === 0) return sorted.select(lo);
  sorted.selectPair(lo, scratch);
  return scratch[0] + frac * (scratch[1] - scratch[0]);
}

/** The same definition over a plain sorted array (for baselines and tests). */
export function quantileOfSorted(xs: ArrayLike<number>, q: number): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const frac = h - lo;
  return frac === 0 ? xs[lo] : xs[lo] + frac * (xs[lo + 1] - xs[lo]);
}

export function checkQuantile(q: number): void {
  if (!(q >= 0 && q <= 1)) throw new GraphError(`quantile must be in [0, 1], got ${q}`);
}
