"use client";
/** `/station/[id]`: arrivals by direction, alerts, elevators and escalators, bikes nearby. */
import { dataTimeAt, useClock, useNow, useTopic } from "../../lib/live/hooks";
import { useNetwork } from "../../lib/network";
import type { AlertView, OutageView, StationArrivals } from "../../transit/contract";
import { AlertsList } from "../AlertsList";
import { LineBullet } from "../LineBullet";
import { OutagesList } from "../OutagesList";
import { SiteHeader } from "../SiteHeader";
import { ArrivalsList } from "./ArrivalsBoard";
import { NearbyBikes } from "./NearbyBikes";

export function StationPage({ stationId }: { stationId: string }) {
  const { network } = useNetwork();
  const station = network?.stationById.get(stationId);
  const valid = /^[A-Za-z0-9]{1,8}$/.test(stationId);
  const arrivalsTopic = useTopic<StationArrivals | null>(valid ? `arrivals:${stationId}` : null);
  const arrivals = arrivalsTopic?.data ?? null;
  const alerts = useTopic<AlertView[]>("alerts")?.data ?? [];
  const outages = (useTopic<OutageView[]>("outages")?.data ?? []).filter((o) =>
    o.stationIds.includes(stationId),
  );
  const clock = useClock();
  const wall = useNow(1000);
  const now = dataTimeAt(arrivalsTopic, clock, wall);
  const routes = station?.routes ?? [];
  const here = alerts.filter((a) => a.stationIds.includes(stationId));
  const onLines = alerts.filter(
    (a) => !a.stationIds.includes(stationId) && a.routes.some((r) => routes.includes(r)),
  );
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        <div className="line-title">
          <h1 style={{ margin: 0 }}>{station?.name ?? `Station ${stationId}`}</h1>
          <span className="btn-row">
            {routes.map((r) => (
              <LineBullet key={r} route={r} info={network?.routeById.get(r)} />
            ))}
          </span>
          {station?.ada === 1 && <span className="tag">step-free access</span>}
          {station?.ada === 2 && <span className="tag">step-free one direction</span>}
        </div>
        {network && !station && (
          <p className="error-text">There is no station {stationId} in this network.</p>
        )}
        <div className="two-col">
          <ArrivalsList title="Northbound" arrivals={arrivals?.north ?? null} network={network} now={now} />
          <ArrivalsList title="Southbound" arrivals={arrivals?.south ?? null} network={network} now={now} />
        </div>
        <div className="two-col">
          <section className="card" aria-labelledby="st-alerts-h">
            <h2 id="st-alerts-h">Alerts</h2>
            <AlertsList alerts={here} network={network} emptyText="No alert at this station." />
            {onLines.length > 0 && (
              <>
                <h2 style={{ marginTop: 12 }}>On its lines</h2>
                <AlertsList alerts={onLines} network={network} compact />
              </>
            )}
          </section>
          <div className="side-stack">
            <section className="card" aria-labelledby="st-elev-h">
              <h2 id="st-elev-h">Elevators and escalators</h2>
              <OutagesList outages={outages} network={network} />
            </section>
            {station && <NearbyBikes lat={station.lat} lon={station.lon} network={network} />}
          </div>
        </div>
      </main>
    </>
  );
}
