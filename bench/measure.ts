/** Timing helpers shared by the suites: medians of repetitions after warm-up. */

export interface Timing {
  /** Median wall time of one repetition, ms. */
  medianMs: number;
  /** Every repetition, ms, in the order run. */
  samplesMs: number[];
}

export interface RepeatOptions {
  /** Timed repetitions (default 5). */
  reps?: number;
  /** Untimed runs first, to let the JIT settle (default 2). */
  warmup?: number;
}

/**
 * Time several contenders in rounds (A B C, A B C, ...) rather than one after
 * the other, so a burst of load on a shared machine hits them alike and
 * their ratios stay meaningful. Each returns a checksum, kept so the work
 * cannot be optimised away.
 */
export function compareMedians<K extends string>(
  contenders: Record<K, () => number>,
  opts: RepeatOptions = {},
): Record<K, Timing> {
  const reps = opts.reps ?? 5;
  const warmup = opts.warmup ?? 2;
  const keys = Object.keys(contenders) as K[];
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < warmup; i++) for (const k of keys) blackhole(contenders[k]());
  for (let i = 0; i < reps; i++) {
    for (const k of keys) {
      const t0 = performance.now();
      blackhole(contenders[k]());
      samples[k].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(
    keys.map((k) => [k, { medianMs: median(samples[k]), samplesMs: samples[k] }]),
  ) as Record<K, Timing>;
}

/** One contender: `compareMedians` with a single entry. */
export function timeMedian(fn: () => number, opts: RepeatOptions = {}): Timing {
  return compareMedians({ only: fn }, opts).only;
}

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Per second, from a count done in `ms`. */
export function perSecond(count: number, ms: number): number {
  return (count * 1000) / ms;
}

let sink = 0;
function blackhole(x: number): void {
  sink = (sink + x) | 0;
}

/** Read once at the end so the checksum sink is observably used. */
export function blackholeValue(): number {
  return sink;
}
