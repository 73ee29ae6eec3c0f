/**
 * A binary min-heap of (time, a, b) number triples, ordered by time then a
 * then b so that equal times pop in a fixed order (the simulation must be
 * deterministic).
 */
export class EventHeap {
  private readonly t: number[] = [];
  private readonly a: number[] = [];
  private readonly b: number[] = [];

  get size(): number {
    return this.t.length;
  }

  push(time: number, a: number, b: number): void {
    this.t.push(time);
    this.a.push(a);
    this.b.push(b);
    this.up(this.t.length - 1);
  }

  /** Removes the smallest and returns it, or undefined when empty. */
  pop(): [number, number, number] | undefined {
    const n = this.t.length;
    if (n === 0) return undefined;
    const top: [number, number, number] = [this.t[0], this.a[0], this.b[0]];
    const lt = this.t.pop()!;
    const la = this.a.pop()!;
    const lb = this.b.pop()!;
    if (n > 1) {
      this.t[0] = lt;
      this.a[0] = la;
      this.b[0] = lb;
      this.down(0);
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    if (this.t[i] !== this.t[j]) return this.t[i] < this.t[j];
    if (this.a[i] !== this.a[j]) return this.a[i] < this.a[j];
    return this.b[i] < this.b[j];
  }

  private swap(i: number, j: number): void {
    [this.t[i], this.t[j]] = [this.t[j], this.t[i]];
    [this.a[i], this.a[j]] = [this.a[j], this.a[i]];
    [this.b[i], this.b[j]] = [this.b[j], this.b[i]];
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) return;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const n = this.t.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
