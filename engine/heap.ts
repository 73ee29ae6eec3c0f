/**
 * A binary min-heap of scheduled items ordered by (time, seq). `seq` keeps
 * same-time items in the order they were scheduled, which is what makes
 * non-collapsing delivery and same-time alarms deterministic.
 */
export interface Scheduled {
  time: number;
  seq: number;
}

function less(a: Scheduled, b: Scheduled): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

export class TimeHeap<T extends Scheduled> {
  private items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(item, a[parent])) break;
      a[i] = a[parent];
      i = parent;
    }
    a[i] = item;
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) this.siftDown(last);
    return top;
  }

  /** The earliest time of any item but the top (the second-smallest is a child of the root); +Infinity if none. */
  afterTop(): number {
    const a = this.items;
    const left = a.length > 1 ? a[1].time : Number.POSITIVE_INFINITY;
    const right = a.length > 2 ? a[2].time : Number.POSITIVE_INFINITY;
    return Math.min(left, right);
  }

  /** The top item's key grew in place: move it down to where it now belongs. */
  replaceTop(item: T): void {
    this.siftDown(item);
  }

  private siftDown(item: T): void {
    const a = this.items;
    const n = a.length;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && less(a[child + 1], a[child])) child++;
      if (!less(a[child], item)) break;
      a[i] = a[child];
      i = child;
    }
    a[i] = item;
  }

  clear(): void {
    this.items.length = 0;
  }
}
