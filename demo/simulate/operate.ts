/**
 * Runs the day's trains through time, one stop event at a time in time
 * order, filling in each stop's simulated arrival and departure:
 * - running times and dwells vary a little (seeded noise, longer in the rush);
 * - a train cannot enter a platform track until the train before it has left
 *   (plus a signal margin), and waits at its station while the next one is
 *   occupied: a held train makes the trains behind it queue, station by station;
 * - hold incidents keep the first matching train at its station.
 */
import type { HoldIncident, Incident } from "./incidents";
import type { OperatedTrip } from "./instances";
import { EventHeap } from "./min-heap";
import { exponential, normal, type Rng, stream } from "./prng";

/** Seconds between one train leaving a platform and the next entering it. */
const SIGNAL_MARGIN_S = 45;

function isRush(t: number): boolean {
  const hour = (((t / 3600) % 24) + 24) % 24;
  return (hour >= 7 && hour < 10) || (hour >= 16 && hour < 19);
}

function dwellFor(base: number, t: number, crowded: boolean, rng: Rng): number {
  let d = base * (isRush(t) ? 1.05 : 0.85) + exponential(rng, 3);
  if (rng() < 0.015) d += 30 + rng() * 60; // someone holds the doors
  return crowded ? d * 1.8 : d;
}

function runFor(base: number, rng: Rng): number {
  return base * Math.min(1.25, Math.max(0.92, 1 + 0.05 * normal(rng)));
}

function dispatchDelay(rng: Rng): number {
  return rng() < 0.85 ? rng() * 20 : 30 + rng() * 150;
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
  // Platform tracks ("127S|2") as small integers, per trip and stop, so the hot loop avoids string keys.
  const platformIds = new Map<string, number>();
  const platformOf = trips.map((t) =>
    t.stops.map((s) => {
      const key = `${s.stopId}|${s.track}`;
      let id = platformIds.get(key);
      if (id === undefined) platformIds.set(key, (id = platformIds.size));
      return id;
    }),
  );
  /** Earliest time the next train may enter each platform track. */
  const free = new Float64Array(platformIds.size).fill(Number.NEGATIVE_INFINITY);

  const heap = new EventHeap();
  for (const t of trips) heap.push(t.stops[0].nominal + dispatchDelay(rng), t.index, 0);

  for (let ev = heap.pop(); ev; ev = heap.pop()) {
    const [when, ti, i] = ev;
    const trip = trips[ti];
    const stop = trip.stops[i];
    const last = i === trip.stops.length - 1;
    const key = platformOf[ti][i];
    // Terminals have several tracks: only stops after the origin wait for the platform.
    const arr = i === 0 ? Math.min(when, stop.nominal) : Math.max(when, free[key]);
    let dep = i === 0 ? when : last ? arr : arr + dwellFor(stop.dwell, arr, crowded.has(ti), rng);

    const hold =
      holds.length === 0
        ? undefined
        : holds.find(
            (h) =>
              !heldTrips.has(h.id) &&
              h.routeIds.includes(trip.trip.routeId) &&
              h.direction === trip.trip.direction &&
              h.stationId === stop.stationId &&
              arr >= h.from &&
              trip.dayOffset === 0,
          );
    if (hold && !last) {
      dep = Math.max(dep, arr + hold.holdS);
      heldTrips.set(hold.id, ti);
      trip.held = { incidentId: hold.id, stopIndex: i, from: arr, until: dep };
      if (hold.crowdedAfter) crowded.add(ti);
    }

    if (!last) {
      const run = runFor(trip.stops[i + 1].run, rng);
      // Wait here rather than in the tunnel while the next platform is still occupied.
      const nextFree = free[platformOf[ti][i + 1]];
      if (nextFree - run > dep) dep = nextFree - run;
      heap.push(dep + run, ti, i + 1);
    }
    stop.arr = arr;
    stop.dep = dep;
    free[key] = dep + SIGNAL_MARGIN_S;
  }
  return { heldTrips };
}
