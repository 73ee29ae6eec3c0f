"use client";
/** Citi Bike docks within a few hundred metres of a station, and what each is about to do. */
import { NEAR_RADIUS_M, useNearbyDocks } from "../../lib/nearby-docks";
import type { NetworkIndex } from "../../lib/network";
import { BikeOutlook } from "../BikeOutlook";
import { BIKE_LOOK, bikeLook } from "../map/bike-style";

export function NearbyBikes({
  lat,
  lon,
  network,
}: {
  lat: number;
  lon: number;
  network: NetworkIndex | null;
}) {
  const { docks, listed, waiting } = useNearbyDocks(lat, lon, network, 8);
  return (
    <section className="card" aria-labelledby="bikes-near-h" data-testid="bikes-near" data-count={listed}>
      <h2 id="bikes-near-h">Citi Bike within {NEAR_RADIUS_M} m</h2>
      {docks.length === 0 ? (
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
            {docks.map(({ live: b, info, distance }) => (
              <tr key={b.id}>
                <td>
                  {info.name}
                  <div className="small" style={{ color: BIKE_LOOK[bikeLook(b)].color }}>
                    {BIKE_LOOK[bikeLook(b)].label}
                    <BikeOutlook dock={b} />
                  </div>
                </td>
                <td>
                  {b.bikes} <span className="muted small">({b.ebikes} e)</span>
                </td>
                <td>{b.docks}</td>
                <td>{Math.round(distance)} m</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
