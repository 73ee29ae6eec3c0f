"use client";
/** A time chart over the day (Recharts): lines and areas over engine time, New York clock on the axis. */
import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { type DurationAxis, durationAxis } from "../../lib/duration-axis";
import { clockHm } from "../../lib/format";
import type { ChartRow } from "../../lib/series";

export interface SeriesDef {
  key: string;
  label: string;
  color: string;
  dash?: boolean;
  area?: boolean;
  /** Stack areas with the same id. */
  stack?: string;
  axis?: "left" | "right";
}

export interface TimeChartProps {
  rows: ChartRow[];
  series: SeriesDef[];
  yFormat?: (v: number) => string;
  rightFormat?: (v: number) => string;
  yDomain?: [number | "auto" | "dataMin", number | "auto" | "dataMax"];
  /** The left axis holds durations in seconds: ticked at whole clock steps (yFormat still formats the tooltip). */
  yDurations?: boolean;
  /** Both axes count things (alerts, bikes): whole-number ticks only, never 0.75 shown rounded to "1". */
  yIntegers?: boolean;
}

/** Tick labels: filled, not outlined (a stroke on text blurs it), light enough to read on the panel. */
const AXIS = { fill: "#8c99a6", fontSize: 11 };

/** The duration axis over the left-axis series' values. */
function leftDurationAxis(rows: ChartRow[], series: SeriesDef[]): DurationAxis {
  const keys = series.filter((s) => (s.axis ?? "left") === "left").map((s) => s.key);
  let lo = 0;
  let hi = Number.NEGATIVE_INFINITY;
  for (const row of rows)
    for (const k of keys) {
      const v = row[k];
      if (typeof v !== "number" || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return durationAxis(lo, hi);
}

export default function TimeChart({
  rows,
  series,
  yFormat,
  rightFormat,
  yDomain,
  yDurations,
  yIntegers,
}: TimeChartProps) {
  const right = series.some((s) => s.axis === "right");
  const durations = yDurations ? leftDurationAxis(rows, series) : null;
  return (
    <ComposedChart
      responsive
      data={rows}
      margin={{ top: 6, right: 8, bottom: 0, left: -8 }}
      style={{ width: "100%", height: "100%" }}
    >
      <CartesianGrid stroke="#26323d" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={["dataMin", "dataMax"]}
        tickFormatter={(t: number) => clockHm(t)}
        minTickGap={36}
        tick={AXIS}
        stroke="#3a4856"
      />
      <YAxis
        yAxisId="left"
        tick={AXIS}
        stroke="#3a4856"
        tickFormatter={durations?.label ?? yFormat}
        allowDecimals={!yIntegers}
        ticks={durations?.ticks}
        interval={durations ? 0 : undefined}
        domain={durations ? [durations.ticks[0], durations.ticks.at(-1) as number] : (yDomain ?? [0, "auto"])}
        width={48}
      />
      {right && (
        <YAxis
          yAxisId="right"
          orientation="right"
          tick={AXIS}
          stroke="#3a4856"
          tickFormatter={rightFormat}
          allowDecimals={!yIntegers}
          width={40}
        />
      )}
      <Tooltip
        labelFormatter={(t) => clockHm(Number(t))}
        formatter={(v, _n, item) => {
          const def = series.find((s) => s.key === item.dataKey);
          const f = def?.axis === "right" ? rightFormat : yFormat;
          return typeof v === "number" && f ? f(v) : String(v);
        }}
        contentStyle={{ fontSize: 12, background: "#0f1419", borderColor: "#2a3742" }}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} iconType="plainline" />
      {series.map((s) =>
        s.area ? (
          <Area
            key={s.key}
            yAxisId={s.axis ?? "left"}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            fill={s.color}
            fillOpacity={0.35}
            stackId={s.stack}
            type="stepAfter"
            isAnimationActive={false}
            connectNulls
            dot={false}
          />
        ) : (
          <Line
            key={s.key}
            yAxisId={s.axis ?? "left"}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={1.8}
            strokeDasharray={s.dash ? "5 3" : undefined}
            type="monotone"
            isAnimationActive={false}
            connectNulls
            dot={false}
          />
        ),
      )}
    </ComposedChart>
  );
}
