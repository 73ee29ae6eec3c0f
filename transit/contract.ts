/**
 * What the dashboard graph computes, as typed values: the one way out of the
 * engine. The headless export, the HTTP API and the socket.io protocol all
 * carry these shapes; the browser only renders them.
 *
 * Times are epoch milliseconds; durations are seconds unless the name says
 * otherwise.
 */

/** One tick of one metric: a row of the headless export and of the day's time series. */
export interface MetricTick {
  /** Engine time, epoch ms (exported as ISO 8601 with the New York offset). */
  t: number;
  metric: MetricName;
  /** e.g. { route: "A", direction: "N" }, or {} for system-wide. */
  key: Record<string, string>;
  value: unknown;
}

/**
 * Every metric name the graph emits. Stable: they name columns of exports
 * and series of charts. Documented in the README.
 */
export const METRIC_NAMES = [
  // subway, key { route, direction } unless noted
  "subway.trains_running", // number
  "subway.delayed_trains", // number (delay >= 5 min)
  "subway.stalled_trains", // number
  "subway.delay_mean_15m", // seconds
  "subway.delay_max_15m", // seconds
  "subway.delay_mean_60m", // seconds
  "subway.delay_max_60m", // seconds
  "subway.headway_actual", // { meanSec, maxSec, count } over the last 60 min, all stations of the line
  "subway.headway_scheduled", // { meanSec, maxSec } for the same hour, from the static schedule
  "subway.headway_discrepancy", // seconds: max actual - max scheduled, floored at 0
  "subway.long_gaps", // number of gaps >= 2 min over schedule in the window
  "subway.bunching", // { bunched, gaps, count }: ratios <= 0.5 and >= 1.5
  "subway.wait_assessment", // share 0..1 of headways <= scheduled + 25%
  "subway.expected_wait", // seconds: E[h^2] / (2 E[h])
  "subway.next_train_wait", // key { route }: { mean, p90, p99 } seconds over the line's stations
  "subway.runtime", // { actualSec, scheduledSec, slow, slowSection?: { from, to, overSec } }
  "subway.service_change", // key { route }: { changes: ServiceChange[] }
  "subway.status", // key { route }: LineStatus
  "subway.prediction_error", // key { route }: { meanAbsSec, count } first-seen ETA vs observed arrival
  "subway.gap_ahead", // { count, meanSec, minSec, maxSec } of the gaps ahead of the running trains (TrainView.gapAheadSec), on the clock
  // alerts, key {} (system) or { agency }
  "alerts.active", // { total, planned, unplanned }
  "alerts.by_route", // key { route }: number of active alerts
  "elevators.outages", // { elevators, escalators, ada }
  // bikes, key {} (system) or { region }
  "bikes.bikes_available",
  "bikes.ebikes_available",
  "bikes.docks_available",
  "bikes.disabled_bikes",
  "bikes.stations_installed",
  "bikes.stations_renting",
  "bikes.empty_stations",
  "bikes.full_stations",
  "bikes.notspots", // { count, share }
  "bikes.notspot_minutes", // NotSpot-minutes since local midnight
  "bikes.stale_stations",
  // feeds, key { feed }
  "feeds.health", // FeedHealth (adapters/health)
  // the engine itself, key {}
  "engine.failures", // { node, scope, message }
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

export type StatusKind =
  | "Delays"
  | "Service change"
  | "Slow"
  | "Long gaps"
  | "No service"
  | "Good service"
  | "Not scheduled"
  | "No data";

/** Precedence of METRICS.md, highest first ("No data" overrides all when the feed is stale). */
export const STATUS_PRECEDENCE: readonly StatusKind[] = [
  "Delays",
  "Service change",
  "Slow",
  "Long gaps",
  "No service",
  "Good service",
  "Not scheduled",
];

export interface ServiceChange {
  kind: "express_running_local" | "local_running_express" | "rerouted" | "truncated" | "no_trains";
  direction: "N" | "S";
  description: string;
}

export interface LineStatus {
  route: string;
  status: StatusKind;
  /** Human reasons, most important first: "3 trains delayed (max 12 min)", "northbound gap of 14 min (scheduled 6) at 59 St". */
  reasons: string[];
  trainsRunning: number;
  delayedTrains: number;
  maxDelaySec: number;
  activeAlerts: number;
  /** Engine time the status was computed at. */
  asOf: number;
}

/** A train as drawn on the map. */
export interface TrainView {
  tripKey: string;
  tripId: string;
  route: string;
  direction: "N" | "S";
  trainId: string | null;
  lat: number;
  lon: number;
  /** Degrees clockwise from north, along the line. */
  bearing: number | null;
  /** Station last made and next station (parent ids). */
  lastStationId: string | null;
  nextStationId: string | null;
  /** 0..1 between them; 0 with atStation when the train sits at lastStationId. */
  progress: number;
  atStation: boolean;
  stalled: boolean;
  delaySec: number;
  /** Next ETA (ms) used for the position, so the browser can animate toward it. */
  nextEta: number | null;
  /**
   * Estimated gap to the train ahead on the same route and direction, whole
   * seconds: this train's ETA at nextStationId minus when the train ahead
   * gets (or got) there. Absent when no train ahead is known (the first
   * train of the line, or the first after a long lull).
   */
  gapAheadSec?: number;
}

export interface Arrival {
  tripKey: string;
  route: string;
  direction: "N" | "S";
  /** Predicted arrival, ms; null when the train is stalled or its trip cancelled (not counted down). */
  time: number | null;
  stalled: boolean;
  cancelled: boolean;
  delaySec: number;
  /** Last stop of the trip (its destination), parent id. */
  destinationStationId: string | null;
  /** This station is the trip's last stop: the train ends here, it is not one to board. */
  terminates: boolean;
}

export interface StationArrivals {
  stationId: string;
  asOf: number;
  north: Arrival[];
  south: Arrival[];
}

export interface AlertView {
  id: string;
  alertType: string | null;
  planned: boolean;
  agency: string | null;
  routes: string[];
  stationIds: string[];
  headerText: string;
  /** Sanitized (allow-list) HTML, safe to render. */
  headerHtml: string | null;
  descriptionText: string | null;
  descriptionHtml: string | null;
  activePeriods: Array<{ start: number; end: number | null }>;
  humanPeriod: string | null;
  updatedAt: number | null;
}

export interface OutageView {
  equipmentId: string;
  station: string;
  stationIds: string[];
  lines: string[];
  kind: "elevator" | "escalator" | "other";
  serving: string | null;
  ada: boolean | null;
  since: number | null;
  estimatedReturn: number | null;
  reason: string | null;
}

export type BikeStationState = "ok" | "empty" | "full" | "stale" | "not_renting";

export interface BikeStationView {
  id: string;
  name: string;
  lat: number;
  lon: number;
  regionId: string | null;
  capacity: number | null;
  bikes: number;
  ebikes: number;
  docks: number;
  disabled: number;
  state: BikeStationState;
  lastReported: number | null;
  /** Rolling net flow, bikes per hour (+ filling, - draining); null when stale or too little data. */
  netFlowPerHour: number | null;
  minutesToEmpty: number | null;
  minutesToFull: number | null;
}

export interface BikeTotals {
  bikes: number;
  ebikes: number;
  docks: number;
  disabled: number;
  stationsInstalled: number;
  stationsRenting: number;
  empty: number;
  full: number;
  notSpots: number;
  notSpotShare: number;
  notSpotMinutesToday: number;
  stale: number;
}

/** Static network as the browser draws it: served once, with long cache headers. */
export interface NetworkView {
  routes: Array<{
    id: string;
    shortName: string;
    longName: string;
    color: string;
    textColor: string;
    /** Polylines [[lat, lon], ...] of the line's scheduled routings. */
    shapes: Array<Array<[number, number]>>;
    /** Parent station ids in order, per direction (N first). */
    stations: { N: string[]; S: string[] };
    /** Stations its other regular routings serve, off the main one (transit/network/branches.ts). */
    branches: Array<{ from: string | null; rejoins: string | null; stations: string[] }>;
  }>;
  stations: Array<{
    id: string;
    name: string;
    lat: number;
    lon: number;
    routes: string[];
    ada: 0 | 1 | 2 | null;
  }>;
  bikeStations: Array<{
    id: string;
    name: string;
    lat: number;
    lon: number;
    capacity: number | null;
    regionId: string | null;
  }>;
}

/** The engine clock, as shown in the replay bar. */
export interface ClockView {
  t: number;
  mode: "live" | "replay" | "demo";
  speed: number;
  playing: boolean;
  /** Replay: the recording's time range. */
  range: { start: number; end: number } | null;
}
