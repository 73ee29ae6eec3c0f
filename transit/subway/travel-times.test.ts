import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SubwayStop } from "../../adapters/subway";
import { predictedGapMedians } from "./testing";
import { TravelTimes } from "./travel-times";
import type { Direction, TrackedTrip } from "./types";

const STATIONS = ["s0", "s1", "s2", "s3"];
const KEYS = ["k0", "k1", "k2", "k3", "k4", "k5"];
const FEEDS = ["f0", "f1"];
/** Few gaps, some not positive: pairs get ties, and stops with no pair. */
const GAPS = [-30, 0, 60, 60, 90, 120];

const stop = (stationId: string, direction: Direction, time: number): SubwayStop => ({
  stopId: `${stationId}${direction}`,
  stationId,
  direction,
  time,
  arrival: time,
});

/** What a trip does in a round: not listed, listed as before (the same stops array), or changed in some way. */
const ACTIONS = ["absent", "same", "made", "retimed", "new", "flipped", "twice"] as const;

interface Listed {
  stops: readonly SubwayStop[];
  direction: Direction;
}

describe("predicted travel times, recomputed only for pairs whose gaps changed", () => {
  it("equal the median gap of the latest call listing each pair, computed from scratch", () => {
    const round = fc.record({
      feed: fc.integer({ min: 0, max: 1 }),
      /** Rarely, one call with both feeds' trips. */
      both: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
      trips: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: ACTIONS.length - 1 }),
          fc.array(fc.integer({ min: 0, max: 63 }), { minLength: 2, maxLength: 6 }),
        ),
        { minLength: KEYS.length, maxLength: KEYS.length },
      ),
    });
    fc.assert(
      fc.property(fc.array(round, { minLength: 1, maxLength: 40 }), (rounds) => {
        const tt = new TravelTimes(null);
        // Per feed, its trips as last listed: unchanged trips are listed with the same stops array.
        const feeds = FEEDS.map(() => new Map<string, Listed>());
        const latest = new Map<string, number>();
        let time = 0;
        for (const r of rounds) {
          const calls = r.both ? [0, 1] : [r.feed];
          const trips: TrackedTrip[] = [];
          for (const f of calls) {
            const before = feeds[f];
            const now = new Map<string, Listed>();
            KEYS.forEach((key, k) => {
              const [a, seeds] = r.trips[k];
              const action = ACTIONS[f === r.feed ? a : (a + k) % ACTIONS.length];
              if (action === "absent") return;
              const prev = before.get(key);
              let listed: Listed;
              if (prev && (action === "same" || action === "twice")) listed = prev;
              else if (prev && action === "made" && prev.stops.length > 2)
                listed = { ...prev, stops: prev.stops.slice(1 + (seeds[0] % 2)) };
              else if (prev && action === "retimed") {
                const i = seeds[0] % prev.stops.length;
                const stops = [...prev.stops];
                stops[i] = stop(
                  stops[i].stationId,
                  prev.direction,
                  stops[i].time + GAPS[seeds[1] % GAPS.length],
                );
                listed = { ...prev, stops };
              } else if (prev && action === "flipped")
                listed = { stops: prev.stops, direction: prev.direction === "N" ? "S" : "N" };
              else {
                const direction: Direction = seeds[0] % 2 === 0 ? "N" : "S";
                time += 1000;
                listed = {
                  direction,
                  stops: seeds.map((s) =>
                    stop(STATIONS[s % STATIONS.length], direction, (time += GAPS[s % 6] * 1000)),
                  ),
                };
              }
              now.set(key, listed);
              const trip = { key, feed: FEEDS[f], ...listed } as TrackedTrip;
              trips.push(trip);
              if (action === "twice") trips.push(trip);
            });
            feeds[f] = now;
          }
          tt.observePredictions(trips);

          for (const [key, sec] of predictedGapMedians(trips)) latest.set(key, sec);
          const actual: string[] = [];
          const expected: string[] = [];
          for (const d of ["N", "S"] as const)
            for (const from of STATIONS)
              for (const to of STATIONS) {
                const key = `${d} ${from} ${to}`;
                actual.push(`${key}: ${tt.typicalSec(d, from, to)}`);
                expected.push(`${key}: ${latest.get(key)}`);
              }
          expect(actual).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
