/**
 * Where the map's layers draw. The still ones (lines, bike stations,
 * stations) share one canvas renderer, bottom to top in PANES order; the
 * trains have their own pane above it, redrawn every frame.
 */
import type L from "leaflet";
import { StillCanvas } from "./still-canvas";

export const PANES = { lines: 410, bikes: 420, stations: 430, trains: 440 } as const;
export type PaneName = keyof typeof PANES;
export type StillPane = Exclude<PaneName, "trains">;

const renderers = new WeakMap<L.Map, StillCanvas>();

export function ensurePane(map: L.Map, name: PaneName): string {
  if (!map.getPane(name)) {
    const pane = map.createPane(name);
    pane.style.zIndex = String(PANES[name]);
  }
  return name;
}

/**
 * Path options that draw a still layer's paths on the map's shared canvas,
 * stacked by PANES: lines under bike stations under stations.
 */
export function stillCanvas(map: L.Map, name: StillPane): { renderer: L.Canvas; pane: StillPane } {
  let r = renderers.get(map);
  if (!r) {
    r = new StillCanvas({ pane: ensurePane(map, "lines"), padding: 0.25, tolerance: 3 }, (layer) => {
      const pane = layer.options.pane as PaneName | undefined;
      return pane && pane in PANES ? PANES[pane] : 0;
    });
    renderers.set(map, r);
  }
  return { renderer: r, pane: name };
}
