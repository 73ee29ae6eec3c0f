/**
 * Shaping the server's metric ticks for charts: one row per time bucket with
 * one column per series. Values are the server's, as computed; the only
 * choice made here is which tick stands for a bucket (the last one), so a day
 * of minute ticks draws as a few hundred points.
 */

/** A point of a chart topic: a MetricTick, or the same without its metric name. */
export interface SeriesPoint {
  t: number;
  key: Record<string, string>;
  value: unknown;
}

export type ChartRow = { t: number } & Record<string, number | null>;

export type Extract = (p: SeriesPoint) => Iterable<readonly [string, number | null]>;

/** Pick a bucket so that `spanMs` holds at most `maxPoints` buckets, in whole minutes. */
export function bucketFor(spanMs: number, maxPoints: number): number {
  const minute = 60_000;
  return Math.max(1, Math.ceil(spanMs / maxPoints / minute)) * minute;
}

export function pivot(points: readonly SeriesPoint[], extract: Extract, maxPoints = 240): ChartRow[] {
  if (points.length === 0) return [];
  let t0 = Number.POSITIVE_INFINITY;
  let t1 = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (p.t < t0) t0 = p.t;
    if (p.t > t1) t1 = p.t;
  }
  const bucket = bucketFor(t1 - t0, maxPoints);
  const rows = new Map<number, ChartRow>();
  for (const p of points) {
    const b = Math.floor(p.t / bucket) * bucket;
    let row = rows.get(b);
    if (!row) rows.set(b, (row = { t: b } as ChartRow));
    for (const [series, v] of extract(p)) row[series] = v;
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** Series names present in rows, in first-seen order. */
export function seriesNames(rows: readonly ChartRow[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (k !== "t") seen.add(k);
  return [...seen];
}

export const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function field(v: unknown, name: string): number | null {
  if (v === null || typeof v !== "object") return null;
  return num((v as Record<string, unknown>)[name]);
}

/** The latest value of each series (for choosing which lines to draw). */
export function latestBySeries(rows: readonly ChartRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows)
    for (const [k, v] of Object.entries(r)) if (k !== "t" && typeof v === "number") out.set(k, v);
  return out;
}
