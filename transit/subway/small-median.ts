/**
 * Statistics of short lists of finite numbers (the few gaps per station
 * pair of one snapshot, the last runs of a pair) without an allocation: the
 * same values as network's median() and trimmedMean(), which copy into a
 * Float64Array and sort it first.
 */

/** Sorts the first n of xs in place, ascending (insertion sort: the lists are short). */
function sortFirst(xs: number[], n: number): void {
  for (let i = 1; i < n; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && xs[j] > x) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
}

/** The median of the first n of xs, which it sorts in place. */
export function smallMedian(xs: number[], n = xs.length): number {
  if (n === 0) return Number.NaN;
  if (n === 1) return xs[0];
  if (n === 2) return (xs[0] + xs[1]) / 2;
  sortFirst(xs, n);
  return n % 2 === 1 ? xs[(n - 1) / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

/** Sorted copies for smallTrimmedMean: reused, its lists are read once per call. */
const scratch: number[] = [];

/** trimmedMean(xs, share): the mean after dropping floor(n * share) values at each end, summed in ascending order. */
export function smallTrimmedMean(xs: readonly number[], share: number): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  for (let i = 0; i < n; i++) scratch[i] = xs[i];
  sortFirst(scratch, n);
  const k = Math.floor(n * share);
  let sum = 0;
  for (let i = k; i < n - k; i++) sum += scratch[i];
  return sum / (n - 2 * k);
}
