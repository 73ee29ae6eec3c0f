import type { Accumulator } from "./types";

/**
 * The points of one rolling window, oldest first, in a growable ring of
 * (time, value). Every point that enters or leaves is reported to the
 * accumulator, so statistics are updated, never recomputed.
 */
export class RingWindow {
  private times: Float64Array;
  private values: Float64Array;
  private mask: number;
  private head = 0;
  private size = 0;

  constructor(
    private readonly acc: Accumulator<unknown>,
    /** Time span in ms (left-open), or +Infinity for a tick window. */
    private readonly span: number,
    /** Most points kept, or +Infinity for a time window. */
    private readonly maxTicks: number,
  ) {
    const cap = Number.isFinite(maxTicks) ? pow2AtLeast(maxTicks + 1) : 64;
    this.times = new Float64Array(cap);
    this.values = new Float64Array(cap);
    this.mask = cap - 1;
  }

  get count(): number {
    return this.size;
  }

  push(time: number, v: number): void {
    if (this.size === this.times.length) this.grow();
    const i = (this.head + this.size) & this.mask;
    this.times[i] = time;
    this.values[i] = v;
    this.size++;
    this.acc.add(v);
    if (this.size > this.maxTicks) this.dropOldest();
  }

  /** Drop the points that left the window (now - span, now]. */
  expire(now: number): void {
    const horizon = now - this.span;
    while (this.size > 0 && this.times[this.head] <= horizon) this.dropOldest();
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
    this.acc.clear();
  }

  private dropOldest(): void {
    const v = this.values[this.head];
    this.head = (this.head + 1) & this.mask;
    this.size--;
    this.acc.remove(v);
  }

  private grow(): void {
    const cap = this.times.length;
    const times = new Float64Array(cap * 2);
    const values = new Float64Array(cap * 2);
    for (let k = 0; k < this.size; k++) {
      const i = (this.head + k) & this.mask;
      times[k] = this.times[i];
      values[k] = this.values[i];
    }
    this.times = times;
    this.values = values;
    this.mask = cap * 2 - 1;
    this.head = 0;
  }
}

function pow2AtLeast(n: number): number {
  let p = 8;
  while (p < n) p *= 2;
  return p;
}
