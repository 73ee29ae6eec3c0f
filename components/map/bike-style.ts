/**
 * Citi Bike stations by availability. The state comes from the server
 * (empty, full, stale, not renting); "few bikes" is only a colour step for
 * stations the server calls ok. Empty stations are hollow rings and full ones
 * have a thick edge, so the shape tells it too, not only the colour.
 */
import { bikeOutlook } from "../../lib/bike-outlook";
import type { BikeStationLive } from "../../server/protocol";

export type BikeLook = "empty" | "low" | "ok" | "full" | "off";

export const BIKE_LOOK: Record<BikeLook, { color: string; label: string }> = {
  empty: { color: "#ef5a45", label: "No bikes" },
  low: { color: "#f0b429", label: "1–2 bikes" },
  ok: { color: "#3fb36b", label: "Bikes and docks" },
  full: { color: "#5aa9e6", label: "No docks" },
  off: { color: "#6b7785", label: "Not renting / stale" },
};

export function bikeLook(s: BikeStationLive): BikeLook {
  switch (s.state) {
    case "empty":
      return "empty";
    case "full":
      return "full";
    case "stale":
    case "not_renting":
      return "off";
    default:
      return s.bikes + s.ebikes <= 2 ? "low" : "ok";
  }
}

export function bikePathStyle(look: BikeLook) {
  const { color } = BIKE_LOOK[look];
  return {
    color,
    fillColor: color,
    fillOpacity: look === "empty" ? 0.05 : look === "off" ? 0.35 : 0.85,
    weight: look === "full" ? 2.5 : look === "empty" ? 1.6 : 0.8,
    opacity: 0.95,
  };
}

export function bikeTooltip(name: string, s: BikeStationLive): string {
  const esc = (t: string) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const flow =
    s.netFlowPerHour === null
      ? ""
      : `<br>${s.netFlowPerHour >= 0 ? "filling" : "draining"} ${Math.abs(s.netFlowPerHour).toFixed(1)} bikes/h`;
  const outlook = bikeOutlook(s);
  return `<b>${esc(name)}</b><br>${s.bikes} bikes (${s.ebikes} e-bikes) · ${s.docks} docks<br>${esc(
    BIKE_LOOK[bikeLook(s)].label,
  )}${outlook ? ` · ${outlook.text}` : ""}${flow}`;
}
