"use client";
/**
 * Citi Bike stations (2,000+): circle markers on the still canvas (panes.ts), restyled
 * only when their look changes. Positions and names come from the static
 * network (/api/network), the live counts from the `bikes` topic.
 */
import L from "leaflet";
import { useEffect, useRef } from "react";
import { useMap } from "react-leaflet";
import { useTopic } from "../../lib/live/hooks";
import type { BikeStationStatic, NetworkIndex } from "../../lib/network";
import type { BikeStationLive } from "../../server/protocol";
import { bikeLook, bikePathStyle, bikeTooltip } from "./bike-style";
import { stillCanvas } from "./panes";
import type { MapCounts } from "./TransitMap";

const bikeRadius = (zoom: number) =>
  zoom >= 14 ? 5 : zoom >= 13 ? 4 : zoom >= 12 ? 3 : zoom >= 11 ? 2.2 : 1.6;

interface Entry {
  marker: L.CircleMarker;
  live: BikeStationLive;
  info: BikeStationStatic;
  look: string;
}

interface Props {
  network: NetworkIndex;
  onCounts: (c: Partial<MapCounts>) => void;
  interactive: boolean;
}

export function BikesLayer({ network, onCounts, interactive }: Props) {
  const map = useMap();
  const topic = useTopic<BikeStationLive[]>("bikes");
  const group = useRef<L.LayerGroup | null>(null);
  const entries = useRef(new Map<string, Entry>());

  useEffect(() => {
    const g = L.layerGroup().addTo(map);
    group.current = g;
    const all = entries.current;
    // Small dots when the whole city is in view, bigger ones closer in.
    const resize = () => {
      const r = bikeRadius(map.getZoom());
      for (const e of all.values()) e.marker.setRadius(r);
    };
    map.on("zoomend", resize);
    return () => {
      map.off("zoomend", resize);
      g.remove();
      all.clear();
      group.current = null;
      onCounts({ bikes: 0 });
    };
  }, [map, onCounts]);

  useEffect(() => {
    const g = group.current;
    if (!g || !topic) return;
    const onCanvas = stillCanvas(map, "bikes");
    const seen = new Set<string>();
    for (const live of topic.data) {
      const info = network.bikeById.get(live.id);
      if (!info) continue; // not in the network yet: it will be after the next /api/network
      seen.add(live.id);
      const look = bikeLook(live);
      const cur = entries.current.get(live.id);
      if (!cur) {
        const marker = L.circleMarker([info.lat, info.lon], {
          ...onCanvas,
          radius: bikeRadius(map.getZoom()),
          interactive,
          ...bikePathStyle(look),
        });
        const entry: Entry = { marker, live, info, look };
        if (interactive)
          marker.bindTooltip(() => bikeTooltip(entry.info.name, entry.live), { direction: "top" });
        marker.addTo(g);
        entries.current.set(live.id, entry);
      } else {
        cur.live = live;
        if (cur.info !== info) {
          cur.info = info;
          cur.marker.setLatLng([info.lat, info.lon]);
        }
        if (cur.look !== look) {
          cur.look = look;
          cur.marker.setStyle(bikePathStyle(look));
        }
      }
    }
    for (const [id, e] of entries.current)
      if (!seen.has(id)) {
        e.marker.remove();
        entries.current.delete(id);
      }
    onCounts({ bikes: entries.current.size });
  }, [map, topic, network, interactive, onCounts]);
  return null;
}
