"use client";
/** A chart in a card: title, what it shows in words, and the chart (Recharts, loaded lazily). */
import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import type { ChartRow } from "../../lib/series";
import type { SeriesDef, TimeChartProps } from "./TimeChart";

const TimeChart = dynamic(() => import("./TimeChart"), {
  ssr: false,
  loading: () => <div className="chart-empty">Loading chart…</div>,
});

interface Props extends TimeChartProps {
  id: string;
  title: string;
  /** One sentence for screen readers and the figure caption. */
  summary: string;
  controls?: ReactNode;
  /** Points received for this chart (they grow with engine time; rows are their time buckets). */
  pointCount: number;
  series: SeriesDef[];
  rows: ChartRow[];
}

export function ChartCard({ id, title, summary, controls, pointCount, ...chart }: Props) {
  return (
    <section
      className="card chart-card"
      aria-labelledby={`${id}-title`}
      data-testid={`chart-${id}`}
      data-points={pointCount}
      data-rows={chart.rows.length}
    >
      <div className="card-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {controls}
      </div>
      <figure aria-label={`${title}. ${summary}`}>
        <div className="chart-box">
          {chart.rows.length === 0 ? (
            <div className="chart-empty">Waiting for the first points…</div>
          ) : (
            <TimeChart {...chart} />
          )}
        </div>
        <figcaption className="sr-only">{summary}</figcaption>
      </figure>
    </section>
  );
}
