"use client";
/**
 * Flags on stations with active alerts ("!") or elevator / escalator outages
 * (the accessibility sign: a letter would read as a line's bullet).
 */
import L from "leaflet";
import { useEffect } from "react";
import { useMap } from "react-leaflet";
import { useTopic } from "../../lib/live/hooks";
import type { NetworkIndex } from "../../lib/network";
import type { AlertView, OutageView } from "../../transit/contract";
import { escapeHtml } from "./NetworkLayers";
import type { MapCounts } from "./TransitMap";

interface Props {
  /** Outage flags too (the kiosk map shows alerts only). */
  outages?: boolean;
  network: NetworkIndex;
  routes: string[];
  onCounts: (c: Partial<MapCounts>) => void;
  onStationClick?: (id: string) => void;
}

export function FlagsLayer({
  network,
  routes,
  onCounts,
  onStationClick,
  outages: withOutages = true,
}: Props) {
  const map = useMap();
  const alerts = useTopic<AlertView[]>("alerts")?.data;
  const outages = useTopic<OutageView[]>(withOutages ? "outages" : null)?.data;
  useEffect(() => {
    const group = L.layerGroup();
    const alertCount = new Map<string, number>();
    for (const a of alerts ?? [])
      for (const id of a.stationIds) alertCount.set(id, (alertCount.get(id) ?? 0) + 1);
    const outageCount = new Map<string, number>();
    for (const o of outages ?? [])
      for (const id of o.stationIds) outageCount.set(id, (outageCount.get(id) ?? 0) + 1);
    const add = (id: string, n: number, kind: "alert" | "outage") => {
      const s = network.stationById.get(id);
      if (!s) return;
      if (routes.length > 0 && !s.routes.some((r) => routes.includes(r))) return;
      const what =
        kind === "alert"
          ? `${n} alert${n > 1 ? "s" : ""}`
          : `${n} elevator/escalator outage${n > 1 ? "s" : ""}`;
      const title = `${s.name}: ${what}`;
      const icon = L.divIcon({
        className: "",
        html: `<span class="station-flag${kind === "outage" ? " outage" : ""}" aria-hidden="true">${kind === "alert" ? "!" : "\u267F"}</span>`,
        iconSize: [18, 18],
        iconAnchor: kind === "alert" ? [-2, 20] : [20, 20],
      });
      const m = L.marker([s.lat, s.lon], {
        icon,
        title,
        alt: title,
        keyboard: Boolean(onStationClick),
        interactive: Boolean(onStationClick),
        riseOnHover: true,
      });
      if (onStationClick) {
        m.bindTooltip(escapeHtml(title), { direction: "top" });
        m.on("click keypress", () => onStationClick(id));
      }
      m.addTo(group);
    };
    for (const [id, n] of alertCount) add(id, n, "alert");
    for (const [id, n] of outageCount) add(id, n, "outage");
    group.addTo(map);
    onCounts({ flags: group.getLayers().length });
    return () => {
      group.remove();
    };
  }, [map, network, routes, alerts, outages, onCounts, onStationClick]);
  return null;
}
