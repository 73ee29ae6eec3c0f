"use client";
/** The static network on the map: line shapes in their colours, and the stations. */
import L from "leaflet";
import { useEffect } from "react";
import { useMap } from "react-leaflet";
import { cssColor } from "../../lib/colors";
import type { NetworkIndex } from "../../lib/network";
import { stillCanvas } from "./panes";
import type { MapCounts } from "./TransitMap";

interface Props {
  network: NetworkIndex;
  routes: string[];
  onCounts: (c: Partial<MapCounts>) => void;
}

export function LinesLayer({ network, routes, onCounts }: Props) {
  const map = useMap();
  useEffect(() => {
    const onCanvas = stillCanvas(map, "lines");
    const group = L.layerGroup();
    let n = 0;
    for (const r of network.routes) {
      if (routes.length > 0 && !routes.includes(r.id)) continue;
      for (const shape of r.shapes) {
        if (shape.length < 2) continue;
        L.polyline(shape, {
          ...onCanvas,
          color: cssColor(r.color),
          weight: 3.5,
          opacity: 0.9,
          interactive: false,
        }).addTo(group);
        n++;
      }
    }
    group.addTo(map);
    onCounts({ shapes: n });
    return () => {
      group.remove();
      onCounts({ shapes: 0 });
    };
  }, [map, network, routes, onCounts]);
  return null;
}

export function StationsLayer({
  network,
  routes,
  onCounts,
  onStationClick,
}: Props & { onStationClick?: (id: string) => void }) {
  const map = useMap();
  useEffect(() => {
    const onCanvas = stillCanvas(map, "stations");
    const group = L.layerGroup();
    let n = 0;
    for (const s of network.view.stations) {
      if (routes.length > 0 && !s.routes.some((r) => routes.includes(r))) continue;
      const m = L.circleMarker([s.lat, s.lon], {
        ...onCanvas,
        radius: 3.2,
        color: "#0f1419",
        weight: 1.2,
        fillColor: "#ffffff",
        fillOpacity: 1,
        interactive: Boolean(onStationClick),
      });
      if (onStationClick) {
        m.bindTooltip(() => `<b>${escapeHtml(s.name)}</b><br>${s.routes.join(" ")}`, { direction: "top" });
        m.on("click", () => onStationClick(s.id));
      }
      m.addTo(group);
      n++;
    }
    group.addTo(map);
    onCounts({ stations: n });
    const resize = () => {
      const r = map.getZoom() >= 13 ? 5 : map.getZoom() >= 12 ? 4 : 3.2;
      group.eachLayer((l) => (l as L.CircleMarker).setRadius(r));
    };
    map.on("zoomend", resize);
    resize();
    return () => {
      map.off("zoomend", resize);
      group.remove();
      onCounts({ stations: 0 });
    };
  }, [map, network, routes, onCounts, onStationClick]);
  return null;
}

export const escapeHtml = (t: string) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
