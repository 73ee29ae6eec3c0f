/**
 * The MTA's Stations.csv for the demo network (the columns the loaders read,
 * by the header names the MTA uses since 2024): station complexes, boroughs,
 * the routes that stop at midday, direction labels and step-free access.
 */
import type { Network, Pattern } from "./network/types";

const MIDDAY = 12;

function quote(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function stationsCsv(net: Network): string {
  const daytime = new Map<string, Set<string>>();
  const firstPattern = new Map<string, Pattern>();
  for (const line of net.lines) {
    for (const p of line.patterns) {
      const midday = p.hours.some(([from, to]) => MIDDAY >= from && MIDDAY < to);
      for (const s of p.stops) {
        if (!s.stops) continue;
        if (!firstPattern.has(s.stationId)) firstPattern.set(s.stationId, p);
        if (!midday) continue;
        if (!daytime.has(s.stationId)) daytime.set(s.stationId, new Set());
        daytime.get(s.stationId)!.add(p.routeId);
      }
    }
  }
  const header = [
    "GTFS Stop ID",
    "Station ID",
    "Complex ID",
    "Stop Name",
    "Borough",
    "Daytime Routes",
    "GTFS Latitude",
    "GTFS Longitude",
    "North Direction Label",
    "South Direction Label",
    "ADA",
    "ADA Northbound",
    "ADA Southbound",
  ];
  const rows = [header.join(",")];
  let stationNumber = 0;
  for (const s of net.stations.values()) {
    const p = firstPattern.get(s.id);
    const north = p ? net.stations.get(p.stops[0].stationId)!.name : "";
    const south = p ? net.stations.get(p.stops.at(-1)!.stationId)!.name : "";
    const ada = s.ada ? "1" : "0";
    rows.push(
      [
        s.id,
        String(++stationNumber),
        s.complexId,
        quote(s.name),
        s.borough,
        [...(daytime.get(s.id) ?? [])].join(" "),
        s.lat.toFixed(6),
        s.lon.toFixed(6),
        quote(north),
        quote(south),
        ada,
        ada,
        ada,
      ].join(","),
    );
  }
  return rows.join("\n") + "\n";
}
