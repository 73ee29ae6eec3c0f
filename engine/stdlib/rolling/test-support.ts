/**
 * Test helpers: a seeded random source and naive statistics recomputed from
 * scratch over an explicit list of points, written independently of the
 * incremental structures they check.
 */

import { pullInput } from "../../adapters";
import { output } from "../../edges";
import { run } from "../../engine";
import type { Series } from "../../series";

/** mulberry32: small, seeded, good enough to shuffle test data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Point = readonly [time: number, value: number];

/**
 * What a rolling node should emit, recomputed from scratch: one cycle per
 * data point (same-time points each get their own cycle, in order) and one
 * per trigger time (trigger times must not coincide with data times). In a
 * cycle the window holds the data seen so far with time in (now - w, now],
 * or the last n of it; `stat` runs when it holds at least minPoints values.
 */
export function expectedTicks<R>(
  points: readonly Point[],
  triggerTimes: readonly number[],
  spec: { window?: number; ticks?: number },
  minPoints: number,
  stat: (values: number[]) => R,
): Array<[number, R]> {
  type Cycle = { now: number; seen: number };
  const cycles: Cycle[] = points.map(([t], i) => ({ now: t, seen: i + 1 }));
  for (const t of triggerTimes) {
    if (points.some(([pt]) => pt === t)) throw new Error(`trigger time ${t} coincides with a data point`);
    cycles.push({ now: t, seen: points.filter(([pt]) => pt < t).length });
  }
  cycles.sort((a, b) => a.now - b.now || a.seen - b.seen);
  const out: Array<[number, R]> = [];
  for (const { now, seen } of cycles) {
    const past = points.slice(0, seen);
    const kept =
      spec.ticks !== undefined
        ? past.slice(Math.max(0, past.length - spec.ticks))
        : past.filter(([t]) => t > now - spec.window!);
    const values = kept.map(([, v]) => v);
    if (values.length >= minPoints) out.push([now, stat(values)]);
  }
  return out;
}

/** Equal within a relative 1e-9 (NaN equals NaN). */
export function close(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

export const naive = {
  sum: (xs: number[]) => xs.reduce((a, b) => a + b, 0),
  mean: (xs: number[]) => naive.sum(xs) / xs.length,
  min: (xs: number[]) => Math.min(...xs),
  max: (xs: number[]) => Math.max(...xs),
  /** Two-pass sample standard deviation. */
  stddev: (xs: number[]) => {
    const m = naive.mean(xs);
    return Math.sqrt(xs.reduce((a, x) => a + (x - m) * (x - m), 0) / (xs.length - 1));
  },
  /**
   * numpy's default ("linear"): the value at fractional 0-based position
   * q (n - 1) of the sorted values, reading between neighbours linearly.
   */
  quantile: (xs: number[], q: number) => {
    const s = [...xs].sort((a, b) => a - b);
    const pos = q * (s.length - 1);
    const below = s[Math.floor(pos)];
    const above = s[Math.ceil(pos)];
    return below + (above - below) * (pos - Math.floor(pos));
  },
};

/** Run a graph fed by `points` and return the ticks of the one series it builds. */
export function ticksOf<T>(
  points: readonly Point[],
  build: (x: Series<number>) => Series<T>,
  opts: { end?: number } = {},
): Array<[number, T]> {
  const r = run(
    () => {
      const x = pullInput<number>("x", points);
      output("out", build(x));
    },
    { start: 0, end: opts.end },
  );
  return r.outputs.out as Array<[number, T]>;
}
