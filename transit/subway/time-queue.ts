/** A FIFO of timed items for a left-open time window (now - w, now]; O(1) amortized push and expiry. */
export class TimeQueue<T extends { t: number }> {
  private items: T[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  /** Drops items with t <= now - windowMs (items are pushed in time order). */
  expire(now: number, windowMs: number): void {
    const edge = now - windowMs;
    while (this.head < this.items.length && this.items[this.head].t <= edge) this.head++;
    // Compact once the dead prefix dominates, so memory follows the window.
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  get size(): number {
    return this.items.length - this.head;
  }

  [Symbol.iterator](): Iterator<T> {
    // Neither a generator nor a result per item: the windows are read on every clock tick, and
    // for..of reads each result before asking for the next.
    const items = this.items;
    let i = this.head;
    const result = { value: undefined as T | undefined, done: false };
    return {
      next: () => {
        if (i < items.length) result.value = items[i++];
        else {
          result.value = undefined;
          result.done = true;
        }
        return result as IteratorResult<T>;
      },
    };
  }
}
