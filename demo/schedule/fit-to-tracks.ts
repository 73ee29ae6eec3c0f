/**
 * Makes the timetable keepable where lines share a track. Each line's trips
 * are laid out on their own, so a 4 and a 5 can be due at 125 St in the same
 * minute; no train can do that, and the real schedules are written so that
 * trains follow each other. Here the trips are run without noise on the
 * shared tracks (tracks.ts), and where a train has to wait for the one ahead,
 * its published times from there on include the wait (a wait for a platform
 * ahead is published at the station before it, where the train then waits).
 */
import { runOnTracks, SIGNAL_MARGIN_S } from "./tracks";
import type { ScheduledTrip, TimedStop } from "./types";

const STEP_S = 30;
/** Slack the timetable keeps between trains on a shared track, so that a few seconds late do not cascade. */
const SLACK_S = 30;
/**
 * Waits shorter than this leave the published times alone: they round away,
 * and a train kept to a time rounded up by up to half a step must not be
 * read as waiting (the timetable would drift later pass after pass).
 */
const MIN_WAIT_S = 20;

/** Passes at most: each runs the trains keeping the waits published so far, until none is added. */
const MAX_PASSES = 6;

/**
 * Runs the trips without noise and publishes their waits, again with the
 * waits published so far kept (a train told to wait lets the one behind it
 * catch up, which then waits in turn), until a pass publishes nothing new.
 * Returns how many trips changed.
 */
export function fitToTracks(trips: ScheduledTrip[]): number {
  const unfitted = trips.map((t) => t.stops);
  for (let pass = 0; pass < MAX_PASSES; pass++) if (fitPass(trips, unfitted) === 0) break;
  return trips.filter((t, i) => t.stops !== unfitted[i]).length;
}

function fitPass(trips: ScheduledTrip[], unfitted: readonly (readonly TimedStop[])[]): number {
  const arrived: number[][] = trips.map((t) => new Array<number>(t.stops.length).fill(0));
  const left: number[][] = trips.map((t) => new Array<number>(t.stops.length).fill(0));
  const runOf = (stops: readonly TimedStop[], i: number) =>
    stops[i + 1].runOffset - stops[i].runOffset - stops[i].dwell;
  runOnTracks(
    trips.map((t) => t.stops),
    {
      departure: (ti) => trips[ti].start,
      leave: (ti, i, arr) => {
        const t = trips[ti];
        // A wait published in an earlier pass is kept (a stop object of its own marks it), from the
        // earliest time its rounded figure stands for: rounding must not add up pass after pass.
        const published = t.stops[i] === unfitted[ti][i] ? 0 : t.start + t.stops[i].offset - STEP_S / 2;
        return Math.max(arr + t.stops[i].dwell, published);
      },
      run: (ti, i) => runOf(trips[ti].stops, i),
      record: (ti, i, arr, dep) => {
        arrived[ti][i] = arr - trips[ti].start;
        left[ti][i] = dep - trips[ti].start;
      },
    },
    SIGNAL_MARGIN_S + SLACK_S,
  );
  let changed = 0;
  trips.forEach((trip, ti) => {
    const stops = retimed(trip.stops, published(trip.stops, arrived[ti], left[ti], runOf));
    if (stops) {
      trip.stops = stops;
      changed++;
    }
  });
  return changed;
}

/**
 * When the timetable should have the train at each stop (departure; arrival
 * at the last), seconds after its start. A wait for a platform ahead is
 * published as a later departure from the station before it: trains then
 * wait there, in the timetable's order, rather than race for the platform.
 */
function published(
  stops: readonly TimedStop[],
  arrived: readonly number[],
  left: readonly number[],
  runOf: (stops: readonly TimedStop[], i: number) => number,
): number[] {
  const last = stops.length - 1;
  const out = [...left];
  out[last] = arrived[last];
  for (let i = last; i > 0; i--) out[i - 1] = Math.max(out[i - 1], arrived[i] - runOf(stops, i - 1));
  return out;
}

/** The stops with their waits added (30 s steps, strictly later stop by stop), or null when no time changed. */
function retimed(stops: readonly TimedStop[], reached: readonly number[]): TimedStop[] | null {
  // Without waits a train reaches each stop at its unrounded time: the run plus the dwell (none at the ends).
  const waited = (i: number) => reached[i] - (stops[i].runOffset + stops[i].dwell) >= MIN_WAIT_S;
  if (!stops.some((_, i) => waited(i))) return null;
  let previous = Number.NEGATIVE_INFINITY;
  const out = stops.map((s, i) => {
    const wanted = waited(i) ? Math.max(s.offset, Math.round(reached[i] / STEP_S) * STEP_S) : s.offset;
    const offset = Math.max(wanted, previous + STEP_S);
    previous = offset;
    return offset === s.offset ? s : { ...s, offset };
  });
  return out.every((s, i) => s === stops[i]) ? null : out;
}
