/**
 * Everything about the demo day that does not depend on the instant: the
 * network and timetable, the trips as they ran (incidents applied), the
 * alerts they caused, the outages and the bike stations. Deterministic for a
 * seed and date; the frame writer (day.ts) and the tests read it.
 */
import { demoNetwork } from "../network";
import type { Network } from "../network/types";
import { buildTimetable } from "../schedule/timetable";
import type { ScheduledTrip } from "../schedule/types";
import { type AlertSpec, buildAlertSpecs } from "./alert-specs";
import { type BikeStation, buildBikeStations } from "./bikes/stations";
import { type DayClock, dayClock } from "./clock";
import { DEMO_INCIDENTS, type Incident } from "./incidents";
import { buildInstances, type OperatedTrip } from "./instances";
import { operate } from "./operate";
import { buildOutages, type Outage } from "./outages";

export interface DemoWorldOptions {
  seed: number;
  /** "YYYY-MM-DD", a weekday. */
  date: string;
  timeZone?: string;
  incidents?: readonly Incident[];
}

export interface DemoWorld {
  seed: number;
  clock: DayClock;
  net: Network;
  timetable: ScheduledTrip[];
  trips: OperatedTrip[];
  cancelled: OperatedTrip[];
  incidents: readonly Incident[];
  /** Trip index each hold incident caught, by incident id. */
  heldTrips: Map<string, number>;
  alerts: AlertSpec[];
  outages: Outage[];
  bikeStations: BikeStation[];
}

export function buildDemoWorld(opts: DemoWorldOptions): DemoWorld {
  const clock = dayClock(opts.date, opts.timeZone);
  const weekday = new Date(clock.midnightMs + 12 * 3600_000).getUTCDay();
  if (weekday === 0 || weekday === 6)
    throw new RangeError(`the demo runs a weekday timetable; ${opts.date} is a weekend day`);
  const incidents = opts.incidents ?? DEMO_INCIDENTS;
  const net = demoNetwork();
  const timetable = buildTimetable(net);
  const { trips, cancelled } = buildInstances(net, timetable, incidents, opts.seed);
  const { heldTrips } = operate(trips, incidents, opts.seed);
  return {
    seed: opts.seed,
    clock,
    net,
    timetable,
    trips,
    cancelled,
    incidents,
    heldTrips,
    alerts: buildAlertSpecs(net, incidents, trips, heldTrips),
    outages: buildOutages(net, opts.seed),
    bikeStations: buildBikeStations(net, opts.seed),
  };
}
