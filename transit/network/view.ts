/** TransitNetwork -> contract NetworkView: what the browser needs to draw the lines and stations. */
import type { NetworkView } from "../contract";
import { lineBranches } from "./branches";
import type { TransitNetwork } from "./network";
import type { Polyline } from "./types";

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function toLatLon(p: Polyline): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < p.length; i += 2) out.push([round5(p[i]), round5(p[i + 1])]);
  return out;
}

function routeShapes(net: TransitNetwork, route: string): Array<Array<[number, number]>> {
  // A routing and its reverse draw the same line once: the one with more detail (a real shape).
  const byRouting = new Map<string, Polyline>();
  for (const dir of ["N", "S"] as const) {
    for (const p of net.patterns(route, dir)) {
      const fwd = p.stations.join(",");
      const back = [...p.stations].reverse().join(",");
      const [canonical] = [fwd, back].sort(); // strings: the one that sorts first
      const line = net.polylines.get(p.id);
      if (!line || line.length < 4) continue;
      const had = byRouting.get(canonical);
      if (!had || had.length < line.length) byRouting.set(canonical, line);
    }
  }
  return [...byRouting.values()].map(toLatLon);
}

export function networkView(net: TransitNetwork): NetworkView {
  return {
    routes: net.routeIds().map((id) => {
      const r = net.routes.get(id)!;
      return {
        id,
        shortName: r.shortName,
        longName: r.longName,
        color: r.color,
        textColor: r.textColor,
        shapes: routeShapes(net, id),
        stations: {
          N: [...(net.mainPattern(id, "N")?.stations ?? [])],
          S: [...(net.mainPattern(id, "S")?.stations ?? [])],
        },
        branches: lineBranches(net, id),
      };
    }),
    stations: [...net.stations.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((s) => ({ id: s.id, name: s.name, lat: s.lat, lon: s.lon, routes: [...s.routes], ada: s.ada })),
    bikeStations: [],
  };
}
