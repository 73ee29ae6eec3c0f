/** The static GTFS records the product uses (ids are the feed's own strings). */

export interface Stop {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** 0 stop/platform, 1 station, 2 entrance, 3 generic node, 4 boarding area. */
  locationType: number;
  parentStation?: string;
}

/** Station accessibility per the MTA's Stations.csv: 0 none, 1 fully accessible, 2 partially. */
export type AdaStatus = 0 | 1 | 2;

/** A row of the MTA's Stations.csv, keyed by its GTFS stop id. */
export interface MtaStationInfo {
  gtfsStopId: string;
  stationId: string;
  complexId: string;
  /** Borough code as published: M, Bx, Bk, Q, SI. */
  borough: string;
  name: string;
  daytimeRoutes: string[];
  ada: AdaStatus;
  adaNorthbound?: boolean;
  adaSouthbound?: boolean;
  northLabel?: string;
  southLabel?: string;
}

/** A parent station with its platforms, enriched with Stations.csv when present. */
export interface Station extends Stop {
  platforms: Stop[];
  mta?: MtaStationInfo;
}

export interface Route {
  id: string;
  agencyId?: string;
  shortName: string;
  longName: string;
  type: number;
  description?: string;
  /** "#RRGGBB", or undefined when the feed gives none. */
  color?: string;
  textColor?: string;
}

export interface Trip {
  id: string;
  routeId: string;
  serviceId: string;
  headsign?: string;
  directionId?: number;
  shapeId?: string;
}

export interface StopTime {
  stopId: string;
  /** Seconds after the service day's noon-minus-12h; may exceed 86400. Undefined when not given. */
  arrival?: number;
  departure?: number;
  stopSequence: number;
}

export interface Transfer {
  fromStopId: string;
  toStopId: string;
  transferType: number;
  minTransferTime?: number;
}

export interface ServiceCalendar {
  serviceId: string;
  /** Monday first, as in calendar.txt. */
  days: readonly [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
  /** YYYYMMDD, inclusive. */
  startDate: number;
  endDate: number;
}

export interface CalendarDate {
  serviceId: string;
  date: number; // YYYYMMDD
  /** 1 added, 2 removed. */
  exceptionType: 1 | 2;
}

export interface Shape {
  id: string;
  /** Interleaved lat, lon in shape_pt_sequence order. */
  points: Float64Array;
}
