/**
 * buildTransitNetwork: static GTFS + service date -> TransitNetwork. One pass
 * over the day's trips (readDayTrips), then tables, geometry and scheduled
 * trips from them. About 20 k trips a day on the real network.
 */
import type { StaticGtfs } from "../../adapters/gtfs-static";
import { routeColor, routeTextColor } from "./colors";
import { type DayTrip, readDayTrips } from "./day-trips";
import { TransitNetwork } from "./network";
import { buildScheduleTables, type ScheduleTables } from "./schedule-tables";
import { DEFAULT_TIME_ZONE, serviceDayOriginMs } from "./service-day";
import { addSegments, patternPolyline } from "./shapes";
import { tripMatchKey } from "./trip-match";
import type { NetworkRoute, NetworkStation, Polyline, ScheduledTrip } from "./types";

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function buildStations(gtfs: StaticGtfs, tables: ScheduleTables): Map<string, NetworkStation> {
  const served = new Map<string, Set<string>>();
  for (const list of tables.patterns.values())
    for (const p of list)
      for (const s of p.stations) {
        let set = served.get(s);
        if (!set) served.set(s, (set = new Set()));
        set.add(p.route);
      }
  const out = new Map<string, NetworkStation>();
  for (const s of [...gtfs.stations.values()].sort(byId)) {
    const routes = served.has(s.id)
      ? [...served.get(s.id)!].sort()
      : [...(s.mta?.daytimeRoutes ?? [])].sort();
    out.set(s.id, { id: s.id, name: s.name, lat: s.lat, lon: s.lon, routes, ada: s.mta?.ada ?? null });
  }
  return out;
}

function buildRoutes(gtfs: StaticGtfs): Map<string, NetworkRoute> {
  const out = new Map<string, NetworkRoute>();
  for (const r of [...gtfs.routes.values()].sort(byId)) {
    const color = routeColor(r.id, r.color);
    out.set(r.id, {
      id: r.id,
      shortName: r.shortName || r.id,
      longName: r.longName,
      color,
      textColor: routeTextColor(color, r.textColor),
    });
  }
  return out;
}

function buildScheduledTrips(
  trips: readonly DayTrip[],
  patternOfTrip: string[],
  originMs: number,
): ScheduledTrip[] {
  const out: ScheduledTrip[] = [];
  trips.forEach((t, i) => {
    const times = Float64Array.from(t.secs, (s) => originMs + s * 1000);
    out.push({
      tripId: t.trip.id,
      matchKey: tripMatchKey(t.trip.id, t.direction) ?? `static|${t.trip.id}`,
      route: t.route,
      direction: t.direction,
      patternId: patternOfTrip[i],
      startMs: times[0],
      endMs: times[times.length - 1],
      times,
    });
  });
  return out.sort((a, b) => a.startMs - b.startMs || (a.tripId < b.tripId ? -1 : 1));
}

export interface BuildNetworkOptions {
  /** IANA zone the schedule's clock times are in; default the feed's agency_timezone, else New York. */
  timeZone?: string;
}

/** The static network of one service day ("YYYYMMDD" or "YYYY-MM-DD"). */
export function buildTransitNetwork(
  gtfs: StaticGtfs,
  serviceDate: string,
  opts: BuildNetworkOptions = {},
): TransitNetwork {
  const dayOriginMs = serviceDayOriginMs(serviceDate, opts.timeZone ?? gtfs.timezone ?? DEFAULT_TIME_ZONE);
  const trips = readDayTrips(gtfs, serviceDate);
  const tables = buildScheduleTables(trips);
  const stations = buildStations(gtfs, tables);
  const polylines = new Map<string, Polyline>();
  const segments = new Map<string, Map<string, Polyline>>();
  for (const list of tables.patterns.values()) {
    for (const p of list) {
      const line = patternPolyline(p, gtfs.shapes, stations);
      polylines.set(p.id, line);
      let own = segments.get(p.route);
      if (!own) segments.set(p.route, (own = new Map()));
      addSegments(own, p, line, stations);
    }
  }
  return new TransitNetwork({
    serviceDate,
    dayOriginMs,
    stations,
    routes: buildRoutes(gtfs),
    tables,
    scheduledTrips: buildScheduledTrips(trips, tables.patternOfTrip, dayOriginMs),
    polylines,
    segments,
  });
}
