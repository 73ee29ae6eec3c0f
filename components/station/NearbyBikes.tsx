"use client";
/** Citi Bike docks within a few hundred metres of a station (the server filters: bikes:near). */
import { useTopic } from "../../lib/live/hooks";
import type { NetworkIndex } from "../../lib/network";
import type { BikeStationLive } from "../../server/protocol";
import { BIKE_LOOK, bikeLook } from "../map/bike-style";

const RADIUS_M = 600;

function metres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const k = Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180)) * 111_320;
  return Math.hypot((lon2 - lon1) * k, (lat2 - lat1) * 111_320);
}

export function NearbyBikes({
  lat,
  lon,
  network,
}: {
  lat: number;
  lon: number;
  network: NetworkIndex | null;
}) {
  const topic = `bikes:near:${lat.toFixed(5)},${lon.toFixed(5)},${RADIUS_M}`;
  const state = useTopic<BikeStationLive[]>(topic);
  const live = state?.data ?? [];
  // No bike data behind the topic yet (its engine time is 0: a catch-up holds the messages), or docks the
  // network does not list yet: that is not "none near".
  const waiting = !state || state.t <= 0 || !network || network.bikeById.size === 0;
  const rows = live
    .map((b) => {
      const info = network?.bikeById.get(b.id);
      return info ? { b, info, d: metres(lat, lon, info.lat, info.lon) } : null;
    })
    .filter((x) => x !== null)
    .sort((a, b) => a.d - b.d)
    .slice(0, 8);
  return (
    <section
      className="card"
      aria-labelledby="bikes-near-h"
      data-testid="bikes-near"
      data-count={live.length}
    >
      <h2 id="bikes-near-h">Citi Bike within {RADIUS_M} m</h2>
      {rows.length === 0 ? (
        <p className="muted" data-testid="bikes-near-empty">
          {waiting ? "Waiting for Citi Bike data…" : "No Citi Bike dock nearby."}
        </p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Dock</th>
              <th scope="col">Bikes</th>
              <th scope="col">Docks</th>
              <th scope="col">Walk</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ b, info, d }) => (
              <tr key={b.id}>
                <td>
                  {info.name}
                  <div className="small" style={{ color: BIKE_LOOK[bikeLook(b)].color }}>
                    {BIKE_LOOK[bikeLook(b)].label}
                  </div>
                </td>
                <td>
                  {b.bikes} <span className="muted small">({b.ebikes} e)</span>
                </td>
                <td>{b.docks}</td>
                <td>{Math.round(d)} m</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
