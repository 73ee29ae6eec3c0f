/** BikeTotals -> MetricTicks: system-wide rows (key {}) first, then each region (key { region }) by id. */
import type { BikeTotals, MetricName, MetricTick } from "../contract";

const SCALARS: ReadonlyArray<[MetricName, (b: BikeTotals) => number]> = [
  ["bikes.bikes_available", (b) => b.bikes],
  ["bikes.ebikes_available", (b) => b.ebikes],
  ["bikes.docks_available", (b) => b.docks],
  ["bikes.disabled_bikes", (b) => b.disabled],
  ["bikes.stations_installed", (b) => b.stationsInstalled],
  ["bikes.stations_renting", (b) => b.stationsRenting],
  ["bikes.empty_stations", (b) => b.empty],
  ["bikes.full_stations", (b) => b.full],
  ["bikes.notspot_minutes", (b) => b.notSpotMinutesToday],
  ["bikes.stale_stations", (b) => b.stale],
];

function rows(t: number, key: Record<string, string>, b: BikeTotals, out: MetricTick[]): void {
  for (const [metric, get] of SCALARS) out.push({ t, metric, key, value: get(b) });
  out.push({ t, metric: "bikes.notspots", key, value: { count: b.notSpots, share: b.notSpotShare } });
}

export function bikeMetrics(
  t: number,
  system: BikeTotals,
  regions: ReadonlyMap<string, BikeTotals>,
): MetricTick[] {
  const out: MetricTick[] = [];
  rows(t, {}, system, out);
  for (const [region, b] of regions) rows(t, { region }, b, out);
  return out;
}
