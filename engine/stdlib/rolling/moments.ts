import { CompensatedSum } from "./compensated-sum";

/**
 * Count, sum, mean and sample variance of a window, from compensated sums of
 * (v - shift) and (v - shift)^2. The shift is the first value added to an
 * empty window: centring on a typical value keeps the variance formula
 * S2 - S1^2/n from cancelling catastrophically when values are large
 * (e.g. epoch times) but spread little. Emptying the window resets the sums
 * exactly to zero, so errors never outlive a quiet period.
 */
export class Moments {
  private n = 0;
  private shift = 0;
  private readonly s1 = new CompensatedSum();
  private readonly s2 = new CompensatedSum();

  add(v: number): void {
    if (this.n === 0) this.shift = v;
    this.n++;
    const d = v - this.shift;
    this.s1.add(d);
    this.s2.add(d * d);
  }

  remove(v: number): void {
    this.n--;
    if (this.n === 0) {
      this.clear();
      return;
    }
    const d = v - this.shift;
    this.s1.add(-d);
    this.s2.add(-(d * d));
  }

  clear(): void {
    this.n = 0;
    this.s1.clear();
    this.s2.clear();
  }

  get count(): number {
    return this.n;
  }

  /** Exact for integers up to 2^53 (the shifted sum is). */
  get sum(): number {
    return this.n === 0 ? 0 : this.n * this.shift + this.s1.value;
  }

  /** NaN when empty. */
  get mean(): number {
    return this.n === 0 ? Number.NaN : this.shift + this.s1.value / this.n;
  }

  /** Sample variance (divides by n - 1); NaN below 2 points. */
  get variance(): number {
    const n = this.n;
    if (n < 2) return Number.NaN;
    const s1 = this.s1.value;
    const v = (this.s2.value - (s1 * s1) / n) / (n - 1);
    return Math.max(v, 0); // rounding can leave a tiny negative for equal values
  }

  get stddev(): number {
    return Math.sqrt(this.variance);
  }
}
