"use client";
/**
 * The Leaflet map: lines from their shapes in their colours, stations, moving
 * trains, Citi Bike stations by availability, and flags on stations with
 * alerts or elevator outages. Loaded only in the browser (Leaflet needs a
 * window): see LazyMap. Layers are drawn imperatively on canvas renderers so
 * thousands of points stay fast; React only decides what is on.
 */
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useMemo, useRef } from "react";
import { MapContainer, TileLayer, useMap } from "react-leaflet";
import type { NetworkIndex } from "../../lib/network";
import { TrackGeometry } from "../../lib/train-motion";
import { BikesLayer } from "./BikesLayer";
import { FlagsLayer } from "./FlagsLayer";
import { LinesLayer, StationsLayer } from "./NetworkLayers";
import { TrainsLayer } from "./TrainsLayer";

export interface MapLayers {
  lines: boolean;
  stations: boolean;
  trains: boolean;
  bikes: boolean;
  flags: boolean;
}

export interface MapCounts {
  shapes: number;
  stations: number;
  trains: number;
  bikes: number;
  flags: number;
}

export interface TransitMapProps {
  network: NetworkIndex;
  /** Tile URL template; null draws the map on a plain background. */
  tileUrl: string | null;
  layers: MapLayers;
  /** Only these routes (kiosk); all when empty. */
  routes?: string[];
  interactive?: boolean;
  onStationClick?: (id: string) => void;
  onCounts?: (c: Partial<MapCounts>) => void;
  /** Train dot size factor (kiosk: bigger). */
  trainScale?: number;
  /** Centre on a point instead of fitting the network (station page). */
  focus?: { lat: number; lon: number; zoom: number };
}

const NYC_CENTER: [number, number] = [40.73, -73.94];

/**
 * Where most stations are: the 4th to 96th percentile of latitudes and
 * longitudes, padded, so a long tail (Staten Island, the Rockaways) does not
 * shrink the whole city into a corner. The tails stay a pan away.
 */
function coreBounds(stations: ReadonlyArray<{ lat: number; lon: number }>): L.LatLngBounds | null {
  if (stations.length < 2) return null;
  const q = (xs: number[], p: number) =>
    xs[Math.min(xs.length - 1, Math.max(0, Math.round(p * (xs.length - 1))))];
  const lats = stations.map((s) => s.lat).sort((a, b) => a - b);
  const lons = stations.map((s) => s.lon).sort((a, b) => a - b);
  const trim = stations.length >= 40 ? 0.04 : 0;
  const [s, n, w, e] = [q(lats, trim), q(lats, 1 - trim), q(lons, trim), q(lons, 1 - trim)];
  const padLat = Math.max(0.004, (n - s) * 0.06);
  const padLon = Math.max(0.004, (e - w) * 0.06);
  return L.latLngBounds([s - padLat, w - padLon], [n + padLat, e + padLon]);
}

/**
 * Fit the network (or the focus point) into view, again whenever the
 * container changes size (first layout, a phone turned), until the user moves
 * the map themselves.
 */
function FitNetwork({ network, routes, focus }: Pick<TransitMapProps, "network" | "routes" | "focus">) {
  const map = useMap();
  useEffect(() => {
    const wanted = routes && routes.length > 0 ? new Set(routes) : null;
    const shown = network.view.stations.filter((s) => !wanted || s.routes.some((r) => wanted.has(r)));
    const bounds = coreBounds(shown);
    let ours = false;
    let userMoved = false;
    const fitView = () => {
      ours = true;
      map.invalidateSize({ animate: false });
      if (focus) map.setView([focus.lat, focus.lon], focus.zoom, { animate: false });
      else if (bounds) map.fitBounds(bounds, { padding: [10, 10], animate: false });
      ours = false;
    };
    const onMoveStart = () => {
      if (!ours) userMoved = true;
    };
    map.on("movestart", onMoveStart);
    fitView();
    const observer = new ResizeObserver(() => {
      if (userMoved) map.invalidateSize();
      else fitView();
    });
    observer.observe(map.getContainer());
    return () => {
      observer.disconnect();
      map.off("movestart", onMoveStart);
    };
  }, [map, network, routes, focus]);
  return null;
}

export default function TransitMap(props: TransitMapProps) {
  const { network, tileUrl, layers, interactive = true } = props;
  // Stable identities: the layers rebuild when these change, not on every render.
  const routesKey = (props.routes ?? []).join(",");
  const routes = useMemo(() => (routesKey ? routesKey.split(",") : []), [routesKey]);
  const clickRef = useRef(props.onStationClick);
  clickRef.current = props.onStationClick;
  const hasClick = interactive && Boolean(props.onStationClick);
  const stationClick = useMemo(
    () => (hasClick ? (id: string) => clickRef.current?.(id) : undefined),
    [hasClick],
  );
  const geo = useMemo(
    () =>
      new TrackGeometry(network.routes, (id) => {
        const s = network.stationById.get(id);
        return s ? [s.lat, s.lon] : undefined;
      }),
    [network],
  );
  const onCounts = useRef(props.onCounts);
  onCounts.current = props.onCounts;
  const report = useMemo(() => (c: Partial<MapCounts>) => onCounts.current?.(c), []);
  const still = !interactive;
  return (
    <MapContainer
      center={NYC_CENTER}
      zoom={11}
      zoomSnap={0.25}
      minZoom={9}
      maxZoom={17}
      preferCanvas
      className={tileUrl ? "map-tiles-dark" : undefined}
      dragging={!still}
      zoomControl={!still}
      scrollWheelZoom={!still}
      doubleClickZoom={!still}
      touchZoom={!still}
      boxZoom={!still}
      keyboard={!still}
      attributionControl={Boolean(tileUrl)}
    >
      {tileUrl && (
        <TileLayer
          url={tileUrl}
          attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
        />
      )}
      <FitNetwork network={network} routes={routes} focus={props.focus} />
      {layers.lines && <LinesLayer network={network} routes={routes} onCounts={report} />}
      {layers.bikes && <BikesLayer network={network} onCounts={report} interactive={interactive} />}
      {layers.stations && (
        <StationsLayer network={network} routes={routes} onCounts={report} onStationClick={stationClick} />
      )}
      {layers.trains && (
        <TrainsLayer network={network} geo={geo} routes={routes} onCounts={report} scale={props.trainScale} />
      )}
      {layers.flags && (
        <FlagsLayer
          network={network}
          routes={routes}
          onCounts={report}
          onStationClick={stationClick}
          outages={interactive}
        />
      )}
    </MapContainer>
  );
}
