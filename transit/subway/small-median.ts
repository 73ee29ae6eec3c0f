/**
 * The median of the first n of a short list of finite numbers, sorted in place: the same
 * value as network's median() (which copies into a Float64Array first), for
 * the few gaps per station pair of one snapshot, without an allocation.
 */
export function smallMedian(xs: number[], n = xs.length): number {
  if (n === 0) return Number.NaN;
  if (n === 1) return xs[0];
  if (n === 2) return (xs[0] + xs[1]) / 2;
  for (let i = 1; i < n; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && xs[j] > x) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
  return n % 2 === 1 ? xs[(n - 1) / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}
