/**
 * The nodes keep state from snapshot to snapshot and redo only what a feed's
 * snapshot changed. Each such structure is checked here against a plain
 * recomputation from everything, written out in the test as the metric
 * defines it, over a random run of two interleaved feeds: trips come, go,
 * stall, keep or change their predictions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Arrival, StationArrivals } from "../contract";
import { median, trimmedMean } from "../network";
import { ArrivalBoard } from "./arrivals";
import { ARRIVAL_PAST_MS, ARRIVALS_PER_DIRECTION } from "./constants";
import { LineCountsTracker, lineCounts } from "./line-counts";
import type { LineService } from "./line-service";
import { subwayMetricTicks } from "./metrics";
import { nextTrainWaits, ServedStations, WaitCache } from "./next-train-wait";
import { smallMedian, smallTrimmedMean } from "./small-median";
import { lineStatus } from "./status";
import {
  A_STATIONS,
  at,
  B_STATIONS,
  type FakeTrip,
  predictedGapMedians,
  snapshot,
  testNetwork,
} from "./testing";
import { TravelTimes } from "./travel-times";
import { tripStatus } from "./trip-delay";
import { TripTracker } from "./trip-tracker";
import { etaOf, type TripStatus } from "./types";

const net = await testNetwork();
const FEEDS = ["subway-ace", "subway-bdfm"];

/** A random run: per step, one feed's snapshot of up to 6 trips, each kept, re-predicted or replaced. */
const runArb = fc.array(
  fc.record({
    feed: fc.integer({ min: 0, max: 1 }),
    // The feed's previous snapshot again (all trips listed unchanged), but for the trips given here.
    repeat: fc.boolean(),
    // ...with its trains now stalled or not: the same stops, other arrivals.
    stallRepeated: fc.boolean(),
    trips: fc.array(
      fc.record({
        slot: fc.integer({ min: 0, max: 5 }),
        route: fc.constantFrom("A", "B"),
        south: fc.boolean(),
        from: fc.integer({ min: 0, max: 3 }),
        count: fc.integer({ min: 1, max: 4 }),
        // seconds to the first stop and between stops; repeats make equal times and ties
        first: fc.integer({ min: -120, max: 600 }),
        gap: fc.constantFrom(0, 60, 90, 120),
        stalled: fc.boolean(),
        assigned: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
  }),
  { minLength: 1, maxLength: 40 },
);

type Run = typeof runArb extends fc.Arbitrary<infer T> ? T : never;

/** Plays the run; calls `check` after each snapshot with the feeds' statuses as the graph computes them. */
function play(
  run: Run,
  check: (now: number, feed: string, byFeed: Map<string, TripStatus[]>, tracker: TripTracker) => void,
) {
  const tracker = new TripTracker(net.routeIds());
  const byFeed = new Map<string, TripStatus[]>();
  const last = new Map<string, Map<number, FakeTrip>>();
  run.forEach((step, i) => {
    const now = at(8, 0, i * 15);
    const feed = FEEDS[step.feed];
    const trips = new Map<number, FakeTrip>();
    if (step.repeat)
      for (const [slot, t] of last.get(feed) ?? [])
        trips.set(slot, { ...t, vehicleTimestamp: step.stallRepeated ? now - 100_000 : now });
    const seen = new Set<number>();
    for (const t of step.trips) {
      if (seen.has(t.slot)) continue;
      seen.add(t.slot);
      const line = t.route === "A" ? A_STATIONS : B_STATIONS;
      const stations = (t.south ? line : [...line].reverse()).slice(t.from % line.length).slice(0, t.count);
      // Times on a whole minute grid from the run's start: unchanged predictions recur across snapshots.
      const base = at(8) + Math.round((now - at(8)) / 60_000) * 60_000 + t.first * 1000;
      trips.set(t.slot, {
        tripId: `0${48000 + t.slot * 100}_${t.route}..${t.south ? "S" : "N"}`,
        stops: stations.map((s, k) => [s, base + k * t.gap * 1000]),
        trainId: feed, // a trip key per feed, as in the real feeds
        assigned: t.assigned,
        vehicleTimestamp: t.stalled ? now - 100_000 : now,
      });
    }
    last.set(feed, trips);
    tracker.apply(snapshot(feed, now, [...trips.values()]));
    const list = tracker.tripsByFeed().get(feed) ?? [];
    byFeed.set(
      feed,
      list.map((t) => tripStatus(t, now, () => undefined)),
    );
    check(now, feed, byFeed, tracker);
  });
}

describe("smallMedian", () => {
  it("is network's median of the first n values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e4, noNaN: true }), { maxLength: 12 }),
        fc.nat(12),
        (xs, k) => {
          const n = Math.min(k, xs.length);
          const expected = median(xs.slice(0, n));
          const got = smallMedian([...xs], n);
          expect(Number.isNaN(expected) ? Number.isNaN(got) : got === expected).toBe(true);
        },
      ),
    );
  });
});

describe("smallTrimmedMean", () => {
  it("is network's trimmedMean", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e4, noNaN: true }), { maxLength: 25 }),
        fc.constantFrom(0, 0.1, 0.25),
        (xs, share) => {
          const expected = trimmedMean(xs, share);
          const got = smallTrimmedMean(xs, share);
          expect(Number.isNaN(expected) ? Number.isNaN(got) : got === expected).toBe(true);
        },
      ),
    );
  });
});

describe("kept from snapshot to snapshot, the same as recomputed from everything", () => {
  it("line counts", () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const counts = new LineCountsTracker();
        play(run, (_now, feed, byFeed, tracker) => {
          const feeds = [...tracker.tripsByFeed().keys()];
          const flat = feeds.flatMap((f) => byFeed.get(f) ?? []);
          const got = counts.update(tracker.routes(), feeds, (f) => byFeed.get(f) ?? [], [feed]);
          expect([...got]).toEqual([...lineCounts(tracker.routes(), flat)]);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("next-train waits", () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const cache = new WaitCache();
        const served = new ServedStations(net);
        play(run, (now, _feed, byFeed) => {
          const all = [...byFeed.values()].flat();
          for (const route of ["A", "B"])
            expect(nextTrainWaits(route, all, net, now, served.of(route, now), cache)).toEqual(
              nextTrainWaits(route, all, net, now),
            );
        });
      }),
      { numRuns: 60 },
    );
  });

  it("predicted travel times: the median gap of the latest snapshot listing a pair", () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const tt = new TravelTimes(null);
        const latest = new Map<string, number>();
        play(run, (_now, feed, _byFeed, tracker) => {
          const trips = tracker.tripsByFeed().get(feed) ?? [];
          tt.observePredictions(trips);
          for (const [key, sec] of predictedGapMedians(trips)) latest.set(key, sec);
          for (const [key, sec] of latest) {
            const [d, from, to] = key.split(" ");
            expect(tt.typical(d as "N" | "S", from, to)).toEqual({ sec, source: "predicted" });
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it("arrivals: per feed as of its latest snapshot, the soonest per station and direction", () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const board = new ArrivalBoard();
        const firstSeen: string[] = [];
        const asOf = new Map<string, { statuses: TripStatus[]; since: number }>();
        play(run, (now, feed, byFeed) => {
          const before = new Map([[feed, board.feed(feed).listed]]);
          board.feed(feed).update(byFeed.get(feed) ?? [], [], now, net);
          board.rebuild(before, now);
          if (!firstSeen.includes(feed)) firstSeen.push(feed);
          asOf.set(feed, { statuses: byFeed.get(feed) ?? [], since: now - ARRIVAL_PAST_MS });
          const got = board.snapshot();
          // Expected: every feed's arrivals not before its own cut-off, in feed order, stably sorted.
          const stations = new Map<string, Array<{ at: number; arrival: Arrival; asOf: number }>>();
          for (const f of firstSeen) {
            const { statuses, since } = asOf.get(f)!;
            for (const s of statuses)
              for (const stop of s.trip.stops) {
                const t = etaOf(stop);
                if (t < since) continue;
                const arrival: Arrival = {
                  tripKey: s.trip.key,
                  route: s.trip.route,
                  direction: s.trip.direction,
                  time: s.stalled ? null : t,
                  stalled: s.stalled,
                  cancelled: false,
                  delaySec: Math.round(s.delaySec),
                  destinationStationId: s.trip.stops[s.trip.stops.length - 1].stationId,
                  terminates: stop === s.trip.stops[s.trip.stops.length - 1],
                };
                stations.set(stop.stationId, [
                  ...(stations.get(stop.stationId) ?? []),
                  { at: t, arrival, asOf: 0 },
                ]);
              }
          }
          const top = (d: "N" | "S", list: Array<{ at: number; arrival: Arrival }>) =>
            list
              .filter((p) => p.arrival.direction === d)
              .sort(
                (a, b) =>
                  a.at - b.at ||
                  (a.arrival.tripKey < b.arrival.tripKey
                    ? -1
                    : a.arrival.tripKey > b.arrival.tripKey
                      ? 1
                      : 0),
              )
              .slice(0, ARRIVALS_PER_DIRECTION)
              .map((p) => p.arrival);
          const expected = new Map<string, Omit<StationArrivals, "asOf">>();
          for (const id of [...stations.keys()].sort())
            expected.set(id, {
              stationId: id,
              north: top("N", stations.get(id)!),
              south: top("S", stations.get(id)!),
            });
          const withoutAsOf = new Map([...got].map(([id, { asOf: _a, ...rest }]) => [id, rest]));
          expect(withoutAsOf).toEqual(expected);
          // The stations this feed lists were rebuilt now.
          for (const id of board.feed(feed).listed) expect(got.get(id)?.asOf).toBe(now);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe("the tracker keeps a trip's stops list while it is listed unchanged", () => {
  const trip = (eta: number): FakeTrip => ({
    tripId: "048000_A..S",
    stops: [
      ["A2", eta],
      ["A3", eta + 120_000],
    ],
  });

  it("the same list object for the same stops, a new one when a time moves", () => {
    const tracker = new TripTracker(net.routeIds());
    tracker.apply(snapshot("subway-ace", at(8), [trip(at(8, 2))]));
    const first = tracker.tripList()[0].stops;
    tracker.apply(snapshot("subway-ace", at(8, 0, 30), [trip(at(8, 2))]));
    expect(tracker.tripList()[0].stops).toBe(first);
    tracker.apply(snapshot("subway-ace", at(8, 1), [trip(at(8, 3))]));
    const moved = tracker.tripList()[0].stops;
    expect(moved).not.toBe(first);
    expect(moved.map(etaOf)).toEqual([at(8, 3), at(8, 3) + 120_000]);
  });
});

describe("the subway's metric ticks", () => {
  it("come by metric name, then route and direction as given", () => {
    const counts = new Map(
      ["B", "A"].flatMap((route) =>
        (["N", "S"] as const).map((direction) => [
          `${route}|${direction}`,
          { route, direction, running: 1, delayed: 0, stalled: 0, meanDelaySec: 0, maxDelaySec: 0 },
        ]),
      ),
    );
    const ticks = subwayMetricTicks({ now: 0, routes: ["B", "A"], counts });
    expect(ticks.map((t) => `${t.metric} ${t.key.route}${t.key.direction}`)).toEqual(
      ["subway.delayed_trains", "subway.stalled_trains", "subway.trains_running"].flatMap((m) =>
        ["BN", "BS", "AN", "AS"].map((k) => `${m} ${k}`),
      ),
    );
  });

  it("a line's status depends on the time only through asOf (the status board reuses it between ticks)", () => {
    const counts = (direction: "N" | "S", running: number, delayed: number) => ({
      route: "A",
      direction,
      running,
      delayed,
      stalled: 0,
      meanDelaySec: 400,
      maxDelaySec: 400,
    });
    const running: LineService = { kind: "running", due: 0 };
    const missing: LineService = { kind: "missing", due: 2 };
    const facts = (now: number) => ({
      route: "A",
      now,
      stale: false,
      activeAlerts: 1,
      N: { counts: counts("N", 3, 1), runtime: undefined, headway: undefined, service: running },
      S: { counts: counts("S", 0, 0), runtime: undefined, headway: undefined, service: missing },
      changes: [],
    });
    const { asOf: a, ...early } = lineStatus(facts(at(8)), (id) => id);
    const { asOf: b, ...late } = lineStatus(facts(at(23, 59)), (id) => id);
    expect([a, b]).toEqual([at(8), at(23, 59)]);
    expect(late).toEqual(early);
  });
});
