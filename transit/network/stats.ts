/** Small order statistics shared by the network and the subway metrics. */

/** Median (mean of the two middle values for an even count); NaN when empty. Sorts a copy. */
export function median(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  if (n === 1) return xs[0];
  if (n === 2) return (xs[0] + xs[1]) / 2;
  const s = Float64Array.from(xs).sort();
  return n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Mean after dropping floor(n * share) values at each end. NaN when empty. */
export function trimmedMean(xs: ArrayLike<number>, share = 0.1): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  const s = Float64Array.from(xs).sort();
  const k = Math.floor(n * share);
  let sum = 0;
  for (let i = k; i < n - k; i++) sum += s[i];
  return sum / (n - 2 * k);
}

/** Quantile of sorted values, linear between closest ranks (type 7, numpy's default); NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const frac = h - lo;
  return frac === 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}
