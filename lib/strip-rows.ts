/**
 * Where a line page's strip of stations draws each train: a train at a
 * station sits on its row; a moving one on the row of the station it is
 * nearer to. A train at or near a station the strip does not list (running
 * local on an express stretch, rerouted) sits on the row of the strip's
 * station nearest to it on the map, naming its own: the strip is the line's
 * main routing and its regular branches, and a train off them was otherwise
 * not drawn at all.
 */
import { distanceM } from "../transit/network/geometry";
import type { RouteView, StationView } from "./network";

export interface StripTrain {
  atStation: boolean;
  lastStationId: string | null;
  nextStationId: string | null;
  progress: number;
}

/** Stations from north to south: the southbound order, else the northbound one reversed. */
export function northToSouth(route: RouteView): string[] {
  if (route.stations.S.length > 0) return route.stations.S;
  return [...route.stations.N].reverse();
}

/** A part of the strip: the main routing's stations, then each branch's (with where it leaves and rejoins). */
export interface StripSection {
  branch: RouteView["branches"][number] | null;
  stations: string[];
}

export function stripSections(route: RouteView): StripSection[] {
  return [
    { branch: null, stations: northToSouth(route) },
    ...route.branches.map((b) => ({ branch: b, stations: b.stations })),
  ];
}

/** The station a train is drawn by. */
export function stationOf(t: StripTrain): string | null {
  if (t.atStation || !t.nextStationId) return t.lastStationId;
  if (!t.lastStationId) return t.nextStationId;
  return t.progress < 0.5 ? t.lastStationId : t.nextStationId;
}

export interface StripPlace {
  /** The strip's station whose row the train is drawn on. */
  row: string;
  /** The train's own station when the strip does not list it, else null. */
  offStrip: string | null;
}

export function placeOnStrip(
  t: StripTrain,
  strip: ReadonlySet<string>,
  stations: ReadonlyMap<string, Pick<StationView, "lat" | "lon">>,
): StripPlace | null {
  const own = stationOf(t);
  if (!own) return null;
  if (strip.has(own)) return { row: own, offStrip: null };
  const here = stations.get(own);
  if (!here) return null;
  let row: string | null = null;
  let best = Number.POSITIVE_INFINITY;
  for (const id of strip) {
    const s = stations.get(id);
    if (!s) continue;
    const d = distanceM(here.lat, here.lon, s.lat, s.lon);
    if (d < best) {
      best = d;
      row = id;
    }
  }
  return row === null ? null : { row, offStrip: own };
}
