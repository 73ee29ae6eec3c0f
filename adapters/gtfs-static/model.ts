/**
 * The loaded static GTFS with the lookups the transit graphs need: stations
 * with their platforms, routes, trips by route, a trip's stop times in order,
 * and the services and trips that run on a service date.
 */
import { ServiceCalendarIndex } from "./calendar";
import type { StopTimesTable } from "./stop-times";
import type {
  CalendarDate,
  MtaStationInfo,
  Route,
  ServiceCalendar,
  Shape,
  Station,
  Stop,
  StopTime,
  Transfer,
  Trip,
} from "./types";

export interface StaticGtfsParts {
  stops: Map<string, Stop>;
  routes: Map<string, Route>;
  trips: Map<string, Trip>;
  stopTimes: StopTimesTable;
  shapes: Map<string, Shape>;
  transfers: Transfer[];
  calendar: Map<string, ServiceCalendar>;
  calendarDates: CalendarDate[];
  /** Stations.csv rows by GTFS stop id (empty when the file is absent). */
  mtaStations: Map<string, MtaStationInfo>;
  /** agency_timezone of agency.txt, when given. */
  timezone?: string;
  /** The files that were read. */
  files: string[];
  warnings: string[];
}

export class StaticGtfs {
  readonly stops: ReadonlyMap<string, Stop>;
  readonly routes: ReadonlyMap<string, Route>;
  readonly trips: ReadonlyMap<string, Trip>;
  readonly stopTimes: StopTimesTable;
  readonly shapes: ReadonlyMap<string, Shape>;
  readonly transfers: readonly Transfer[];
  readonly calendar: ReadonlyMap<string, ServiceCalendar>;
  readonly calendarDates: readonly CalendarDate[];
  readonly mtaStations: ReadonlyMap<string, MtaStationInfo>;
  readonly timezone?: string;
  readonly files: readonly string[];
  readonly warnings: readonly string[];
  /** Parent stations (location_type 1) by id, each with its platforms. */
  readonly stations: ReadonlyMap<string, Station>;
  private readonly byRoute = new Map<string, Trip[]>();
  private readonly services: ServiceCalendarIndex;

  constructor(parts: StaticGtfsParts) {
    this.stops = parts.stops;
    this.routes = parts.routes;
    this.trips = parts.trips;
    this.stopTimes = parts.stopTimes;
    this.shapes = parts.shapes;
    this.transfers = parts.transfers;
    this.calendar = parts.calendar;
    this.calendarDates = parts.calendarDates;
    this.mtaStations = parts.mtaStations;
    this.timezone = parts.timezone;
    this.files = parts.files;
    this.warnings = parts.warnings;
    this.stations = buildStations(parts.stops, parts.mtaStations);
    for (const trip of parts.trips.values()) {
      const list = this.byRoute.get(trip.routeId);
      if (list) list.push(trip);
      else this.byRoute.set(trip.routeId, [trip]);
    }
    this.services = new ServiceCalendarIndex(parts.calendar, parts.calendarDates);
  }

  stop(id: string): Stop | undefined {
    return this.stops.get(id);
  }

  /** The station with this id, or the parent station of this platform ("101N" -> "101"). */
  station(id: string): Station | undefined {
    const direct = this.stations.get(id);
    if (direct) return direct;
    const parent = this.stops.get(id)?.parentStation;
    return parent ? this.stations.get(parent) : undefined;
  }

  route(id: string): Route | undefined {
    return this.routes.get(id);
  }

  trip(id: string): Trip | undefined {
    return this.trips.get(id);
  }

  tripsByRoute(routeId: string): readonly Trip[] {
    return this.byRoute.get(routeId) ?? [];
  }

  /** Stop times of a trip in stop_sequence order. */
  stopTimesForTrip(tripId: string): StopTime[] {
    return this.stopTimes.forTrip(tripId);
  }

  /** Service ids running on a service date ("YYYYMMDD", "YYYY-MM-DD" or 20241128). */
  servicesActiveOn(date: string | number): Set<string> {
    return this.services.servicesActiveOn(date);
  }

  /** Trips scheduled on a service date, optionally of one route. */
  tripsActiveOn(date: string | number, routeId?: string): Trip[] {
    const services = this.servicesActiveOn(date);
    const trips = routeId === undefined ? this.trips.values() : this.tripsByRoute(routeId);
    return [...trips].filter((t) => services.has(t.serviceId));
  }
}

function buildStations(
  stops: ReadonlyMap<string, Stop>,
  mta: ReadonlyMap<string, MtaStationInfo>,
): Map<string, Station> {
  const stations = new Map<string, Station>();
  for (const s of stops.values()) {
    if (s.locationType === 1) stations.set(s.id, { ...s, platforms: [], mta: mta.get(s.id) });
  }
  for (const s of stops.values()) {
    if (s.locationType === 0 && s.parentStation) stations.get(s.parentStation)?.platforms.push(s);
  }
  return stations;
}
