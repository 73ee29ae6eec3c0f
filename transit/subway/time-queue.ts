/**
 * Timed rows for a left-open time window (now - w, now], kept column by
 * column: a column of numbers holds them unboxed, and the windows are read
 * on every clock tick field by field, at a fraction of the cost of one
 * object (and its boxed numbers) per row. Rows are pushed in time order;
 * O(1) amortized push and expiry.
 */
export abstract class TimedColumns {
  /** Each row's time. */
  readonly t: number[] = [];
  /** The first row still in the window. */
  head = 0;

  /** The other columns, each with a value per row of t. */
  protected abstract columns(): unknown[][];

  /** Drops rows with t <= now - windowMs. */
  expire(now: number, windowMs: number): void {
    const edge = now - windowMs;
    while (this.head < this.t.length && this.t[this.head] <= edge) this.head++;
    // Compact once the dead prefix dominates, so memory follows the window.
    if (this.head > 64 && this.head * 2 > this.t.length) {
      this.t.splice(0, this.head);
      for (const column of this.columns()) column.splice(0, this.head);
      this.head = 0;
    }
  }

  get size(): number {
    return this.t.length - this.head;
  }
}
