/**
 * The service day's trips read once from the static GTFS: each as a
 * direction, a list of parent stations and a time per station (seconds
 * after the day's origin). Everything else in the network is computed from
 * these, so stop_times.txt (~1.5 M rows) is walked a single time.
 */
import type { StaticGtfs, StopTime, Trip } from "../../adapters/gtfs-static";
import type { Direction } from "./types";

export interface DayTrip {
  trip: Trip;
  route: string;
  direction: Direction;
  stations: string[];
  /** Seconds after the origin, one per station: departure at the first, arrival elsewhere. */
  secs: number[];
}

/** "101N" -> N when the platform id carries it; else GTFS direction_id (the MTA numbers north 0). */
function directionOf(trip: Trip, stopTimes: StopTime[]): Direction {
  const last = stopTimes[0]?.stopId.slice(-1);
  if (last === "N" || last === "S") return last;
  return trip.directionId === 1 ? "S" : "N";
}

function parentOf(gtfs: StaticGtfs, stopId: string): string {
  const stop = gtfs.stops.get(stopId);
  if (stop?.parentStation) return stop.parentStation;
  if (stop) return stop.id;
  const last = stopId.slice(-1);
  return last === "N" || last === "S" ? stopId.slice(0, -1) : stopId;
}

/**
 * Times of a trip's stops; stops without times (non-timepoints) are
 * interpolated between their neighbours; null when fewer than two stops have a time.
 */
function timesOf(stopTimes: StopTime[]): number[] | null {
  const raw = stopTimes.map((st, i) =>
    i === 0 ? (st.departure ?? st.arrival) : (st.arrival ?? st.departure),
  );
  const known = raw.flatMap((t, i) => (t === undefined ? [] : [i]));
  if (known.length < 2) return null;
  const out = new Array<number>(raw.length);
  for (let k = 0; k < known.length; k++) out[known[k]] = raw[known[k]]!;
  for (let k = 0; k + 1 < known.length; k++) {
    const a = known[k];
    const b = known[k + 1];
    for (let i = a + 1; i < b; i++) out[i] = out[a] + ((out[b] - out[a]) * (i - a)) / (b - a);
  }
  for (let i = 0; i < known[0]; i++) out[i] = out[known[0]];
  for (let i = known[known.length - 1] + 1; i < raw.length; i++) out[i] = out[known[known.length - 1]];
  return out;
}

export function readDayTrips(gtfs: StaticGtfs, serviceDate: string): DayTrip[] {
  const out: DayTrip[] = [];
  const trips = gtfs.tripsActiveOn(serviceDate).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const trip of trips) {
    const sts = gtfs.stopTimesForTrip(trip.id);
    const secs = timesOf(sts);
    if (!secs) continue;
    const stations: string[] = [];
    const times: number[] = [];
    for (let i = 0; i < sts.length; i++) {
      const s = parentOf(gtfs, sts[i].stopId);
      if (stations[stations.length - 1] === s) continue; // the same station twice in a row: one stop
      stations.push(s);
      times.push(secs[i]);
    }
    if (stations.length < 2) continue;
    out.push({ trip, route: trip.routeId, direction: directionOf(trip, sts), stations, secs: times });
  }
  return out;
}
