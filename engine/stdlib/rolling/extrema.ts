/**
 * The minimum (or maximum) of a FIFO window in O(1) amortized: a deque of the
 * values not yet beaten by a later one, best at the front. Equal values are
 * all kept, so removing the oldest point by value is exact even with
 * duplicates: if the oldest point is still in the deque it is at the front.
 */
export class MonotonicDeque {
  private buf = new Float64Array(64);
  private mask = 63;
  private head = 0;
  private size = 0;

  /** max = false keeps the minimum. */
  constructor(private readonly max: boolean) {}

  add(v: number): void {
    // Drop from the back every value that v beats strictly: it can never be the answer again.
    const max = this.max;
    while (this.size > 0) {
      const back = this.buf[(this.head + this.size - 1) & this.mask];
      if (max ? back < v : back > v) this.size--;
      else break;
    }
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & this.mask] = v;
    this.size++;
  }

  /** The oldest point of the window, of value v, left it. */
  remove(v: number): void {
    if (this.size > 0 && this.buf[this.head] === v) {
      this.head = (this.head + 1) & this.mask;
      this.size--;
    }
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }

  /** NaN when empty. */
  get value(): number {
    return this.size === 0 ? Number.NaN : this.buf[this.head];
  }

  private grow(): void {
    const cap = this.buf.length;
    const next = new Float64Array(cap * 2);
    for (let k = 0; k < this.size; k++) next[k] = this.buf[(this.head + k) & this.mask];
    this.buf = next;
    this.mask = cap * 2 - 1;
    this.head = 0;
  }
}
