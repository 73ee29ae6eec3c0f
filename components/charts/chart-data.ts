"use client";
/** Shared shaping of chart topics into rows, and the axis formats. */
import { useMemo } from "react";
import { chartStroke } from "../../lib/colors";
import { useChartPoints } from "../../lib/live/charts";
import type { NetworkIndex } from "../../lib/network";
import { type ChartRow, pivot, type SeriesPoint } from "../../lib/series";

/** Seconds as axis text: "45s" under two minutes, else "7m". */
export const minutes = (sec: number) =>
  Math.abs(sec) < 120 ? `${Math.round(sec)}s` : `${Math.round(sec / 60)}m`;
export const pct = (share: number) => `${Math.round(share * 100)}%`;
/** 950, 8k, 8.5k, 24k: one decimal under 10k, none when it is zero. */
export const thousands = (v: number) =>
  v >= 1000 ? `${Number((v / 1000).toFixed(v >= 10_000 ? 0 : 1))}k` : String(Math.round(v));
export const dirName = (d: string | undefined) => (d === "N" ? "north" : d === "S" ? "south" : "");

export function routeColor(network: NetworkIndex | null, route: string): string {
  const r = network?.routeById.get(route);
  return r ? chartStroke(r.color) : "#9aa7b4";
}

export interface Rows {
  rows: ChartRow[];
  /** Points received (grows with engine time). */
  count: number;
}

/** One route's points of a metric (subscribed with a key selector), one series per direction. */
export function useRouteRows(metric: string, route: string, pick: (v: unknown) => number | null): Rows {
  const { points, version } = useChartPoints(`${metric}@route=${route}`);
  // biome-ignore lint/correctness/useExhaustiveDependencies: points grows in place; version says when
  return useMemo(() => {
    const mine = points.filter((p) => p.key.route === route);
    return {
      rows: pivot(mine, (p) => [[p.key.direction ?? "all", pick(p.value)] as const]),
      count: mine.length,
    };
  }, [points, version, route, pick]);
}

const systemOnly = (p: SeriesPoint) => Object.keys(p.key).length === 0;

/** The system-wide points of a metric (key {}), as one named series. */
export function useSystemRows(metric: string, name: string, pick: (v: unknown) => number | null): Rows {
  const { points, version } = useChartPoints(metric);
  // biome-ignore lint/correctness/useExhaustiveDependencies: points grows in place; version says when
  return useMemo(() => {
    const mine = points.filter(systemOnly);
    return { rows: pivot(mine, (p) => [[name, pick(p.value)] as const]), count: mine.length };
  }, [points, version, name, pick]);
}

/** Rows of several sets joined on time. */
export function mergeRows(...sets: ChartRow[][]): ChartRow[] {
  const merged = new Map<number, ChartRow>();
  for (const set of sets)
    for (const r of set) {
      const m = merged.get(r.t) ?? ({ t: r.t } as ChartRow);
      Object.assign(m, r);
      merged.set(r.t, m);
    }
  return [...merged.values()].sort((a, b) => a.t - b.t);
}

/** Rename a rows' series: { N: 1 } -> { actualN: 1 }. */
export function prefixed(rows: ChartRow[], prefix: string): ChartRow[] {
  return rows.map((r) => {
    const out = { t: r.t } as ChartRow;
    for (const [k, v] of Object.entries(r)) if (k !== "t") out[`${prefix}${k}`] = v;
    return out;
  });
}
