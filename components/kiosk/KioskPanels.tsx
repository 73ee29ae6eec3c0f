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
import { useNearbyDocks } from "../../lib/nearby-docks";
import type { NetworkIndex } from "../../lib/network";
import { safeHtml } from "../../lib/safe-html";
import type { AlertView, Arrival, BikeTotals, StationArrivals } from "../../transit/contract";
import { sortAlerts } from "../AlertsList";
import { BikeOutlook } from "../BikeOutlook";
import { LineBullet } from "../LineBullet";
import { BIKE_LOOK, bikeLook } from "../map/bike-style";
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

/** The docks by the kiosk's station: what a rider leaving the subway there wants to know. */
function DocksNear({
  network,
  station,
}: {
  network: NetworkIndex;
  station: { id: string; lat: number; lon: number; name: string };
}) {
  const { docks, waiting } = useNearbyDocks(station.lat, station.lon, network, 4);
  return (
    <section className="kiosk-docks" data-testid="kiosk-docks" data-count={docks.length}>
      <h3>Docks near {station.name}</h3>
      {docks.length === 0 ? (
        <p>{waiting ? "Waiting for Citi Bike data…" : "No Citi Bike dock nearby."}</p>
      ) : (
        <ol>
          {docks.map(({ live: b, info, distance }) => (
            <li key={b.id} className="kiosk-dock">
              <span className="kiosk-dock-name">
                {info.name}
                <span className="kiosk-dock-state" style={{ color: BIKE_LOOK[bikeLook(b)].color }}>
                  {BIKE_LOOK[bikeLook(b)].label}
                  <BikeOutlook dock={b} /> · {Math.round(distance)} m
                </span>
              </span>
              <span className="kiosk-dock-count">
                <b>{b.bikes}</b> bikes{b.ebikes > 0 ? ` (${b.ebikes} e)` : ""}
              </span>
              <span className="kiosk-dock-count">
                <b>{b.docks}</b> docks
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * City totals; on a station's kiosk the docks near it first, the totals in a row under them (a rider
 * leaving the subway there asks about those docks).
 */
export function BikesPanel({ network, station }: { network: NetworkIndex | null; station: string | null }) {
  const t = useTopic<BikeTotals | null>("bike-totals")?.data;
  const at = station ? network?.stationById.get(station) : undefined;
  const stats: Array<[string, string]> = t
    ? [
        [integer(t.bikes), "bikes available"],
        [integer(t.ebikes), "e-bikes"],
        [integer(t.docks), "free docks"],
        [integer(t.empty), "stations empty"],
        [integer(t.full), "stations full"],
        [percent(t.notSpotShare), "NotSpots (empty or full)"],
      ]
    : [];
  return (
    <div className="kiosk-panel">
      <h2>Citi Bike now</h2>
      {network && at && <DocksNear network={network} station={at} />}
      {t ? (
        <div className={at ? "kiosk-bikes compact" : "kiosk-bikes"}>
          {at && <h3>All of Citi Bike</h3>}
          {stats.map(([value, label]) => (
            <div key={label} className="kiosk-stat">
              <b>{value}</b>
              <span className="kiosk-stat-label">{label}</span>
            </div>
          ))}
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
