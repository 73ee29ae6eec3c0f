import { describe, expect, it } from "vitest";
import type { StopPattern } from "../network";
import {
  classifyRouting,
  mergeInTravelOrder,
  RoutingCache,
  type RoutingClass,
  serviceChanges,
} from "./service-changes";
import {
  at,
  type FakeTrip,
  metricAt,
  runSubway,
  snapshot,
  southboundA,
  testNetwork,
  tripIdAt,
} from "./testing";
import { TripTracker } from "./trip-tracker";
import type { TrackedTrip } from "./types";

const net = await testNetwork();

const pattern = (stations: string[]): StopPattern => ({
  id: `A:S:${stations.join("")}`,
  route: "A",
  direction: "S",
  stations,
  tripCount: 1,
  startsByHour: [],
  runtimeSec: 0,
  shapeId: null,
});
const MAIN = pattern(["A1", "A2", "A3", "A4", "A5", "A6"]);
const SHORT = pattern(["A1", "A2", "A3"]);

describe("classifyRouting", () => {
  it("accepts a contiguous stretch of a scheduled routing that ends at its terminal", () => {
    expect(classifyRouting(["A3", "A4", "A5", "A6"], [MAIN])).toEqual({ kind: "scheduled" });
    expect(classifyRouting(["A2", "A3"], [MAIN, SHORT])).toEqual({ kind: "scheduled" }); // the short turn
  });

  it("tells truncated, express running local, local running express and rerouted apart", () => {
    expect(classifyRouting(["A3", "A4"], [MAIN])).toEqual({
      kind: "truncated",
      endsAt: "A4",
      insteadOf: "A6",
    });
    expect(classifyRouting(["A3", "X1", "A4", "A5", "A6"], [MAIN])).toEqual({
      kind: "express_running_local",
      stations: ["X1"],
      from: "A3",
      to: "A4",
    });
    expect(classifyRouting(["A2", "A3", "X1", "A4", "X2", "X3", "A5", "A6"], [MAIN])).toEqual({
      kind: "express_running_local",
      stations: ["X1", "X2", "X3"],
      from: "A3",
      to: "A5",
    });
    expect(classifyRouting(["A2", "A4", "A6"], [MAIN])).toEqual({
      kind: "local_running_express",
      stations: ["A3", "A5"],
    });
    expect(classifyRouting(["A2", "Q1", "Q2"], [MAIN])).toEqual({ kind: "rerouted", stations: ["Q1", "Q2"] });
    expect(classifyRouting(["A4", "A3"], [MAIN])).toEqual({ kind: "rerouted", stations: [] }); // wrong way round
  });

  it("cannot tell from a single station", () => {
    expect(classifyRouting(["A6"], [MAIN])).toBeNull();
  });
});

function tracked(trips: FakeTrip[], ts: number) {
  const t = new TripTracker(net.routeIds());
  t.apply(snapshot("subway-ace", ts, trips));
  return t.tripList();
}

describe("serviceChanges of a line", () => {
  const now = at(8, 30);
  // Southbound trains on A (scheduled A1..A6). Each lists its stops ahead.
  const truncatedA = (m: number): FakeTrip => ({
    tripId: tripIdAt("A", "S", 8, m),
    stops: southboundA(at(8, 30)).slice(2, 4), // A3, A4 then nothing: ends at A4
  });
  const normal = (m: number): FakeTrip => ({
    tripId: tripIdAt("A", "S", 8, m),
    stops: southboundA(at(8, 30)).slice(1),
  });
  const north = (m: number): FakeTrip => ({
    tripId: tripIdAt("A", "N", 8, m),
    stops: [
      ["A3", at(8, 31)],
      ["A2", at(8, 33)],
      ["A1", at(8, 35)],
    ],
  });

  it("reports a change run by two trains, with station names", () => {
    const trips = tracked([truncatedA(20), truncatedA(21), normal(22), north(20)], now);
    expect(serviceChanges("A", trips, net, now)).toEqual([
      { kind: "truncated", direction: "S", description: "Southbound trains end at A4 St instead of A6 St" },
    ]);
  });

  it("names a stretch run local by the scheduled stops at its ends", () => {
    // Two southbound trains stop at B2, off A's routing, between A2 and A3.
    const local = (m: number): FakeTrip => ({
      tripId: tripIdAt("A", "S", 8, m),
      stops: (["A1", "A2", "B2", "A3", "A4", "A5", "A6"] as const).map((s, i) => [s, at(8, 31 + i)]),
    });
    const trips = tracked([local(20), local(21), north(20)], now);
    expect(serviceChanges("A", trips, net, now)).toEqual([
      {
        kind: "express_running_local",
        direction: "S",
        description: "Southbound trains run local between A2 St and A3 St",
      },
    ]);
  });

  it("ignores a single train's odd routing while others run", () => {
    const trips = tracked([truncatedA(20), normal(21), normal(22), north(20)], now);
    expect(serviceChanges("A", trips, net, now)).toEqual([]);
  });

  it("reports a direction missing its trains (the other running)", () => {
    const trips = tracked([normal(21), normal(22)], now);
    const missingN = new Map([["A|N", { kind: "missing" as const, due: 1 }]]);
    expect(serviceChanges("A", trips, net, now, missingN)).toEqual([
      { kind: "no_trains", direction: "N", description: "No northbound trains running" },
    ]);
    // Between its trains, or with none due, an idle direction is no change.
    const betweenN = new Map([["A|N", { kind: "between" as const, due: 0 }]]);
    expect(serviceChanges("A", trips, net, now, betweenN)).toEqual([]);
    expect(serviceChanges("A", trips, net, now)).toEqual([]);
    expect(serviceChanges("A", [], net, now, missingN)).toEqual([]); // nothing at all runs: No service, not a change
  });

  it("shows in the graph as subway.service_change and a Service change status", () => {
    const snaps = [at(8, 29, 5), at(8, 29, 35)].map(
      (ts) =>
        [ts, snapshot("subway-ace", ts, [truncatedA(20), truncatedA(21), north(20)])] as [
          number,
          ReturnType<typeof snapshot>,
        ],
    );
    const r = runSubway(net, snaps, { start: at(8, 29), end: at(8, 31) });
    expect(metricAt(r, "subway.service_change", { route: "A" }, at(8, 30))).toEqual({
      changes: [
        { kind: "truncated", direction: "S", description: "Southbound trains end at A4 St instead of A6 St" },
      ],
    });
    const status = metricAt(r, "subway.status", { route: "A" }, at(8, 30)) as { status: string };
    expect(status.status).toBe("Service change");
  });
});

describe("RoutingCache", () => {
  it("judges every trip as classifyRouting does, but for a train part-way along the stations it runs off its routing", () => {
    const X = pattern(["A1", "A2", "X1", "A4", "A5"]);
    // Two hours' routings, one hour apart: the cache must not keep a class across them.
    const hourly = [
      [MAIN, SHORT],
      [X, MAIN],
    ];
    const fakeNet = {
      hourAt: (t: number) => Math.floor(t / 3_600_000),
      activePatterns: (_r: string, _d: "N" | "S", t: number) => hourly[Math.floor(t / 3_600_000) % 2],
    };
    const pool = ["A1", "A2", "A3", "A4", "A5", "A6", "X1"];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed % n;
    };
    const stopsOf = (stations: string[]) =>
      stations.map((stationId, i) => ({
        stationId,
        stopId: `${stationId}S`,
        direction: "S" as const,
        time: i,
      }));
    const freshList = () =>
      rand(2) === 0 ? MAIN.stations.slice(rand(5)) : Array.from({ length: 2 + rand(6) }, () => pool[rand(7)]);
    const cache = new RoutingCache(fakeNet);
    const trips = new Map<string, TrackedTrip>();
    // The class each trip should have: classifyRouting's, unless the trip lists a tail of its stations (against
    // the same routings) with some of the stations it runs off its routing, or stops at besides, still ahead.
    const judged = new Map<
      string,
      { patterns: StopPattern[]; stations: string[]; routing: RoutingClass | null }
    >();
    let kept = 0;
    const expected = (key: string, stations: string[], when: number) => {
      const patterns = fakeNet.activePatterns("A", "S", when);
      const fresh = classifyRouting(stations, patterns);
      const j = judged.get(key);
      const isTail =
        j !== undefined &&
        j.patterns === patterns &&
        stations.length >= 2 &&
        stations.length < j.stations.length &&
        stations.every((s, i) => s === j.stations[j.stations.length - stations.length + i]);
      const off = j?.routing && "stations" in j.routing ? j.routing.stations : [];
      const keeps =
        isTail &&
        (j.routing?.kind === "scheduled" ||
          ((j.routing?.kind === "express_running_local" || j.routing?.kind === "rerouted") &&
            stations.some((s) => off.includes(s))));
      const same =
        j !== undefined &&
        j.patterns === patterns &&
        stations.length === j.stations.length &&
        stations.every((s, i) => s === j.stations[i]);
      const routing = keeps || same ? j.routing : fresh;
      if (keeps && JSON.stringify(routing) !== JSON.stringify(fresh)) kept++;
      judged.set(key, { patterns, stations, routing });
      return routing;
    };
    for (let round = 0; round < 400; round++) {
      cache.begin();
      const when = Math.floor(round / 5) * 3_600_000;
      for (const key of ["t1", "t2", "t3"]) {
        const was = trips.get(key);
        const stations = was?.stops.map((s) => s.stationId) ?? freshList();
        const r = rand(4);
        const stops =
          !was || r === 3
            ? stopsOf(freshList())
            : r === 0
              ? was.stops
              : r === 1
                ? stopsOf(stations)
                : stopsOf(stations.slice(1));
        const trip = { key, route: "A", direction: "S", stops } as unknown as TrackedTrip;
        trips.set(key, trip);
        expect(cache.classify(trip, when)).toEqual(
          expected(
            key,
            stops.map((s) => s.stationId),
            when,
          ),
        );
      }
      cache.end();
    }
    // Some trains were part-way along such stations, judged afresh otherwise.
    expect(kept).toBeGreaterThan(0);
  });

  it("keeps a local train on the express stretch running local, naming the whole stretch, until it is past it", () => {
    const express = pattern(["A1", "A3", "A5", "A6"]);
    const routings = [express];
    const cache = new RoutingCache({ hourAt: () => 8, activePatterns: () => routings });
    const stopsOf = (stations: string[]) =>
      stations.map((stationId) => ({ stationId, stopId: `${stationId}S`, direction: "S" as const, time: 0 }));
    const judge = (stations: string[]) =>
      cache.classify(
        { key: "t", route: "A", direction: "S", stops: stopsOf(stations) } as unknown as TrackedTrip,
        0,
      );
    const local = { kind: "express_running_local", stations: ["A2", "A4"], from: "A1", to: "A5" };
    expect(judge(["A1", "A2", "A3", "A4", "A5", "A6"])).toEqual(local);
    expect(judge(["A2", "A3", "A4", "A5", "A6"])).toEqual(local); // afresh: rerouted via A2, A4
    expect(judge(["A4", "A5", "A6"])).toEqual(local);
    expect(judge(["A5", "A6"])).toEqual({ kind: "scheduled" });
    // First seen part-way, there is nothing to go on.
    expect(classifyRouting(["A2", "A3", "A4", "A5", "A6"], [express])).toEqual({
      kind: "rerouted",
      stations: ["A2", "A4"],
    });
  });
});

describe("mergeInTravelOrder", () => {
  const merged = (...seqs: string[][]) => {
    const into: string[] = [];
    for (const s of seqs) mergeInTravelOrder(into, s);
    return into;
  };

  it("puts the stations of trains part-way along a stretch in travel order, whichever comes first", () => {
    const whole = ["86", "79", "72", "66", "59"];
    expect(merged(["72", "66", "59"], whole)).toEqual(whole);
    expect(merged(whole, ["72", "66", "59"])).toEqual(whole);
    expect(merged(["66", "59"], ["79", "72", "66"], ["86", "79"])).toEqual(whole);
    // Disjoint stretches: in the order met.
    expect(merged(["66", "59"], ["86", "79"])).toEqual(["66", "59", "86", "79"]);
    // A station between two known ones goes after the one before it.
    expect(merged(["86", "66"], ["86", "72", "66"])).toEqual(["86", "72", "66"]);
  });
});
