"use client";
/**
 * The kiosk's panels, in large type: line status, the map, Citi Bike, alerts, a station's arrivals.
 * Memoized where they take props: the kiosk re-renders every second (its clock and freshness), the
 * panels only on their own data.
 */
import { memo } from "react";
import { arrivalCountdown, arrivalHeading, noArrivalsText } from "../../lib/arrival-text";
import { integer, percent } from "../../lib/format";
import { dataTimeAt, useClock, useNow, useTopic } from "../../lib/live/hooks";
import type { NetworkIndex } from "../../lib/network";
import { safeHtml } from "../../lib/safe-html";
import type { AlertView, Arrival, BikeTotals, StationArrivals } from "../../transit/contract";
import { sortAlerts } from "../AlertsList";
import { LineBullet } from "../LineBullet";
import { LazyMap } from "../map/LazyMap";
import { StatusBoard } from "../StatusBoard";

interface PanelProps {
  network: NetworkIndex | null;
  lines: string[];
}

export const StatusPanel = memo(function StatusPanel({ network, lines }: PanelProps) {
  return (
    <div className="kiosk-panel">
      <h2>Subway status</h2>
      <StatusBoard network={network} lines={lines} variant="kiosk" />
    </div>
  );
});

const MAP_LAYERS = { lines: true, stations: true, trains: true, bikes: false, flags: true };

export const MapPanel = memo(function MapPanel({
  network,
  lines,
  tileUrl,
}: PanelProps & { tileUrl: string | null }) {
  return (
    <div className="kiosk-panel">
      <h2>Trains now{lines.length > 0 ? `: ${lines.join(" ")}` : ""}</h2>
      <div className="kiosk-map">
        {network && (
          <LazyMap
            network={network}
            tileUrl={tileUrl}
            layers={MAP_LAYERS}
            routes={lines}
            interactive={false}
            trainScale={1.6}
          />
        )}
      </div>
    </div>
  );
});

export function BikesPanel() {
  const t = useTopic<BikeTotals | null>("bike-totals")?.data;
  return (
    <div className="kiosk-panel">
      <h2>Citi Bike now</h2>
      {t ? (
        <div className="kiosk-bikes">
          <div className="kiosk-stat">
            <b>{integer(t.bikes)}</b>
            <span className="kiosk-stat-label">bikes available</span>
          </div>
          <div className="kiosk-stat">
            <b>{integer(t.ebikes)}</b>
            <span className="kiosk-stat-label">e-bikes</span>
          </div>
          <div className="kiosk-stat">
            <b>{integer(t.docks)}</b>
            <span className="kiosk-stat-label">free docks</span>
          </div>
          <div className="kiosk-stat">
            <b>{integer(t.empty)}</b>
            <span className="kiosk-stat-label">stations empty</span>
          </div>
          <div className="kiosk-stat">
            <b>{integer(t.full)}</b>
            <span className="kiosk-stat-label">stations full</span>
          </div>
          <div className="kiosk-stat">
            <b>{percent(t.notSpotShare)}</b>
            <span className="kiosk-stat-label">NotSpots (empty or full)</span>
          </div>
        </div>
      ) : (
        <p>Waiting for Citi Bike data…</p>
      )}
    </div>
  );
}

export const AlertsPanel = memo(function AlertsPanel({ network, lines }: PanelProps) {
  const all = useTopic<AlertView[]>("alerts")?.data ?? [];
  const mine = sortAlerts(
    lines.length > 0 ? all.filter((a) => a.routes.some((r) => lines.includes(r))) : all,
  );
  const shown = mine.slice(0, 5);
  return (
    <div className="kiosk-panel">
      <h2>Service alerts{lines.length > 0 ? ` for ${lines.join(" ")}` : ""}</h2>
      {shown.length === 0 ? (
        <p>No active alerts.</p>
      ) : (
        <ul className="kiosk-alerts">
          {shown.map((a) => (
            <li key={a.id} className={a.planned ? "kiosk-alert planned" : "kiosk-alert"}>
              <div>
                {a.routes.slice(0, 6).map((r) => (
                  <LineBullet key={r} route={r} info={network?.routeById.get(r)} />
                ))}{" "}
                <b>{a.alertType ?? "Alert"}</b> · {a.planned ? "planned" : "unplanned"}
              </div>
              <div>{safeHtml(a.headerHtml, a.headerText)}</div>
            </li>
          ))}
          {mine.length > shown.length && <li>and {mine.length - shown.length} more</li>}
        </ul>
      )}
    </div>
  );
});

function ArrivalRows({
  list,
  network,
  now,
}: {
  list: Arrival[] | null;
  network: NetworkIndex | null;
  now: number | null;
}) {
  if (list === null || list.length === 0) return <p>{noArrivalsText(list)}</p>;
  return (
    <ol>
      {list.slice(0, 6).map((a) => (
        <li key={a.tripKey} className={a.terminates ? "kiosk-arrival terminates" : "kiosk-arrival"}>
          <LineBullet route={a.route} info={network?.routeById.get(a.route)} />
          <span>{arrivalHeading(a, (id) => network?.stationById.get(id)?.name)}</span>
          <span className="eta">{arrivalCountdown(a, now).text}</span>
        </li>
      ))}
    </ol>
  );
}

export function ArrivalsPanel({ network, station }: { network: NetworkIndex | null; station: string }) {
  const topic = useTopic<StationArrivals | null>(`arrivals:${station}`);
  const a = topic?.data;
  const now = dataTimeAt(topic, useClock(), useNow(1000));
  const name = network?.stationById.get(station)?.name ?? station;
  return (
    <div className="kiosk-panel">
      <h2>Next trains at {name}</h2>
      <div className="kiosk-arrivals">
        <section aria-label="Northbound">
          <h2>Northbound</h2>
          <ArrivalRows list={a?.north ?? null} network={network} now={now} />
        </section>
        <section aria-label="Southbound">
          <h2>Southbound</h2>
          <ArrivalRows list={a?.south ?? null} network={network} now={now} />
        </section>
      </div>
    </div>
  );
}
