/**
 * What makes a line's status match what riders see (the demo day's
 * findings, each on hand-made input): a train held at a platform is late
 * against the stop after it; a trip dropped from its feed as it reaches its
 * terminal made its last stop; trips listed before they have a train do not
 * make a service change; a long gap is over the longest gap the timetable
 * has there, and there is none where the line is not scheduled to stop.
 */
import { describe, expect, it } from "vitest";
import { buildTransitNetwork } from "../network";
import { loadTinyGtfs, type TinyTrip } from "../network/testing";
import { HeadwayTracker } from "./headways";
import { stopsMade } from "./made-stops";
import { serviceChanges } from "./service-changes";
import {
  at,
  type FakeTrip,
  RUN_SEC,
  SERVICE_DATE,
  snapshot,
  southboundA,
  subwayTrip,
  testNetwork,
  tripIdAt,
} from "./testing";
import { tripDelay } from "./trip-delay";
import { TripTracker } from "./trip-tracker";
import type { MadeStop, TrackedTrip } from "./types";

const net = await testNetwork();
const MIN = 60_000;
const typical = () => RUN_SEC;

describe("a train standing at a station", () => {
  /** A southbound A that reached A3 at 08:04 and stands there; A4 was first predicted for 08:06. */
  const standing = (now: number, leaves: number): TrackedTrip => {
    const trip = subwayTrip({
      tripId: tripIdAt("A", "S", 8, 0),
      stops: [
        ["A3", at(8, 4)],
        ["A4", leaves + RUN_SEC * 1000],
      ],
    });
    trip.stops[0].departure = leaves;
    return {
      key: trip.key,
      tripId: trip.tripId,
      feed: "subway-ace",
      route: "A",
      direction: "S",
      trainId: null,
      isAssigned: true,
      matchKey: null,
      stops: trip.stops,
      feedTimestamp: now,
      firstEta: new Map([
        ["A3", at(8, 4)],
        ["A4", at(8, 6)],
      ]),
      lastMade: { stationId: "A2", time: at(8, 2) },
      running: true,
      pending: false,
    };
  };

  it("is late against the stop after it: held 10 min at A3, 8 min late for A4 (2 min run)", () => {
    // At 08:14 the feed says it leaves in 30 s: A4 at 08:16:30, first predicted for 08:06.
    const now = at(8, 14);
    const { delaySec, discrepancySec } = tripDelay(standing(now, at(8, 14, 30)), now, typical);
    expect(discrepancySec).toBe(10 * 60 + 30);
    // now - (arrival at A3 + typical 2 min) = 08:14 - 08:06.
    expect(delaySec).toBe(8 * 60);
  });

  it("is not delayed while it dwells as usual", () => {
    const now = at(8, 4, 20);
    expect(tripDelay(standing(now, at(8, 4, 30)), now, typical).delaySec).toBe(0);
  });
});

describe("a trip gone from its feed", () => {
  const stop = (stationId: string, time: number) => ({
    stopId: `${stationId}S`,
    stationId,
    direction: "S" as const,
    time,
    arrival: time,
  });

  it("made its last stop when it was due there within a minute (the feeds drop a trip as it arrives)", () => {
    const made = stopsMade([stop("A6", at(8, 10, 40))], [], at(8, 10, 0));
    expect(made).toEqual([{ stop: stop("A6", at(8, 10, 40)), time: at(8, 10, 0) }]);
  });

  it("made nothing it was not yet due at when it left the feed far from its terminal", () => {
    expect(stopsMade([stop("A5", at(8, 12)), stop("A6", at(8, 14))], [], at(8, 10))).toEqual([]);
  });
});

describe("service changes of trains, not of trips listed ahead of them", () => {
  const now = at(8, 30);
  const truncated = (m: number, assigned: boolean): FakeTrip => ({
    tripId: tripIdAt("A", "S", 8, m),
    stops: southboundA(at(8, 30)).slice(2, 4),
    assigned,
  });
  const normal = (m: number): FakeTrip => ({
    tripId: tripIdAt("A", "S", 8, m),
    stops: southboundA(at(8, 30)).slice(1),
  });
  const tracked = (trips: FakeTrip[]) => {
    const t = new TripTracker(net.routeIds());
    t.apply(snapshot("subway-ace", now, trips));
    return t.tripList();
  };

  it("ignores routings of trips with no train assigned yet", () => {
    const trips = tracked([truncated(20, false), truncated(21, false), normal(22)]);
    expect(serviceChanges("A", trips, net, now).filter((c) => c.direction === "S")).toEqual([]);
  });

  it("reports a change all judged trains run, however many trips are listed ahead", () => {
    const trips = tracked(
      [truncated(20, true), normal(40), normal(41)].map((t, i) => ({ ...t, assigned: i === 0 })),
    );
    expect(serviceChanges("A", trips, net, now).filter((c) => c.direction === "S")).toEqual([
      { kind: "truncated", direction: "S", description: "Southbound trains end at A4 St instead of A6 St" },
    ]);
  });
});

describe("long gaps", () => {
  const made = (stationId: string, time: number, tripKey: string): MadeStop => ({
    tripKey,
    route: "A",
    direction: "S",
    stationId,
    time,
    assigned: true,
    firstEta: time,
    from: null,
  });
  const gapAt = (stationId: string, gapMin: number) => {
    const h = new HeadwayTracker(net);
    h.add([made(stationId, at(8, 0), "t1"), made(stationId, at(8, 0) + gapMin * MIN, "t2")]);
    h.advance(at(8, 0) + gapMin * MIN + 3 * MIN);
    return h.summary("A", "S", at(8, 0) + gapMin * MIN + 3 * MIN);
  };

  it("are 2 min or more over the longest scheduled gap (A: every 10 min)", () => {
    expect(gapAt("A3", 11.5).recentLongGap).toBeNull();
    expect(gapAt("A3", 12).recentLongGap).toMatchObject({ stationId: "A3", sec: 720, scheduledSec: 600 });
  });

  it("are over the longest scheduled gap, not the hour's mean (trains at 08:00, 08:04, 08:14, 08:18)", async () => {
    // The timetable's gaps at X are 4, 10 and 4 min (mean 6): 11 min is 1 over the longest, no long gap.
    const trip = (m: number): TinyTrip => ({
      id: `WKD-0${m}_U..S`,
      route: "U",
      direction: "S",
      stops: [
        ["X", (8 * 60 + m) * 60],
        ["Y", (8 * 60 + m + 2) * 60],
      ],
    });
    const uneven = buildTransitNetwork(
      await loadTinyGtfs({
        stations: [
          { id: "X", lat: 40.8, lon: -73.9 },
          { id: "Y", lat: 40.79, lon: -73.9 },
        ],
        routes: [{ id: "U" }],
        trips: [0, 4, 14, 18].map(trip),
      }),
      SERVICE_DATE,
    );
    const h = new HeadwayTracker(uneven);
    const madeU = (time: number, tripKey: string) => ({ ...made("X", time, tripKey), route: "U" });
    h.add([madeU(at(8, 3), "t1"), madeU(at(8, 14), "t2"), madeU(at(8, 30), "t3")]);
    h.advance(at(8, 35));
    const s = h.summary("U", "S", at(8, 35));
    expect(s.count).toBe(2); // 11 and 16 min
    expect(s.longGaps).toBe(1);
    expect(s.recentLongGap).toMatchObject({ stationId: "X", sec: 16 * 60, scheduledSec: 600 });
  });

  it("are not counted where the line has no scheduled stop (a detour)", () => {
    const s = gapAt("B2", 40);
    expect(s.count).toBe(1);
    expect(s.longGaps).toBe(0);
    expect(s.recentLongGap).toBeNull();
  });
});
