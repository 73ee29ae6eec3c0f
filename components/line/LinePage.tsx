"use client";
/** `/line/[id]`: the line's status, its stations with its trains, headway and delay charts, its alerts. */
import { useTopic } from "../../lib/live/hooks";
import { useNetwork } from "../../lib/network";
import type { AlertView, TrainView } from "../../transit/contract";
import { AlertsList } from "../AlertsList";
import { HeadwayChart, LineDelayChart, NextTrainWaitChart, WaitAssessmentChart } from "../charts/LineCharts";
import { LineBullet } from "../LineBullet";
import { SiteHeader } from "../SiteHeader";
import { useLineStatuses } from "../StatusBoard";
import { StatusWord } from "../StatusWord";
import { LineStrip } from "./LineStrip";

export function LinePage({ route }: { route: string }) {
  const { network } = useNetwork();
  const info = network?.routeById.get(route);
  const status = useLineStatuses().find((s) => s.route === route);
  const valid = /^[A-Za-z0-9]{1,4}$/.test(route);
  const trains = useTopic<TrainView[]>(valid ? `trains:${route}` : null)?.data ?? [];
  const alerts = (useTopic<AlertView[]>("alerts")?.data ?? []).filter((a) => a.routes.includes(route));
  const north = trains.filter((t) => t.direction === "N").length;
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        <div className="line-title">
          <LineBullet route={route} info={info} />
          <div>
            <h1 style={{ margin: 0 }}>{info ? `${info.shortName} — ${info.longName}` : `Line ${route}`}</h1>
            <div data-testid="line-status">
              <StatusWord status={status?.status ?? "No data"} />{" "}
              <span className="muted">{status?.reasons.join(" · ")}</span>
            </div>
          </div>
        </div>
        {network && !info && <p className="error-text">There is no line {route} in this network.</p>}
        <div className="two-col">
          <section className="card" aria-labelledby="strip-h">
            <div className="card-head">
              <h2 id="strip-h">Stations and trains</h2>
              <span className="muted small" data-testid="line-train-count" data-count={trains.length}>
                {trains.length} trains: {north} northbound ↑, {trains.length - north} southbound ↓
              </span>
            </div>
            {info && network ? (
              <LineStrip route={info} network={network} trains={trains} />
            ) : (
              <p className="muted">Loading…</p>
            )}
          </section>
          <div className="side-stack">
            <HeadwayChart network={network} route={route} />
            <LineDelayChart network={network} route={route} />
            <WaitAssessmentChart network={network} route={route} />
            <NextTrainWaitChart route={route} />
            <section className="card" aria-labelledby="line-alerts-h">
              <div className="card-head">
                <h2 id="line-alerts-h">Alerts on the {route}</h2>
              </div>
              <AlertsList alerts={alerts} network={network} emptyText="No active alerts on this line." />
            </section>
          </div>
        </div>
      </main>
    </>
  );
}
