/**
 * The day's time series of every metric, as columns per (metric, key): what
 * the chart topics and /api/series serve. Points are counted from the start
 * of the run (absolute indices), so a reader that remembers "I have sent n
 * points" stays right after old points are trimmed.
 */
import { stableStringify } from "../engine";
import type { MetricTick } from "../transit/contract";

export interface Column {
  metric: string;
  key: Record<string, string>;
  /** stableStringify(key): the column's identity within its metric. */
  keyId: string;
  t: number[];
  v: unknown[];
  /** Points trimmed from the front so far: absolute index of t[0]. */
  base: number;
}

/** Absolute index one past the newest point. */
export const columnEnd = (c: Column): number => c.base + c.t.length;

/** Does a key match a selector ({} matches all)? */
export function keyMatches(key: Record<string, string>, selector: Record<string, string>): boolean {
  for (const k in selector) if (key[k] !== selector[k]) return false;
  return true;
}

export class SeriesStore {
  private readonly metrics = new Map<string, Map<string, Column>>();
  private newest = Number.NEGATIVE_INFINITY;
  private lastTrim = Number.NEGATIVE_INFINITY;
  /** Bumped on every append: topics skip work when nothing changed. */
  version = 0;

  /** retainMs: points older than this (engine time, from the newest point) are dropped. */
  constructor(private readonly retainMs = 26 * 3_600_000) {}

  append(ticks: readonly MetricTick[]): void {
    for (const m of ticks) {
      let byKey = this.metrics.get(m.metric);
      if (!byKey) {
        byKey = new Map();
        this.metrics.set(m.metric, byKey);
      }
      const keyId = stableStringify(m.key);
      let col = byKey.get(keyId);
      if (!col) {
        col = { metric: m.metric, key: m.key, keyId, t: [], v: [], base: 0 };
        byKey.set(keyId, col);
      }
      col.t.push(m.t);
      col.v.push(m.value);
      if (m.t > this.newest) this.newest = m.t;
    }
    if (ticks.length > 0) this.version++;
    // Trim about once an engine hour: cheap, and the window stays within retainMs + 1 h.
    if (this.newest - this.lastTrim > 3_600_000) this.trim();
  }

  columns(metric: string, selector: Record<string, string> = {}): Column[] {
    const byKey = this.metrics.get(metric);
    if (!byKey) return [];
    const out: Column[] = [];
    for (const c of byKey.values()) if (keyMatches(c.key, selector)) out.push(c);
    return out;
  }

  metricNames(): string[] {
    return [...this.metrics.keys()].sort();
  }

  clear(): void {
    this.metrics.clear();
    this.newest = Number.NEGATIVE_INFINITY;
    this.lastTrim = Number.NEGATIVE_INFINITY;
    this.version++;
  }

  private trim(): void {
    this.lastTrim = this.newest;
    const cutoff = this.newest - this.retainMs;
    for (const byKey of this.metrics.values()) {
      for (const c of byKey.values()) {
        let n = 0;
        while (n < c.t.length && c.t[n] < cutoff) n++;
        if (n === 0) continue;
        c.t.splice(0, n);
        c.v.splice(0, n);
        c.base += n;
      }
    }
  }
}

/** Points of a column between two absolute indices [from, to). */
export function slicePoints(c: Column, from: number, to: number): { t: number[]; v: unknown[] } {
  const a = Math.max(0, from - c.base);
  const b = Math.max(a, to - c.base);
  return { t: c.t.slice(a, b), v: c.v.slice(a, b) };
}
