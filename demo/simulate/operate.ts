/**
 * Runs the day's trains through time, one stop event at a time in time
 * order, filling in each stop's simulated arrival and departure:
 * - running times and dwells vary a little (seeded noise), around the
 *   timetable's own: the timetable is what trains normally achieve;
 * - trains keep to the timetable the way crews and dispatchers do: a train
 *   ahead of time waits at its station, one behind it dwells no longer than
 *   needed and runs a little faster, so small upsets fade instead of
 *   building up along the line (as on the real subway, most trains run
 *   within a couple of minutes of their schedule);
 * - trains share tracks (schedule/tracks.ts): a held train makes the trains
 *   behind it queue, station by station;
 * - hold incidents keep the first matching train at its station.
 */

import { runOnTracks } from "../schedule/tracks";
import type { HoldIncident, Incident } from "./incidents";
import type { OperatedStop, OperatedTrip } from "./instances";
import { exponential, normal, type Rng, stream } from "./prng";

/** Behind schedule by more than this, a train recovers: shortest dwell, a little faster. */
const RECOVER_AFTER_S = 30;
const RECOVERY_RUN_FACTOR = 0.96;
/** Share of stops where someone holds the doors, and for how long. */
const DOOR_HOLD_SHARE = 0.005;
const DOOR_HOLD_S: readonly [number, number] = [20, 60];

function isRush(t: number): boolean {
  const hour = (((t / 3600) % 24) + 24) % 24;
  return (hour >= 7 && hour < 10) || (hour >= 16 && hour < 19);
}

/** Dwell at a stop: on average about the timetable's in the rush, a little shorter otherwise. */
function dwellFor(base: number, t: number, crowded: boolean, late: boolean, rng: Rng): number {
  const factor = late ? 0.8 : isRush(t) ? 0.95 : 0.85;
  let d = base * factor + exponential(rng, 3);
  if (rng() < DOOR_HOLD_SHARE) d += DOOR_HOLD_S[0] + rng() * (DOOR_HOLD_S[1] - DOOR_HOLD_S[0]);
  return crowded ? d * 1.8 : d;
}

function runFor(base: number, late: boolean, rng: Rng): number {
  const noise = Math.min(1.25, Math.max(0.92, 1 + 0.05 * normal(rng)));
  return base * noise * (late ? RECOVERY_RUN_FACTOR : 1);
}

/** Most trains leave their terminal on time; a few a minute or so late. */
function dispatchDelay(rng: Rng): number {
  return rng() < 0.95 ? rng() * 20 : 20 + rng() * 70;
}

/** Seconds behind the timetable on arriving at a stop (its published time is the departure). */
function lateness(stop: OperatedStop, arr: number): number {
  return arr - (stop.nominal - stop.dwell);
}

export interface OperateResult {
  /** The trip each hold incident caught (index into the trips), by incident id. */
  heldTrips: Map<string, number>;
}

export function operate(trips: OperatedTrip[], incidents: readonly Incident[], seed: number): OperateResult {
  const rng = stream(seed, "operate");
  const holds = incidents.filter((i): i is HoldIncident => i.kind === "hold");
  const heldTrips = new Map<string, number>();
  const crowded = new Set<number>();

  const holdAt = (trip: OperatedTrip, stop: OperatedStop, arr: number) =>
    holds.find(
      (h) =>
        !heldTrips.has(h.id) &&
        h.routeIds.includes(trip.trip.routeId) &&
        h.direction === trip.trip.direction &&
        h.stationId === stop.stationId &&
        arr >= h.from &&
        trip.dayOffset === 0,
    );

  runOnTracks(
    trips.map((t) => t.stops),
    {
      departure: (ti) => trips[ti].stops[0].nominal + dispatchDelay(rng),
      leave: (ti, i, arr) => {
        if (i === 0) return arr;
        const trip = trips[ti];
        const stop = trip.stops[i];
        const late = lateness(stop, arr) > RECOVER_AFTER_S;
        let dep = arr + dwellFor(stop.dwell, arr, crowded.has(ti), late, rng);
        // Ahead of time: wait for the timetable (which also keeps merging lines in their order).
        dep = Math.max(dep, stop.nominal);
        const hold = holds.length === 0 ? undefined : holdAt(trip, stop, arr);
        if (hold) {
          dep = Math.max(dep, arr + hold.holdS);
          heldTrips.set(hold.id, ti);
          trip.held = { incidentId: hold.id, stopIndex: i, from: arr, until: dep };
          if (hold.crowdedAfter) crowded.add(ti);
        }
        return dep;
      },
      run: (ti, i, dep) => {
        const stops = trips[ti].stops;
        return runFor(stops[i + 1].run, dep - stops[i].nominal > RECOVER_AFTER_S, rng);
      },
      record: (ti, i, arr, dep) => {
        const stop = trips[ti].stops[i];
        // A train waits at its terminal for its time: it "arrives" there no later than that.
        stop.arr = i === 0 ? Math.min(arr, stop.nominal) : arr;
        stop.dep = dep;
      },
    },
  );
  return { heldTrips };
}
