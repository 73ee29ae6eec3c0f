"use client";
/** Charts of one line: headways, wait assessment, next-train wait, delays (dashboard and line page). */
import type { ReactNode } from "react";
import { useMemo } from "react";
import { useChartPoints } from "../../lib/live/charts";
import type { NetworkIndex } from "../../lib/network";
import { field, num, pivot, type SeriesPoint } from "../../lib/series";
import { ChartCard } from "./ChartCard";
import { mergeRows, minutes, pct, prefixed, routeColor, useRouteRows } from "./chart-data";

interface LineChartProps {
  network: NetworkIndex | null;
  route: string;
  controls?: ReactNode;
}

const meanSec = (v: unknown) => field(v, "meanSec");

export function HeadwayChart({ network, route, controls }: LineChartProps) {
  const actual = useRouteRows("subway.headway_actual", route, meanSec);
  const scheduled = useRouteRows("subway.headway_scheduled", route, meanSec);
  const rows = useMemo(
    () => mergeRows(prefixed(actual.rows, "actual"), prefixed(scheduled.rows, "sched")),
    [actual, scheduled],
  );
  const color = routeColor(network, route);
  return (
    <ChartCard
      id="headways"
      title={`Headways, ${route} line`}
      summary={`Mean time between trains over the last hour on the ${route} line, actual against scheduled, by direction.`}
      controls={controls}
      pointCount={actual.count + scheduled.count}
      rows={rows}
      yFormat={minutes}
      yDurations
      series={[
        { key: "actualN", label: "actual north", color },
        { key: "actualS", label: "actual south", color: "#e8edf2" },
        { key: "schedN", label: "scheduled north", color, dash: true },
        { key: "schedS", label: "scheduled south", color: "#9aa7b4", dash: true },
      ]}
    />
  );
}

export function WaitAssessmentChart({ network, route, controls }: LineChartProps) {
  const { rows, count } = useRouteRows("subway.wait_assessment", route, num);
  return (
    <ChartCard
      id="wait-assessment"
      title={`Wait assessment, ${route} line`}
      summary={`Share of headways within the scheduled headway plus 25% on the ${route} line, by direction.`}
      controls={controls}
      pointCount={count}
      rows={rows}
      yFormat={pct}
      yDomain={[0, 1]}
      series={[
        { key: "N", label: "north", color: routeColor(network, route) },
        { key: "S", label: "south", color: "#e8edf2", dash: true },
      ]}
    />
  );
}

const waitParts = (p: SeriesPoint) =>
  [
    ["mean", field(p.value, "mean")],
    ["p90", field(p.value, "p90")],
    ["p99", field(p.value, "p99")],
  ] as const;

export function NextTrainWaitChart({ route, controls }: Omit<LineChartProps, "network">) {
  const { points, version } = useChartPoints(`subway.next_train_wait@route=${route}`);
  // biome-ignore lint/correctness/useExhaustiveDependencies: points grows in place; version says when
  const mine = useMemo(() => points.filter((p) => p.key.route === route), [points, version, route]);
  const rows = useMemo(() => pivot(mine, waitParts), [mine]);
  return (
    <ChartCard
      id="next-train-wait"
      title={`Next-train wait, ${route} line`}
      summary={`Time to the next train across all stations of the ${route} line: mean, 90th and 99th percentile.`}
      controls={controls}
      pointCount={mine.length}
      rows={rows}
      yFormat={minutes}
      yDurations
      series={[
        { key: "mean", label: "mean", color: "#3fb36b" },
        { key: "p90", label: "p90", color: "#f0b429" },
        { key: "p99", label: "p99", color: "#ef5a45", dash: true },
      ]}
    />
  );
}

export function LineDelayChart({ network, route, controls }: LineChartProps) {
  const mean = useRouteRows("subway.delay_mean_15m", route, num);
  const max = useRouteRows("subway.delay_max_15m", route, num);
  const rows = useMemo(() => mergeRows(prefixed(mean.rows, "mean"), prefixed(max.rows, "max")), [mean, max]);
  const color = routeColor(network, route);
  return (
    <ChartCard
      id="line-delay"
      title={`Delays, ${route} line (15 min)`}
      summary={`Mean and maximum train delay over 15 minutes on the ${route} line, by direction.`}
      controls={controls}
      pointCount={mean.count + max.count}
      rows={rows}
      yFormat={minutes}
      yDurations
      series={[
        { key: "meanN", label: "mean north", color },
        { key: "meanS", label: "mean south", color: "#e8edf2" },
        { key: "maxN", label: "max north", color, dash: true },
        { key: "maxS", label: "max south", color: "#9aa7b4", dash: true },
      ]}
    />
  );
}
