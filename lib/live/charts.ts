"use client";
/** The day's time series of one metric, as the chart topics deliver it. */
import type { SeriesPoint } from "../series";
import { useTopicThrottled } from "./hooks";

export interface ChartData {
  points: readonly SeriesPoint[];
  /** Changes whenever points were added (the array itself grows in place). */
  version: number;
}

/** Charts redraw at most this often, whatever the engine's speed. */
const CHART_REDRAW_MS = 2000;

const EMPTY: readonly SeriesPoint[] = [];

export function useChartPoints(metric: string | null): ChartData {
  const topic = useTopicThrottled<SeriesPoint[]>(metric ? `charts:${metric}` : null, CHART_REDRAW_MS);
  return { points: topic?.data ?? EMPTY, version: topic?.version ?? 0 };
}
