"use client";
/**
 * The day so far, as the server computed it: delays per line, headways and
 * wait assessment, the next-train wait (mean, p90, p99), Citi Bike
 * availability and NotSpots, alerts planned vs unplanned. Charts grow as
 * engine time advances (chart topics append points).
 */
import { memo, useEffect, useMemo, useState } from "react";
import { useChartPoints } from "../../lib/live/charts";
import { useTopic } from "../../lib/live/hooks";
import type { NetworkIndex } from "../../lib/network";
import { field, latestBySeries, num, pivot, type SeriesPoint } from "../../lib/series";
import type { LineStatus } from "../../transit/contract";
import { ChartCard } from "./ChartCard";
import { dirName, mergeRows, minutes, routeColor, thousands, useSystemRows } from "./chart-data";
import { HeadwayChart, NextTrainWaitChart, WaitAssessmentChart } from "./LineCharts";
import type { SeriesDef } from "./TimeChart";

interface Props {
  network: NetworkIndex | null;
}

const RANK = ["Delays", "Service change", "Slow", "Long gaps"];

/** The line the per-line charts start on: the one in the worst state now. */
function worstLine(statuses: LineStatus[], network: NetworkIndex | null): string {
  const rank = (s: LineStatus) => {
    const i = RANK.indexOf(s.status);
    return i < 0 ? 9 : i;
  };
  const sorted = [...statuses].sort((a, b) => rank(a) - rank(b) || b.maxDelaySec - a.maxDelaySec);
  return sorted[0]?.route ?? network?.routes[0]?.id ?? "A";
}

/** Memoized: the dashboard's other cards update several times a second; these redraw on their own topics. */
export const DashboardCharts = memo(function DashboardCharts({ network }: Props) {
  const [chosen, setChosen] = useState<string | null>(null);
  // Start on the worst line once statuses arrive, then stay: charts must not hop as statuses change
  // (nor redraw with every status: the topic is left once a line is chosen).
  const statuses = useTopic<LineStatus[]>(chosen === null ? "status" : null)?.data ?? NO_STATUSES;
  useEffect(() => {
    if (chosen === null && statuses.length > 0) setChosen(worstLine(statuses, network));
  }, [chosen, statuses, network]);
  const focus = chosen ?? network?.routes[0]?.id ?? "A";
  const routes = network?.routes;
  const picker = useMemo(
    () => (
      <label className="chart-controls">
        <span>Line</span>
        <select value={focus} onChange={(e) => setChosen(e.currentTarget.value)}>
          {(routes ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.shortName}
              {r.id.endsWith("X") ? " express" : ""}
            </option>
          ))}
        </select>
      </label>
    ),
    [focus, routes],
  );
  return (
    <div className="dash-grid">
      <DelayChart network={network} />
      <HeadwayChart network={network} route={focus} controls={picker} />
      <WaitAssessmentChart network={network} route={focus} controls={picker} />
      <NextTrainWaitChart route={focus} controls={picker} />
      <BikesChart />
      <AlertsChart />
    </div>
  );
});

const NO_STATUSES: LineStatus[] = [];

/** Series per (route, direction), e.g. "A|N". */
const byRouteDir = (p: SeriesPoint) => [[`${p.key.route}|${p.key.direction ?? ""}`, num(p.value)] as const];

function DelayChart({ network }: { network: NetworkIndex | null }) {
  const { points, version } = useChartPoints("subway.delay_mean_15m");
  // biome-ignore lint/correctness/useExhaustiveDependencies: points grows in place; version says when
  const rows = useMemo(() => pivot(points, byRouteDir), [points, version]);
  const latest = latestBySeries(rows);
  const top = [...latest.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k]) => k);
  const series: SeriesDef[] = top.map((k) => {
    const [route, dir] = k.split("|");
    return {
      key: k,
      label: `${route} ${dirName(dir)}`,
      color: routeColor(network, route),
      dash: dir === "S",
    };
  });
  return (
    <ChartCard
      id="delay"
      title="Delay by line (15-min mean)"
      summary={`Mean delay of trains over 15 minutes, the ${series.length} most delayed line directions now: ${series
        .map((s) => `${s.label} ${minutes(latest.get(s.key) ?? 0)}`)
        .join(", ")}.`}
      pointCount={points.length}
      rows={rows}
      series={series}
      yFormat={minutes}
      yDurations
    />
  );
}

const notSpotCount = (v: unknown) => (typeof v === "number" ? v : field(v, "count"));

function BikesChart() {
  const bikes = useSystemRows("bikes.bikes_available", "bikes", num);
  const ebikes = useSystemRows("bikes.ebikes_available", "ebikes", num);
  const docks = useSystemRows("bikes.docks_available", "docks", num);
  const notspots = useSystemRows("bikes.notspots", "notspots", notSpotCount);
  const rows = useMemo(
    () => mergeRows(bikes.rows, ebikes.rows, docks.rows, notspots.rows),
    [bikes, ebikes, docks, notspots],
  );
  return (
    <ChartCard
      id="bikes"
      title="Citi Bike: bikes, docks, NotSpots"
      summary="Bikes, e-bikes and docks available system-wide, and NotSpots (stations empty or full) on the right axis."
      pointCount={bikes.count + ebikes.count + docks.count + notspots.count}
      rows={rows}
      yFormat={thousands}
      rightFormat={thousands}
      yIntegers
      series={[
        { key: "bikes", label: "bikes", color: "#3fb36b" },
        { key: "ebikes", label: "e-bikes", color: "#5aa9e6" },
        { key: "docks", label: "docks", color: "#c9d3dc", dash: true },
        { key: "notspots", label: "NotSpots", color: "#ef5a45", axis: "right" },
      ]}
    />
  );
}

const plannedSplit = (p: SeriesPoint) =>
  [
    ["unplanned", field(p.value, "unplanned")],
    ["planned", field(p.value, "planned")],
  ] as const;

function AlertsChart() {
  const { points, version } = useChartPoints("alerts.active");
  // biome-ignore lint/correctness/useExhaustiveDependencies: points grows in place; version says when
  const mine = useMemo(() => points.filter((p) => Object.keys(p.key).length === 0), [points, version]);
  const rows = useMemo(() => pivot(mine, plannedSplit), [mine]);
  return (
    <ChartCard
      id="alerts"
      title="Active alerts: planned vs unplanned"
      summary="Number of active service alerts over the day, planned work and unplanned incidents stacked."
      pointCount={mine.length}
      rows={rows}
      yFormat={(v) => String(Math.round(v))}
      yIntegers
      series={[
        { key: "unplanned", label: "unplanned", color: "#f0b429", area: true, stack: "a" },
        { key: "planned", label: "planned", color: "#5aa9e6", area: true, stack: "a" },
      ]}
    />
  );
}
