/**
 * What a node keeps of an input's past: the last N ticks, the ticks of the
 * last W milliseconds, or both (an entry stays while either asks for it).
 */
export interface HistorySpec {
  ticks?: number;
  window?: number;
}

/** A growable ring buffer of (time, value) pairs, oldest first. */
export class History<T> {
  private times: Float64Array;
  private values: T[];
  private head = 0;
  private count = 0;
  ticks = 1;
  window = 0;

  constructor(spec: HistorySpec) {
    this.require(spec);
    const cap = Math.max(8, this.ticks);
    this.times = new Float64Array(cap);
    this.values = new Array<T>(cap);
  }

  require(spec: HistorySpec): void {
    if (spec.ticks !== undefined) this.ticks = Math.max(this.ticks, spec.ticks);
    if (spec.window !== undefined) this.window = Math.max(this.window, spec.window);
  }

  get length(): number {
    return this.count;
  }

  push(time: number, value: T): void {
    this.trim(time);
    if (this.count === this.times.length) this.grow();
    const i = (this.head + this.count) % this.times.length;
    this.times[i] = time;
    this.values[i] = value;
    this.count++;
  }

  /**
   * Drop what no consumer needs any more, as of `now` (called before a push,
   * so one slot is left for it). A window keeps the last tick before it too,
   * so "value as of" any time inside the window stays answerable.
   */
  trim(now: number): void {
    const cap = this.times.length;
    const horizon = now - this.window;
    while (this.count > 0 && this.count >= this.ticks) {
      const next = (this.head + 1) % cap;
      const droppable =
        this.window === 0
          ? true
          : this.times[this.head] <= horizon && this.count > 1 && this.times[next] <= horizon;
      if (!droppable) break;
      this.values[this.head] = undefined as T;
      this.head = next;
      this.count--;
    }
  }

  /** k = 0 is the latest tick, 1 the one before, ... */
  valueAgo(k: number): T | undefined {
    if (k < 0 || k >= this.count) return undefined;
    return this.values[(this.head + this.count - 1 - k) % this.times.length];
  }

  timeAgo(k: number): number | undefined {
    if (k < 0 || k >= this.count) return undefined;
    return this.times[(this.head + this.count - 1 - k) % this.times.length];
  }

  /** The value as of time t: the latest tick at or before t. */
  valueAt(t: number): T | undefined {
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + this.count - 1 - k) % this.times.length;
      if (this.times[i] <= t) return this.values[i];
    }
    return undefined;
  }

  /** Ticks with time in the left-open window (now - w, now], oldest first. */
  since(now: number, w: number): { times: number[]; values: T[] } {
    const times: number[] = [];
    const values: T[] = [];
    const from = now - w;
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) % this.times.length;
      const t = this.times[i];
      if (t > from && t <= now) {
        times.push(t);
        values.push(this.values[i]);
      }
    }
    return { times, values };
  }

  private grow(): void {
    const cap = this.times.length;
    const times = new Float64Array(cap * 2);
    const values = new Array<T>(cap * 2);
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) % cap;
      times[k] = this.times[i];
      values[k] = this.values[i];
    }
    this.times = times;
    this.values = values;
    this.head = 0;
  }
}
