/**
 * Trains sharing tracks, run one stop event at a time in time order: a
 * train cannot enter a platform track until the train before it has left
 * (plus a signal margin), and waits at its station, not in the tunnel,
 * while the next platform is occupied. The timetable runs it without noise
 * to publish times trains can keep where lines merge (fit-to-tracks.ts);
 * the simulator runs it with noise and incidents (simulate/operate.ts).
 */
import { EventHeap } from "../simulate/min-heap";

/** Seconds between one train leaving a platform and the next entering it. */
export const SIGNAL_MARGIN_S = 45;

export interface TrackStop {
  stopId: string;
  track: string;
}

/** What the trains do between the track rules; called in time order. */
export interface TrainDriver {
  /** When trip `ti` leaves its origin. */
  departure(ti: number): number;
  /** When the train would leave stop i (not the last) having reached it at `arr`. */
  leave(ti: number, i: number, arr: number): number;
  /** Running time from stop i to stop i + 1 when leaving at `dep`. */
  run(ti: number, i: number, dep: number): number;
  /** The train's arrival at and departure from stop i, as they happened. */
  record(ti: number, i: number, arr: number, dep: number): void;
}

/**
 * Runs every trip to its end. `marginS` is the gap kept between a train
 * leaving a platform and the next one entering it (more than the signals
 * need when writing a timetable, which keeps a little slack).
 */
export function runOnTracks(
  trips: readonly (readonly TrackStop[])[],
  driver: TrainDriver,
  marginS = SIGNAL_MARGIN_S,
): void {
  // Platform tracks ("127S|2") as small integers, per trip and stop, so the hot loop avoids string keys.
  const ids = new Map<string, number>();
  const platformOf = trips.map((stops) =>
    stops.map((s) => {
      const key = `${s.stopId}|${s.track}`;
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    }),
  );
  /** Earliest time the next train may enter each platform track. */
  const free = new Float64Array(ids.size).fill(Number.NEGATIVE_INFINITY);

  const heap = new EventHeap();
  trips.forEach((_, ti) => {
    heap.push(driver.departure(ti), ti, 0);
  });
  for (let ev = heap.pop(); ev; ev = heap.pop()) {
    const [when, ti, i] = ev;
    const last = i === trips[ti].length - 1;
    const key = platformOf[ti][i];
    // Terminals have several tracks: only stops after the origin wait for the platform.
    const arr = i === 0 ? when : Math.max(when, free[key]);
    let dep = last ? arr : driver.leave(ti, i, arr);
    if (!last) {
      const run = driver.run(ti, i, dep);
      const nextFree = free[platformOf[ti][i + 1]];
      if (nextFree - run > dep) dep = nextFree - run;
      heap.push(dep + run, ti, i + 1);
    }
    driver.record(ti, i, arr, dep);
    free[key] = dep + marginS;
  }
}
