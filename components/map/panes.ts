/** Map panes, bottom to top, each with its own canvas renderer. */
import L from "leaflet";

export const PANES = { lines: 410, bikes: 420, stations: 430, trains: 440 } as const;
export type PaneName = keyof typeof PANES;

const renderers = new WeakMap<L.Map, Map<string, L.Canvas>>();

export function ensurePane(map: L.Map, name: PaneName): string {
  if (!map.getPane(name)) {
    const pane = map.createPane(name);
    pane.style.zIndex = String(PANES[name]);
  }
  return name;
}

export function canvasFor(map: L.Map, name: PaneName): L.Canvas {
  let byPane = renderers.get(map);
  if (!byPane) renderers.set(map, (byPane = new Map()));
  let r = byPane.get(name);
  if (!r) byPane.set(name, (r = L.canvas({ pane: ensurePane(map, name), padding: 0.25, tolerance: 3 })));
  return r;
}
