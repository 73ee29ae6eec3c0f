"use client";
/** `/`: the map, the status board, the day's charts, alerts, Citi Bike and outages, and export. */
import { useMemo } from "react";
import { isoNewYork, type Row } from "../../lib/export";
import { connection } from "../../lib/live/connection";
import { useTopic } from "../../lib/live/hooks";
import { useNetwork } from "../../lib/network";
import type { SeriesPoint } from "../../lib/series";
import type { AlertView, BikeStationView, OutageView, TrainView } from "../../transit/contract";
import { AlertsList } from "../AlertsList";
import { BikeTotalsCard } from "../BikeTotalsCard";
import { DashboardCharts } from "../charts/DashboardCharts";
import { ExportMenu, type ExportSource } from "../ExportMenu";
import { MapPanel } from "../map/MapPanel";
import { OutagesList } from "../OutagesList";
import { SiteHeader } from "../SiteHeader";
import { StationSearch } from "../StationSearch";
import { StatusBoard, useLineStatuses } from "../StatusBoard";

/** Chart points as export rows: the headless export's columns. */
export function chartRows(): Row[] {
  const rows: Row[] = [];
  for (const topic of connection().topicsStartingWith("charts:")) {
    const metric = topic.topic.slice("charts:".length).split("@")[0];
    for (const p of topic.data as SeriesPoint[])
      rows.push({ t: isoNewYork(p.t), metric, key: p.key, value: p.value });
  }
  return rows;
}

export function Dashboard({ tileUrl }: { tileUrl: string | null }) {
  const { network, error } = useNetwork();
  const statuses = useLineStatuses();
  const alerts = useTopic<AlertView[]>("alerts")?.data ?? [];
  const outages = useTopic<OutageView[]>("outages")?.data ?? [];
  const sources = useMemo<ExportSource[]>(
    () => [
      {
        id: "status",
        label: "Line status",
        rows: () => statuses.map((s) => ({ ...s, asOf: isoNewYork(s.asOf) })),
      },
      {
        id: "trains",
        label: "Trains on the map",
        rows: () => (connection().getTopic<TrainView[]>("trains")?.data ?? []).map((t) => ({ ...t })),
      },
      { id: "charts", label: "Chart series (day so far)", rows: chartRows },
      {
        id: "alerts",
        label: "Alerts",
        rows: () =>
          alerts.map((a) => ({
            id: a.id,
            alertType: a.alertType,
            planned: a.planned,
            routes: a.routes.join(" "),
            stationIds: a.stationIds.join(" "),
            headerText: a.headerText,
            descriptionText: a.descriptionText,
            humanPeriod: a.humanPeriod,
          })),
      },
      {
        id: "bikes",
        label: "Citi Bike stations",
        rows: () => (connection().getTopic<BikeStationView[]>("bikes")?.data ?? []).map((b) => ({ ...b })),
      },
      { id: "outages", label: "Elevator outages", rows: () => outages.map((o) => ({ ...o })) },
    ],
    [statuses, alerts, outages],
  );
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        <h1 className="sr-only">New York transit now</h1>
        {error && !network && (
          <p className="error-text" role="alert">
            The network could not be loaded ({error}); retrying.
          </p>
        )}
        <div className="dash-top">
          <MapPanel network={network} tileUrl={tileUrl} />
          <section className="card status-card" aria-labelledby="status-h">
            <div className="card-head">
              <h2 id="status-h">Line status</h2>
              <span className="muted small">select a line for details</span>
            </div>
            <StationSearch network={network} />
            <StatusBoard network={network} />
          </section>
        </div>
        <DashboardCharts network={network} statuses={statuses} />
        <div className="dash-bottom">
          <section className="card" aria-labelledby="alerts-h">
            <div className="card-head">
              <h2 id="alerts-h">Service alerts</h2>
              <span className="muted small">
                {alerts.filter((a) => !a.planned).length} unplanned · {alerts.filter((a) => a.planned).length}{" "}
                planned
              </span>
            </div>
            <AlertsList alerts={alerts} network={network} />
          </section>
          <div className="side-stack">
            <BikeTotalsCard />
            <section className="card" aria-labelledby="outages-h">
              <div className="card-head">
                <h2 id="outages-h">Elevators and escalators</h2>
                <span className="muted small">{outages.length} out</span>
              </div>
              <OutagesList outages={outages} network={network} limit={8} />
            </section>
            <ExportMenu sources={sources} filePrefix="nyc-transit" />
          </div>
        </div>
      </main>
    </>
  );
}
