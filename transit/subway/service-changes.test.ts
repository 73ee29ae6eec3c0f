import { describe, expect, it } from "vitest";
import type { StopPattern } from "../network";
import { classifyRouting, RoutingCache, serviceChanges } from "./service-changes";
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
  it("judges every trip as classifyRouting does, over kept, re-listed, shortened and new stop lists", () => {
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
          classifyRouting(
            stops.map((s) => s.stationId),
            fakeNet.activePatterns("A", "S", when),
          ),
        );
      }
      cache.end();
    }
  });
});
