/**
 * What goes wrong (and what is planned) on the demo day. Each incident is
 * data: the simulator applies it to the trips, the alert writer words it.
 * Times are seconds after the service day's midnight.
 */
import type { Direction } from "../schedule/types";

const H = 3600;
const M = 60;

/** The first train of a route reaching a station in a window is held there (and the trains behind queue). */
export interface HoldIncident {
  kind: "hold";
  id: string;
  routeIds: string[];
  direction: Direction;
  stationId: string;
  from: number;
  holdS: number;
  /** The held train then loads heavily and dwells longer: the trains behind catch up (bunching). */
  crowdedAfter: boolean;
  cause: string;
}

/** Trips of a route, in a window, leave their line between two stations and run via other stations. */
export interface RerouteIncident {
  kind: "reroute";
  id: string;
  routeIds: string[];
  direction: Direction;
  /** Last station before the detour and first station after it, in travel order. */
  afterStationId: string;
  rejoinStationId: string;
  /** Stations between the two, in travel order ("-" = run through). */
  via: string;
  from: number;
  to: number;
  cause: string;
}

/** Express trips stop at every station between two stations (on the local track). */
export interface RunLocalIncident {
  kind: "run-local";
  id: string;
  routeIds: string[];
  direction: Direction;
  fromStationId: string;
  toStationId: string;
  from: number;
  to: number;
  cause: string;
}

/** Planned work: trips in a window do not serve the stations beyond a point. */
export interface TruncateIncident {
  kind: "truncate";
  id: string;
  routeIds: string[];
  /** Stations no longer served (both directions). */
  closedStationIds: string[];
  windows: readonly (readonly [number, number])[];
  planned: true;
}

/** Some trips do not run (crew shortage): the realtime feed leaves them out. */
export interface CancelIncident {
  kind: "cancel";
  id: string;
  routeIds: string[];
  from: number;
  to: number;
  count: number;
}

export type Incident = HoldIncident | RerouteIncident | RunLocalIncident | TruncateIncident | CancelIncident;

export const DEMO_INCIDENTS: readonly Incident[] = [
  {
    kind: "hold",
    id: "sick-customer-4",
    routeIds: ["4"],
    direction: "N",
    stationId: "635",
    from: 8 * H + 10 * M,
    holdS: 15 * M,
    crowdedAfter: false,
    cause: "while we request medical assistance for a customer at 14 St-Union Sq",
  },
  {
    kind: "hold",
    id: "door-problem-L",
    routeIds: ["L"],
    direction: "N",
    stationId: "L17",
    from: 8 * H + 35 * M,
    holdS: 6 * M,
    crowdedAfter: true,
    cause: "after we fixed a door problem on a train at Myrtle-Wyckoff Avs",
  },
  {
    kind: "reroute",
    id: "signal-F",
    routeIds: ["F"],
    direction: "N",
    afterStationId: "D21",
    rejoinStationId: "G14",
    via: "A32 A31 A30 A28 A27 A25 D14 F12 F11 F09 G21 -G20 -G19 -G18 -G16 -G15",
    from: 13 * H + 30 * M,
    to: 15 * H,
    cause: "while we address signal problems near 57 St",
  },
  {
    kind: "run-local",
    id: "rail-2",
    routeIds: ["2"],
    direction: "S",
    fromStationId: "120",
    toStationId: "137",
    from: 18 * H + 40 * M,
    to: 19 * H + 50 * M,
    cause: "while we repair a rail condition near 34 St-Penn Station",
  },
  {
    kind: "truncate",
    id: "planned-G",
    routeIds: ["G"],
    closedStationIds: ["G22", "G24", "G26"],
    windows: [
      [0, 5 * H],
      [23 * H, 24 * H],
    ],
    planned: true,
  },
  { kind: "cancel", id: "crew-C", routeIds: ["C"], from: 7 * H, to: 8 * H + 30 * M, count: 3 },
];
