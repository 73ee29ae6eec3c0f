"use client";
/** Live trains on the map (canvas, animated): see train-layer.ts. */
import type L from "leaflet";
import { useEffect, useRef } from "react";
import { useMap } from "react-leaflet";
import { cssColor } from "../../lib/colors";
import { dataTimeAt, useClock, useTopic } from "../../lib/live/hooks";
import type { NetworkIndex } from "../../lib/network";
import type { TrackGeometry } from "../../lib/train-motion";
import type { TrainView } from "../../transit/contract";
import { ensurePane } from "./panes";
import type { MapCounts } from "./TransitMap";
import { TrainCanvasLayer } from "./train-layer";

declare global {
  interface Window {
    /** What the map drew, for end-to-end tests and the frame-rate benchmark. */
    __transitMap?: {
      trains: () => Array<{ tripKey: string; route: string; lat: number; lon: number }>;
      framesDrawn: () => number;
      view: () => { zoom: number; center: [number, number]; size: [number, number] };
    };
  }
}

interface Props {
  network: NetworkIndex;
  geo: TrackGeometry;
  routes: string[];
  onCounts: (c: Partial<MapCounts>) => void;
  scale?: number;
}

const pick = (trains: TrainView[], routes: string[]) =>
  routes.length > 0 ? trains.filter((t) => routes.includes(t.route)) : trains;

export function TrainsLayer({ network, geo, routes, onCounts, scale = 1 }: Props) {
  const map = useMap();
  const topic = useTopic<TrainView[]>("trains");
  const clock = useClock();
  const clockRef = useRef(clock);
  clockRef.current = clock;
  const topicRef = useRef(topic);
  topicRef.current = topic;
  const routesRef = useRef(routes);
  routesRef.current = routes;
  const layer = useRef<TrainCanvasLayer | null>(null);

  useEffect(() => {
    const colors = (route: string) => {
      const r = network.routeById.get(route);
      return r ? { bg: cssColor(r.color), fg: cssColor(r.textColor) } : { bg: "#808183", fg: "#ffffff" };
    };
    const l = new TrainCanvasLayer(
      geo,
      colors,
      () => dataTimeAt(topicRef.current, clockRef.current, Date.now()),
      ensurePane(map, "trains"),
      scale,
    );
    l.addTo(map);
    layer.current = l;
    const now = topicRef.current;
    if (now) l.setTrains(pick(now.data, routesRef.current), now.t);
    window.__transitMap = {
      trains: () => l.positions(),
      framesDrawn: () => l.framesDrawn,
      view: () => {
        const c = map.getCenter();
        const s = map.getSize();
        return { zoom: map.getZoom(), center: [c.lat, c.lng], size: [s.x, s.y] };
      },
    };
    const onClick = (e: L.LeafletMouseEvent) => {
      const t = l.trainAt(e.containerPoint);
      if (!t) return;
      const next = t.nextStationId ? network.stationById.get(t.nextStationId)?.name : null;
      const last = t.lastStationId ? network.stationById.get(t.lastStationId)?.name : null;
      const where = t.atStation ? `at ${last ?? "a station"}` : next ? `next: ${next}` : "";
      const state = t.stalled
        ? "held (stalled)"
        : t.delaySec >= 60
          ? `${Math.round(t.delaySec / 60)} min late`
          : "on time";
      map.openPopup(
        `<b>${t.route} train</b> ${t.direction === "N" ? "northbound" : "southbound"}<br>${where}<br>${state}`,
        e.latlng,
      );
    };
    map.on("click", onClick);
    return () => {
      map.off("click", onClick);
      l.remove();
      layer.current = null;
      delete window.__transitMap;
      onCounts({ trains: 0 });
    };
  }, [map, geo, network, onCounts, scale]);

  useEffect(() => {
    if (!layer.current || !topic) return;
    const trains = pick(topic.data, routes);
    layer.current.setTrains(trains, topic.t);
    onCounts({ trains: trains.length });
  }, [topic, routes, onCounts]);
  return null;
}
