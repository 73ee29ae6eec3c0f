"use client";
/** `/`: the map, the status board, the day's charts, alerts, Citi Bike and outages, and export. */
import { isoNewYork, type Row } from "../../lib/export";
import { connection } from "../../lib/live/connection";
import { useTopic } from "../../lib/live/hooks";
import { type NetworkIndex, useNetwork } from "../../lib/network";
import type { SeriesPoint } from "../../lib/series";
import type { AlertView, BikeStationView, LineStatus, OutageView, TrainView } from "../../transit/contract";
import { AlertsList } from "../AlertsList";
import { BikeTotalsCard } from "../BikeTotalsCard";
import { DashboardCharts } from "../charts/DashboardCharts";
import { ExportMenu, type ExportSource } from "../ExportMenu";
import { MapPanel } from "../map/MapPanel";
import { OutagesList } from "../OutagesList";
import { SiteHeader } from "../SiteHeader";
import { StationSearch } from "../StationSearch";
import { StatusBoard } from "../StatusBoard";

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

/** What the export menu offers: read from the connection when asked, so nothing here re-renders on data. */
const EXPORT_SOURCES: ExportSource[] = [
  {
    id: "status",
    label: "Line status",
    rows: () => latest<LineStatus[]>("status").map((s) => ({ ...s, asOf: isoNewYork(s.asOf) })),
  },
  {
    id: "trains",
    label: "Trains on the map",
    rows: () => latest<TrainView[]>("trains").map((t) => ({ ...t })),
  },
  { id: "charts", label: "Chart series (day so far)", rows: chartRows },
  {
    id: "alerts",
    label: "Alerts",
    rows: () =>
      latest<AlertView[]>("alerts").map((a) => ({
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
    rows: () => latest<BikeStationView[]>("bikes").map((b) => ({ ...b })),
  },
  {
    id: "outages",
    label: "Elevator outages",
    rows: () => latest<OutageView[]>("outages").map((o) => ({ ...o })),
  },
];

const latest = <T,>(topic: string): T => (connection().getTopic<T>(topic)?.data ?? []) as T;

/**
 * The page's frame renders once per network: each card subscribes to its own
 * topics, so a status delta (several a second at 60x) re-renders the status
 * board and not the map or the charts.
 */
export function Dashboard({ tileUrl }: { tileUrl: string | null }) {
  const { network, error } = useNetwork();
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
        <DashboardCharts network={network} />
        <div className="dash-bottom">
          <AlertsCard network={network} />
          <div className="side-stack">
            <BikeTotalsCard />
            <OutagesCard network={network} />
            <ExportMenu sources={EXPORT_SOURCES} filePrefix="nyc-transit" />
          </div>
        </div>
      </main>
    </>
  );
}

function AlertsCard({ network }: { network: NetworkIndex | null }) {
  const alerts = useTopic<AlertView[]>("alerts")?.data ?? [];
  return (
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
  );
}

function OutagesCard({ network }: { network: NetworkIndex | null }) {
  const outages = useTopic<OutageView[]>("outages")?.data ?? [];
  return (
    <section className="card" aria-labelledby="outages-h">
      <div className="card-head">
        <h2 id="outages-h">Elevators and escalators</h2>
        <span className="muted small">{outages.length} out</span>
      </div>
      <OutagesList outages={outages} network={network} limit={8} />
    </section>
  );
}
