"use client";
/** A chart in a card: title, what it shows in words, and the chart (Recharts, loaded lazily). */
import dynamic from "next/dynamic";
import { memo, type ReactNode, type RefObject, useEffect, useRef, useState } from "react";
import type { ChartRow } from "../../lib/series";
import type { SeriesDef, TimeChartProps } from "./TimeChart";

// Memoized: given the very same props it does not redraw (see `shown` below).
const TimeChart = memo(
  dynamic(() => import("./TimeChart"), {
    ssr: false,
    loading: () => <div className="chart-empty">Loading chart…</div>,
  }),
);

/** Whether the element is in (or near) the viewport; true until known, and where the browser cannot tell. */
function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [on, setOn] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => setOn(entries.some((e) => e.isIntersecting)), {
      rootMargin: "200px",
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return on;
}

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
  const ref = useRef<HTMLElement>(null);
  // A chart out of view keeps its last drawing: a Recharts redraw costs tens of milliseconds of the
  // main thread (frames of the map's animation), so only charts someone can see follow the data.
  // The point counts below stay live.
  const onScreen = useOnScreen(ref);
  const shown = useRef(chart);
  if (onScreen) shown.current = chart;
  return (
    <section
      ref={ref}
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
            <TimeChart {...shown.current} />
          )}
        </div>
        <figcaption className="sr-only">{summary}</figcaption>
      </figure>
    </section>
  );
}
