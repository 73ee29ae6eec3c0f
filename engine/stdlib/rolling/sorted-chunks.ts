/**
 * A multiset of numbers kept sorted as a list of sorted chunks (each a
 * Float64Array of at most `capacity` values): insert and delete are a binary
 * search over chunks, a binary search inside one, and a memmove of at most
 * one chunk; select(k) walks the chunk sizes from the nearer end. With 512-value chunks a
 * 36,000-point window has about a hundred chunks, so every operation is a
 * few hundred machine steps, far below a sort.
 *
 * Invariant: every chunk holds between capacity/4 and capacity values,
 * except a lone chunk (which may hold fewer).
 */
export class SortedChunks {
  private chunks: Float64Array[] = [];
  private lens: number[] = [];
  /**
   * The last (largest) value of each chunk, side by side: the search for a
   * chunk then reads one small array instead of touching every chunk it
   * probes (that cache traffic was most of the cost).
   */
  private lasts: number[] = [];
  private total = 0;
  /** Set by locate(): the position of the selected rank inside its chunk. */
  private offset = 0;
  private readonly half: number;
  private readonly quarter: number;

  constructor(private readonly capacity = 512) {
    if (!(capacity >= 8 && capacity % 4 === 0))
      throw new Error(`chunk capacity must be a multiple of 4 >= 8, got ${capacity}`);
    this.half = capacity / 2;
    this.quarter = capacity / 4;
  }

  get size(): number {
    return this.total;
  }

  insert(v: number): void {
    this.total++;
    if (this.chunks.length === 0) {
      const c = new Float64Array(this.capacity);
      c[0] = v;
      this.chunks.push(c);
      this.lens.push(1);
      this.lasts.push(v);
      return;
    }
    let ci = this.firstChunkEndingAtOrAbove(v);
    if (ci === this.chunks.length) ci--; // larger than everything: append to the last chunk
    const c = this.chunks[ci];
    const len = this.lens[ci];
    const at = upperBound(c, len, v);
    c.copyWithin(at + 1, at, len);
    c[at] = v;
    this.lens[ci] = len + 1;
    if (at === len) this.lasts[ci] = v;
    if (len + 1 === this.capacity) this.split(ci);
  }

  /** Delete one value equal to v; false when there is none. */
  delete(v: number): boolean {
    const ci = this.firstChunkEndingAtOrAbove(v);
    if (ci === this.chunks.length) return false;
    // Every earlier chunk ends below v, so the first v (if any) is in this chunk.
    const c = this.chunks[ci];
    const len = this.lens[ci];
    const at = lowerBound(c, len, v);
    if (at === len || c[at] !== v) return false;
    c.copyWithin(at, at + 1, len);
    this.lens[ci] = len - 1;
    if (at === len - 1 && len > 1) this.lasts[ci] = c[len - 2];
    this.total--;
    if (len - 1 < this.quarter) this.rebalance(ci);
    return true;
  }

  /** The k-th smallest value, k = 0 .. size - 1. */
  select(k: number): number {
    const i = this.locate(k);
    return this.chunks[i][this.offset];
  }

  /** The k-th and (k+1)-th smallest (the second is NaN past the end): one walk for interpolation. */
  selectPair(k: number, out: Float64Array): void {
    const i = this.locate(k);
    const at = this.offset;
    out[0] = this.chunks[i][at];
    if (at + 1 < this.lens[i]) out[1] = this.chunks[i][at + 1];
    else out[1] = i + 1 < this.lens.length ? this.chunks[i + 1][0] : Number.NaN;
  }

  clear(): void {
    this.chunks = [];
    this.lens = [];
    this.lasts = [];
    this.total = 0;
  }

  /**
   * The chunk holding rank k; its position inside goes to `offset`. Walks
   * the chunk sizes from the nearer end: high quantiles (p90, p99) are then
   * a few steps from the back instead of most of the list.
   */
  private locate(k: number): number {
    if (!(k >= 0 && k < this.total)) throw new RangeError(`select(${k}) outside 0..${this.total - 1}`);
    const lens = this.lens;
    if (k < this.total >>> 1) {
      let i = 0;
      while (k >= lens[i]) k -= lens[i++];
      this.offset = k;
      return i;
    }
    let back = this.total - 1 - k; // rank counted from the largest
    let i = lens.length - 1;
    while (back >= lens[i]) back -= lens[i--];
    this.offset = lens[i] - 1 - back;
    return i;
  }

  /** Index of the first chunk whose last value is >= v (chunks.length when none). */
  private firstChunkEndingAtOrAbove(v: number): number {
    let lo = 0;
    let hi = this.lasts.length;
    const lasts = this.lasts;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lasts[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private split(ci: number): void {
    const c = this.chunks[ci];
    const right = new Float64Array(this.capacity);
    right.set(c.subarray(this.half, this.capacity));
    this.lens[ci] = this.half;
    this.chunks.splice(ci + 1, 0, right);
    this.lens.splice(ci + 1, 0, this.capacity - this.half);
    this.lasts.splice(ci + 1, 0, this.lasts[ci]);
    this.lasts[ci] = c[this.half - 1];
  }

  /** Chunk ci became small: merge it into a neighbour, splitting again evenly if that overflows. */
  private rebalance(ci: number): void {
    const n = this.chunks.length;
    if (n === 1) {
      if (this.lens[0] === 0) this.clear();
      return;
    }
    const left = ci > 0 && (ci + 1 === n || this.lens[ci - 1] <= this.lens[ci + 1]) ? ci - 1 : ci;
    const a = this.chunks[left];
    const b = this.chunks[left + 1];
    const la = this.lens[left];
    const lb = this.lens[left + 1];
    const sum = la + lb;
    if (sum < this.capacity) {
      a.set(b.subarray(0, lb), la);
      this.lens[left] = sum;
      this.lasts[left] = a[sum - 1];
      this.chunks.splice(left + 1, 1);
      this.lens.splice(left + 1, 1);
      this.lasts.splice(left + 1, 1);
      return;
    }
    // Too many for one chunk: share them out evenly (both end up well above a quarter).
    const merged = new Float64Array(sum);
    merged.set(a.subarray(0, la));
    merged.set(b.subarray(0, lb), la);
    const m = sum >>> 1;
    a.set(merged.subarray(0, m));
    b.set(merged.subarray(m));
    this.lens[left] = m;
    this.lens[left + 1] = sum - m;
    this.lasts[left] = a[m - 1];
    this.lasts[left + 1] = b[sum - m - 1];
  }
}

/** First index in c[0..len) with c[i] >= v. */
function lowerBound(c: Float64Array, len: number, v: number): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in c[0..len) with c[i] > v. */
function upperBound(c: Float64Array, len: number, v: number): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
