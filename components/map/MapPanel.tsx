"use client";
/** The dashboard's map card: layer toggles, the map, what it shows (counts) and a legend. */
import { useRouter } from "next/navigation";
import { memo, useCallback, useState } from "react";
import { integer } from "../../lib/format";
import type { NetworkIndex } from "../../lib/network";
import { BIKE_LOOK, type BikeLook } from "./bike-style";
import { LazyMap } from "./LazyMap";
import type { MapCounts, MapLayers } from "./TransitMap";

const LAYER_NAMES: Array<[keyof MapLayers, string]> = [
  ["lines", "Lines"],
  ["stations", "Stations"],
  ["trains", "Trains"],
  ["bikes", "Citi Bike"],
  ["flags", "Alerts & elevators"],
];

/** Memoized: it re-renders for its own state (layers, counts), not with the page around it. */
export const MapPanel = memo(function MapPanel({
  network,
  tileUrl,
}: {
  network: NetworkIndex | null;
  tileUrl: string | null;
}) {
  const router = useRouter();
  const [layers, setLayers] = useState<MapLayers>({
    lines: true,
    stations: true,
    trains: true,
    bikes: true,
    flags: true,
  });
  const [counts, setCounts] = useState<MapCounts>({ shapes: 0, stations: 0, trains: 0, bikes: 0, flags: 0 });
  // Layers report on every update (trains: several a second); only a changed count re-renders.
  const onCounts = useCallback(
    (c: Partial<MapCounts>) =>
      setCounts((prev) =>
        (Object.keys(c) as Array<keyof MapCounts>).every((k) => prev[k] === c[k]) ? prev : { ...prev, ...c },
      ),
    [],
  );
  const onStationClick = useCallback(
    (id: string) => router.push(`/station/${encodeURIComponent(id)}`),
    [router],
  );
  return (
    <section className="card map-card" aria-labelledby="map-title">
      <div className="map-toolbar">
        <h2 id="map-title" className="sr-only">
          Map
        </h2>
        <fieldset>
          <legend>Layers</legend>
          {LAYER_NAMES.map(([k, label]) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={layers[k]}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setLayers((l) => ({ ...l, [k]: on }));
                }}
                data-testid={`layer-${k}`}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <span
          className="map-counts"
          data-testid="map-counts"
          data-trains={counts.trains}
          data-stations={counts.stations}
          data-bikes={counts.bikes}
          data-shapes={counts.shapes}
          data-flags={counts.flags}
          aria-live="off"
        >
          {integer(counts.trains)} trains · {integer(counts.stations)} stations · {integer(counts.bikes)} bike
          docks
        </span>
      </div>
      <section
        className="map-frame"
        data-testid="map"
        aria-label="Map of the subway lines, trains, stations and Citi Bike docks"
      >
        {network ? (
          <LazyMap
            network={network}
            tileUrl={tileUrl}
            layers={layers}
            onCounts={onCounts}
            onStationClick={onStationClick}
          />
        ) : (
          <div className="map-placeholder">Waiting for the network…</div>
        )}
      </section>
      <section className="map-legend" aria-label="Legend">
        <span>
          Trains: dot with the line's letter; <b>■</b> held (stalled); ring: 5+ min late
        </span>
        {(Object.keys(BIKE_LOOK) as BikeLook[]).map((k) => (
          <span key={k}>
            <span
              className="legend-dot"
              style={{
                background: k === "empty" ? "transparent" : BIKE_LOOK[k].color,
                border: `2px solid ${BIKE_LOOK[k].color}`,
              }}
            />
            {BIKE_LOOK[k].label}
          </span>
        ))}
        <span>
          <span
            className="station-flag"
            style={{ display: "inline-grid", width: 14, height: 14, fontSize: 10 }}
          >
            !
          </span>{" "}
          alert
        </span>
        <span>
          <span
            className="station-flag outage"
            style={{ display: "inline-grid", width: 14, height: 14, fontSize: 10 }}
          >
            {"\u267F"}
          </span>{" "}
          elevator out
        </span>
      </section>
    </section>
  );
});
