/**
 * A running sum with Neumaier compensation: the rounding error of each
 * addition is kept in `comp`, so adding and later removing millions of
 * points does not drift.
 */
export class CompensatedSum {
  private sum = 0;
  private comp = 0;

  add(x: number): void {
    const s = this.sum;
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) this.comp += s - t + x;
    else this.comp += x - t + s;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.comp;
  }

  clear(): void {
    this.sum = 0;
    this.comp = 0;
  }
}
