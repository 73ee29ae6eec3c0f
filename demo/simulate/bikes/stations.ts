/**
 * Citi Bike docks for the demo: about 1,800 stations scattered around the
 * subway stations of the area Citi Bike serves (Manhattan, north and central
 * Brooklyn, western Queens, the South Bronx), denser in the core. Each has
 * a residential score: +1 where people live (they ride out in the morning),
 * -1 in the job centres of Midtown and Downtown (they ride in).
 */
import { offsetM } from "../../geo";
import type { Borough, Network, Station } from "../../network/types";
import { intBetween, type Rng, stream, uniform, uuidFrom } from "../prng";

export interface BikeStation {
  id: string;
  legacyId: string;
  name: string;
  shortName: string;
  lat: number;
  lon: number;
  regionId?: string;
  capacity: number;
  /** +1 residential ... -1 commercial. */
  residential: number;
  /** Never reports (last_reported 86400, not installed). */
  silent: boolean;
  /** Installed and reporting, but not renting or taking bikes back. */
  outOfService: boolean;
}

export const REGIONS: readonly { id: string; name: string; borough: Borough }[] = [
  { id: "71", name: "Manhattan", borough: "M" },
  { id: "72", name: "Brooklyn", borough: "Bk" },
  { id: "73", name: "Queens", borough: "Q" },
  { id: "74", name: "Bronx", borough: "Bx" },
];

function served(s: Station): boolean {
  switch (s.borough) {
    case "M":
      return true;
    case "Bk":
      return s.lat > 40.625;
    case "Q":
      return s.lon < -73.86 && s.lat > 40.72;
    case "Bx":
      return s.lat < 40.86;
    default:
      return false;
  }
}

/** Midtown and Downtown Manhattan draw riders in the morning; upper Manhattan and the other boroughs send them. */
export function residentialScore(borough: Borough, lat: number): number {
  if (borough !== "M") return 1;
  if (lat < 40.775) return -1;
  if (lat < 40.8) return 0.3;
  return 1;
}

const COMPASS = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];

export function buildBikeStations(net: Network, seed: number, target = 1800): BikeStation[] {
  const rng: Rng = stream(seed, "bike-stations");
  // One anchor per complex: its first station.
  const anchors: Station[] = [];
  for (const c of net.complexes.values()) {
    const s = net.stations.get(c.stationIds[0])!;
    if (served(s)) anchors.push(s);
  }
  const weight = (s: Station) => (residentialScore(s.borough, s.lat) < 0 ? 2 : 1);
  const totalWeight = anchors.reduce((sum, s) => sum + weight(s), 0);
  const out: BikeStation[] = [];
  let carry = 0;
  for (const a of anchors) {
    // Spread the target over anchors by weight, carrying the rounding so the total lands on it.
    carry += (target * weight(a)) / totalWeight;
    const n = Math.floor(carry);
    carry -= n;
    const used = new Map<string, number>();
    for (let k = 0; k < n; k++) {
      const bearing = uniform(rng, 0, 2 * Math.PI);
      const [lat, lon] = offsetM(a.lat, a.lon, uniform(rng, 120, 550), bearing);
      const dir = COMPASS[Math.round(bearing / (Math.PI / 4)) % 8];
      const count = (used.get(dir) ?? 0) + 1;
      used.set(dir, count);
      const residential = residentialScore(a.borough, lat);
      const region = REGIONS.find((r) => r.borough === a.borough);
      out.push({
        id: uuidFrom(rng),
        legacyId: String(72 + out.length * 3 + intBetween(rng, 0, 2)),
        name: `${a.name} ${dir}${count > 1 ? ` ${count}` : ""}`,
        shortName: `${String(Math.round((lat - 40.45) * 10000)).padStart(4, "0")}.${String(k + 1).padStart(2, "0")}`,
        lat: Math.round(lat * 1e6) / 1e6,
        lon: Math.round(lon * 1e6) / 1e6,
        // A few stations carry no region, as in the real feed.
        regionId: rng() < 0.01 ? undefined : region?.id,
        capacity: residential < 0 ? intBetween(rng, 27, 59) : intBetween(rng, 19, 39),
        residential,
        silent: false,
        outOfService: false,
      });
    }
  }
  // A handful never report, a few more are out of service.
  for (const s of out) {
    const r = rng();
    if (r < 0.004) s.silent = true;
    else if (r < 0.012) s.outOfService = true;
  }
  return out;
}
