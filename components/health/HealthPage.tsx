"use client";
/** `/health`: every feed's health now (table) and over the day (data age and poll latency charts). */
import { useMemo } from "react";
import type { FeedHealth } from "../../adapters/health/health";
import { feedLabel } from "../../lib/feed-label";
import { ago, byteSize, clockTime, duration, integer } from "../../lib/format";
import { useChartPoints } from "../../lib/live/charts";
import { dataTimeAt, useClock, useNow, useTopic } from "../../lib/live/hooks";
import { field, pivot, seriesNames } from "../../lib/series";
import { ChartCard } from "../charts/ChartCard";
import { minutes } from "../charts/chart-data";
import { SiteHeader } from "../SiteHeader";

const PALETTE = [
  "#5aa9e6",
  "#3fb36b",
  "#f0b429",
  "#ef5a45",
  "#b07cf0",
  "#4fd1c5",
  "#f78fb3",
  "#c9d3dc",
  "#ff9f43",
  "#a3e635",
  "#60a5fa",
  "#fca5a5",
  "#fde68a",
  "#93c5fd",
];

/** Feeds that change rarely (station lists) grow hours old: cap the axis so the others stay readable. */
const AGE_CAP_SEC = 15 * 60;

/** `rarelyUpdated`: feeds whose data is hours old when fresh (station lists), left out of the age chart. */
function HealthHistory({ rarelyUpdated }: { rarelyUpdated: readonly string[] }) {
  const { points, version } = useChartPoints("feeds.health");
  const leftOut = rarelyUpdated.join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: points grows in place; version says when
  const age = useMemo(
    () =>
      pivot(points, (p) => {
        const feed = p.key.feed ?? "?";
        if (rarelyUpdated.includes(feed)) return [];
        const ms = field(p.value, "ageMs");
        return [[feed, ms === null ? null : Math.min(AGE_CAP_SEC, ms / 1000)] as const];
      }),
    [points, version, leftOut],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: points grows in place; version says when
  const latency = useMemo(
    () => pivot(points, (p) => [[p.key.feed ?? "?", field(p.value, "latencyMs")] as const]),
    [points, version],
  );
  // One colour per feed in both charts, whichever the age chart leaves out.
  const feeds = seriesNames(latency);
  const series = feeds.map((f, i) => ({ key: f, label: feedLabel(f), color: PALETTE[i % PALETTE.length] }));
  const ageSeries = series.filter((s) => !rarelyUpdated.includes(s.key));
  const leftOutNote =
    rarelyUpdated.length > 0
      ? ` ${rarelyUpdated.map(feedLabel).join(" and ")}, stale only after hours, are left out.`
      : "";
  return (
    <div className="dash-grid">
      <ChartCard
        id="feed-age"
        title="Age of each feed's data (capped at 15 min)"
        summary={`Time between engine time and each feed's own timestamp, over the day (drawn up to 15 minutes).${leftOutNote}`}
        pointCount={points.length}
        rows={age}
        series={ageSeries}
        controls={
          rarelyUpdated.length > 0 ? (
            <span className="muted small" data-testid="feed-age-left-out">
              left out: {rarelyUpdated.map(feedLabel).join(", ")} (stale after hours)
            </span>
          ) : undefined
        }
        yFormat={minutes}
        yDurations
      />
      <ChartCard
        id="feed-latency"
        title="Poll latency"
        summary="Time each feed took to answer, over the day."
        pointCount={points.length}
        rows={latency}
        series={series}
        yFormat={(v) => `${Math.round(v)}ms`}
      />
    </div>
  );
}

export function HealthPage() {
  const topic = useTopic<FeedHealth[]>("health");
  const health = topic?.data ?? [];
  const clock = useClock();
  const wall = useNow(1000);
  const now = dataTimeAt(topic, clock, wall) ?? wall;
  const rows = [...health].sort((a, b) => Number(b.stale) - Number(a.stale) || a.feed.localeCompare(b.feed));
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        <h1>Feeds</h1>
        <section className="card" aria-labelledby="feeds-h">
          <div className="card-head">
            <h2 id="feeds-h">Health now</h2>
            <span className="muted small">
              {health.filter((h) => h.stale).length} stale of {health.length}; times are engine time
            </span>
          </div>
          <div className="table-scroll">
            <table className="data" data-testid="health-table">
              <thead>
                <tr>
                  <th scope="col">Feed</th>
                  <th scope="col">State</th>
                  <th scope="col">Data age</th>
                  <th scope="col">Last success</th>
                  <th scope="col">Latency</th>
                  <th scope="col">Size</th>
                  <th scope="col">Polls</th>
                  <th scope="col">Duplicates</th>
                  <th scope="col">Errors in a row</th>
                  <th scope="col">Last error</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((h) => (
                  <tr key={h.feed} data-feed={h.feed}>
                    <th scope="row">
                      {feedLabel(h.feed)}
                      <div className="muted small">{h.feed}</div>
                    </th>
                    <td>
                      <span className={`pill ${h.stale ? "bad" : h.consecutiveErrors > 0 ? "warn" : "ok"}`}>
                        {h.stale ? "stale" : h.consecutiveErrors > 0 ? "errors" : "fresh"}
                      </span>
                    </td>
                    <td>{h.ageMs === null ? "–" : duration(h.ageMs / 1000)}</td>
                    <td>
                      {h.lastSuccessAt === null
                        ? "never"
                        : `${clockTime(h.lastSuccessAt)} (${ago(now, h.lastSuccessAt)})`}
                    </td>
                    <td>{h.latencyMs === null ? "–" : `${integer(h.latencyMs)} ms`}</td>
                    <td>{h.bytes === null ? "–" : byteSize(h.bytes)}</td>
                    <td>{integer(h.polls)}</td>
                    <td>{integer(h.duplicatesSkipped)}</td>
                    <td>{h.consecutiveErrors}</td>
                    <td>
                      {h.lastErrorKind ? (
                        <>
                          <b>{h.lastErrorKind}</b> {h.lastError}
                          {h.lastErrorAt !== null && (
                            <div className="muted small">{clockTime(h.lastErrorAt)}</div>
                          )}
                        </>
                      ) : (
                        "–"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {health.length === 0 && <p className="muted">Waiting for the server…</p>}
        </section>
        <HealthHistory
          rarelyUpdated={health
            .filter((h) => (h.staleAfterMs ?? 0) > AGE_CAP_SEC * 1000)
            .map((h) => h.feed)
            .sort()}
        />
      </main>
    </>
  );
}
