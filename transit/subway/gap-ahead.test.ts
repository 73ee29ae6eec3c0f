import { describe, expect, it } from "vitest";
import type { SubwayFeedSnapshot } from "../../adapters/subway";
import { MINUTE, output, pullInput, run, timer } from "../../engine";
import type { StationArrivals, TrainView } from "../contract";
import { HEADWAY_MAX_GAP_MS } from "./constants";
import {
  type Arrived,
  type GapAhead,
  GapAheadBoard,
  gapAheadNode,
  gapAheadSummary,
  gapsAhead,
  type LastArrival,
} from "./gap-ahead";
import {
  at,
  metricAt,
  type PlayedTrain,
  playTrains,
  RUN_SEC,
  runSubway,
  southboundA,
  testNetwork,
  tripIdAt,
} from "./testing";
import { isStalled } from "./trip-delay";
import {
  arrivalsNode,
  cancelledNode,
  trackTripsNode,
  trainsNode,
  travelTimesNode,
  tripStatusesNode,
} from "./trip-nodes";
import type { Direction, MadeStop, TrackedTrip } from "./types";

/** A tracked trip with the given upcoming stops [station, predicted arrival]. */
function trip(
  key: string,
  stops: Array<[string, number]>,
  extra: Partial<TrackedTrip> & { route?: string; direction?: Direction } = {},
): TrackedTrip {
  const direction = extra.direction ?? "S";
  return {
    key,
    tripId: key,
    feed: "subway-ace",
    route: "A",
    direction,
    trainId: null,
    isAssigned: true,
    matchKey: null,
    stops: stops.map(([stationId, t]) => ({
      stopId: `${stationId}${direction}`,
      stationId,
      direction,
      time: t,
      arrival: t,
      departure: t,
    })),
    feedTimestamp: at(8, 3, 45),
    firstEta: new Map(),
    // A stop seen made: the train is on its way to stops[0] (see the origin test for one that is not).
    lastMade: { stationId: "A0", time: at(8) },
    running: true,
    pending: false,
    ...extra,
  };
}

/** Last arrivals of route A southbound, as [station, time, trip]. */
function arrivals(list: Array<[string, number, string]>, line = "A|S"): LastArrival {
  const m = new Map<string, Arrived>(list.map(([s, time, tripKey]) => [`${line}#${s}`, { time, tripKey }]));
  return (l, s) => m.get(`${l}#${s}`);
}

const byKey = (gaps: GapAhead[]) => new Map(gaps.map((g) => [g.tripKey, g]));
const NOW = at(8, 3, 45);
const net = await testNetwork();
const typical = () => RUN_SEC;
const CTX = { now: NOW, net, typical };

describe("gapsAhead on hand-made trips (route A southbound, now 08:03:45)", () => {
  // t1 and t2 both run A2 -> A3 (bunched): A3 at 08:04 and 08:05:30. t3 runs A1 -> A2: A2 at 08:06.
  // Made: t0 reached A3 at 07:58; t2 reached A2 at 08:03:30.
  const t1 = trip("t1", [
    ["A3", at(8, 4)],
    ["A4", at(8, 6)],
    ["A5", at(8, 8)],
  ]);
  const t2 = trip("t2", [
    ["A3", at(8, 5, 30)],
    ["A4", at(8, 7, 30)],
  ]);
  const t3 = trip("t3", [
    ["A2", at(8, 6)],
    ["A3", at(8, 8)],
    ["A4", at(8, 10)],
  ]);
  const made = arrivals([
    ["A3", at(7, 58), "t0"],
    ["A2", at(8, 3, 30), "t2"],
  ]);

  it("gives three trains the gaps worked out by hand", () => {
    const g = byKey(gapsAhead([t3, t1, t2], made, CTX));
    // t1 is first at A3: the train ahead is t0's arrival there, 08:04 - 07:58 = 6 min.
    expect(g.get("t1")).toEqual({
      tripKey: "t1",
      route: "A",
      direction: "S",
      stationId: "A3",
      eta: at(8, 4),
      aheadAt: at(7, 58),
      aheadTripKey: "t0",
      aheadMade: true,
      gapSec: 360,
    });
    // t2 follows t1 into A3: 08:05:30 - 08:04 = 90 s (t1's prediction is later than t0's arrival).
    expect(g.get("t2")).toMatchObject({ stationId: "A3", aheadTripKey: "t1", aheadMade: false, gapSec: 90 });
    // t3's next is A2, which nobody else lists: t2's arrival there, 08:06 - 08:03:30 = 150 s.
    expect(g.get("t3")).toMatchObject({ stationId: "A2", aheadTripKey: "t2", aheadMade: true, gapSec: 150 });
    // In the order given.
    expect(gapsAhead([t3, t1, t2], made, CTX).map((x) => x.tripKey)).toEqual(["t3", "t1", "t2"]);
  });

  it("takes the lead train's gap from the last arrival made at its next station, null when none", () => {
    expect(gapsAhead([t1], made, CTX)[0]).toMatchObject({ aheadTripKey: "t0", gapSec: 360 });
    expect(gapsAhead([t1], arrivals([]), CTX)[0]).toMatchObject({
      stationId: "A3",
      aheadAt: null,
      aheadTripKey: null,
      gapSec: null,
    });
    // An arrival made after the train's own ETA there is not ahead of it.
    expect(gapsAhead([t1], arrivals([["A3", at(8, 4, 1), "t0"]]), CTX)[0].gapSec).toBeNull();
    // Nor is an arrival made at another station, or by another line at this one.
    expect(gapsAhead([t1], arrivals([["A2", at(8, 0), "t0"]]), CTX)[0].gapSec).toBeNull();
    expect(gapsAhead([t1], arrivals([["A3", at(8, 0), "n0"]], "A|N"), CTX)[0].gapSec).toBeNull();
  });

  it("does not take an express that skips the station for the train ahead", () => {
    // x (route A running express) passes A2 at about 08:05 without stopping: it lists A1 -> A3 only.
    const x = trip("x", [
      ["A3", at(8, 7)],
      ["A4", at(8, 9)],
    ]);
    const local = trip("local", [
      ["A2", at(8, 6)],
      ["A3", at(8, 8)],
    ]);
    const g = byKey(
      gapsAhead(
        [x, local],
        arrivals([
          ["A2", at(8, 0), "t0"],
          ["A3", at(8, 4), "t0"],
        ]),
        CTX,
      ),
    );
    // The local's train ahead at A2 is still t0 (08:06 - 08:00), not the express passing through.
    expect(g.get("local")).toMatchObject({ stationId: "A2", aheadTripKey: "t0", gapSec: 360 });
    // At A3 the express comes first (08:07 < 08:08): its own train ahead is t0 (08:07 - 08:04).
    expect(g.get("x")).toMatchObject({ stationId: "A3", aheadTripKey: "t0", gapSec: 180 });
  });

  it("counts a stalled train ahead at its ETA as it stands, and gives it a gap of its own", () => {
    // t1 stalled (vehicle 5 min behind its feed) and its A3 ETA, 08:03, already past: it stands at A3.
    const stalled = trip(
      "t1",
      [
        ["A3", at(8, 3)],
        ["A4", at(8, 6)],
      ],
      { vehicle: { timestamp: NOW - 5 * MINUTE } },
    );
    expect(isStalled(stalled)).toBe(true);
    const g = byKey(gapsAhead([stalled, t2], made, CTX));
    // t2's train ahead at A3 is t1 at its stale 08:03: 08:05:30 - 08:03 = 150 s.
    expect(g.get("t2")).toMatchObject({ aheadTripKey: "t1", gapSec: 150 });
    // t1 itself is measured at the station after (A4, 08:06), where nobody is known ahead.
    expect(g.get("t1")).toMatchObject({ stationId: "A4", gapSec: null });
  });

  it("measures a train standing at a station (STOPPED_AT) at the station after", () => {
    const standing = trip(
      "t2",
      [
        ["A3", at(8, 5, 30)],
        ["A4", at(8, 7, 30)],
      ],
      { vehicle: { status: "STOPPED_AT", stopId: "A3S", timestamp: NOW } },
    );
    // A4: t1 is predicted there at 08:06, so 08:07:30 - 08:06 = 90 s.
    expect(byKey(gapsAhead([t1, standing], made, CTX)).get("t2")).toMatchObject({
      stationId: "A4",
      aheadTripKey: "t1",
      gapSec: 90,
    });
  });

  it("measures a train first seen at its origin, with no run to it known, at the station after", () => {
    // Waiting at A1 to leave at 08:06 (nothing before A1 southbound): the map sits it on A1, next A2.
    const origin = trip(
      "o",
      [
        ["A1", at(8, 6)],
        ["A2", at(8, 8)],
      ],
      { lastMade: null },
    );
    expect(net.previousStation("A", "S", "A1")).toBeUndefined();
    // A2: t2's arrival made at 08:03:30, so 08:08 - 08:03:30 = 270 s.
    expect(gapsAhead([origin], made, CTX)[0]).toMatchObject({ stationId: "A2", gapSec: 270 });
    // First seen mid-route (before A3 lies A2, 2 min typical): on its way to A3.
    const mid = trip("m", [["A3", at(8, 6)]], { lastMade: null });
    expect(gapsAhead([mid], made, CTX)[0]).toMatchObject({ stationId: "A3", gapSec: 480 });
    // ...unless no typical run A2 -> A3 is known: then it sits at A3, with no station after.
    expect(gapsAhead([mid], made, { ...CTX, typical: () => undefined })).toEqual([]);
  });

  it("compares only trains of the same route and direction", () => {
    const b = trip("b", [["A3", at(8, 5)]], { route: "B" });
    const north = trip("n", [["A3", at(8, 5)]], { direction: "N" });
    // Both are due at A3 between t1 (08:04) and t2 (08:05:30): t2 still measures from t1.
    const g = byKey(gapsAhead([t1, t2, b, north], made, CTX));
    expect(g.get("t2")).toMatchObject({ aheadTripKey: "t1", gapSec: 90 });
    expect(g.get("b")?.gapSec).toBeNull();
    expect(g.get("n")?.gapSec).toBeNull();
  });

  it("puts two trains due together 0 s apart, the smaller trip key first", () => {
    const a = trip("ta", [["A3", at(8, 4)]]);
    const b = trip("tb", [["A3", at(8, 4)]]);
    const g = byKey(gapsAhead([b, a], made, CTX));
    expect(g.get("ta")).toMatchObject({ aheadTripKey: "t0", gapSec: 360 });
    expect(g.get("tb")).toMatchObject({ aheadTripKey: "ta", gapSec: 0 });
    // A trip listing A3 twice, the second time earlier (a feed's error), is not its own train ahead:
    // 08:06 - t0's 07:58.
    const twice = trip("w", [
      ["A3", at(8, 6)],
      ["A3", at(8, 5)],
    ]);
    expect(gapsAhead([twice], made, CTX)[0]).toMatchObject({ aheadTripKey: "t0", gapSec: 480 });
  });

  it("gives no gap to a trip not running or with no next station, yet lets it be ahead", () => {
    // `done` still lists A3 at 08:04 but is not running: it is ahead of t2, and has no gap itself.
    const done = trip("done", [["A3", at(8, 4)]], { running: false });
    const atTerminal = trip("end", [["A6", at(8, 3)]]); // due before now: standing at its last stop
    const g = byKey(gapsAhead([done, t2, atTerminal], made, CTX));
    expect([...g.keys()]).toEqual(["t2"]);
    expect(g.get("t2")).toMatchObject({ aheadTripKey: "done", gapSec: 90 });
  });

  it("summarises per line the trains with a known gap", () => {
    const s = gapAheadSummary(gapsAhead([t1, t2, t3, trip("lead", [["A6", at(8, 9)]])], made, CTX));
    // 360, 90 and 150; the lead train at A6 has none.
    expect([...s]).toEqual([["A|S", { count: 3, meanSec: 200, minSec: 90, maxSec: 360 }]]);
  });
});

describe("GapAheadBoard across ticks", () => {
  const made = (tripKey: string, stationId: string, time: number): MadeStop => ({
    tripKey,
    route: "A",
    direction: "S",
    stationId,
    time,
    assigned: true,
    firstEta: time,
    from: null,
  });
  const statuses = (...trips: TrackedTrip[]) => trips.map((trip) => ({ trip }));

  it("follows a line across two feeds, and drops a trip when its feed no longer lists it", () => {
    const lead = trip("lead", [["A3", at(8, 4)]]);
    const next = trip("next", [["A3", at(8, 7)]]);
    const feeds = new Map([
      ["f1", statuses(lead)],
      ["f2", statuses(next)],
    ]);
    const b = new GapAheadBoard(net);
    const tick = (now: number, changed: string[], m: MadeStop[] = []) =>
      b.update({ now, typical, changed, tripsOf: (f) => feeds.get(f) ?? [], made: m });
    expect(tick(NOW, ["f1", "f2"])).toBe(true);
    expect(b.byTrip().get("next")).toMatchObject({ aheadTripKey: "lead", gapSec: 180 });
    // Nothing changed: nothing recomputed.
    expect(tick(NOW, [])).toBe(false);
    // f1's next snapshot: the lead made A3 at 08:04 and left the feed. f2 did not change, yet its train's
    // gap is recomputed (same line): from the arrival made, 08:07 - 08:04 = 180 s.
    feeds.set("f1", []);
    expect(tick(at(8, 4, 30), ["f1"], [made("lead", "A3", at(8, 4))])).toBe(true);
    expect(b.byTrip().get("next")).toMatchObject({ aheadTripKey: "lead", aheadMade: true, gapSec: 180 });
    expect(b.tripsHeld()).toBe(1);
    expect(b.byTrip().has("lead")).toBe(false);
    // f1 lists a train due at A3 at 08:06, then drops it with no stop made (taken out of service):
    // f2's train measures from it (60 s), then again from the lead's arrival (180 s).
    feeds.set("f1", statuses(trip("ghost", [["A3", at(8, 6)]])));
    tick(at(8, 5), ["f1"]);
    expect(b.byTrip().get("next")).toMatchObject({ aheadTripKey: "ghost", gapSec: 60 });
    feeds.set("f1", []);
    tick(at(8, 5, 30), ["f1"]);
    expect(b.byTrip().get("next")).toMatchObject({ aheadTripKey: "lead", gapSec: 180 });
  });

  it("holds nothing once the trips end, and forgets arrivals after HEADWAY_MAX_GAP_MS", () => {
    const feeds = new Map<string, { trip: TrackedTrip }[]>();
    const b = new GapAheadBoard(net);
    const tick = (now: number, m: MadeStop[] = []) =>
      b.update({ now, typical, changed: ["f1"], tripsOf: (f) => feeds.get(f) ?? [], made: m });
    // A day of trains, one every 10 min for 3 h, each listed for one tick then gone.
    for (let i = 0; i < 18; i++) {
      const t0 = at(8) + i * 10 * MINUTE;
      feeds.set("f1", statuses(trip(`t${i}`, [["A3", t0 + MINUTE]])));
      tick(t0, [made(`t${i - 1}`, "A3", t0 - 9 * MINUTE)]);
      expect(b.byTrip().get(`t${i}`)?.gapSec).toBe(600);
      expect(b.tripsHeld()).toBe(1);
    }
    feeds.set("f1", []);
    const last = at(8) + 17 * 10 * MINUTE + MINUTE;
    tick(last, [made("t17", "A3", last)]);
    expect(b.tripsHeld()).toBe(0);
    expect(b.byTrip().size).toBe(0);
    expect(b.arrivalsHeld()).toBe(1); // A3's last arrival only: one per line and station
    tick(last + HEADWAY_MAX_GAP_MS - 1);
    expect(b.arrivalsHeld()).toBe(1);
    tick(last + HEADWAY_MAX_GAP_MS);
    expect(b.arrivalsHeld()).toBe(0);
    // A train after the lull has no train ahead.
    feeds.set("f1", statuses(trip("late", [["A3", last + HEADWAY_MAX_GAP_MS + MINUTE]])));
    tick(last + HEADWAY_MAX_GAP_MS + 1);
    expect(b.byTrip().get("late")?.gapSec).toBeNull();
  });
});

describe("gapAheadNode in the subway's trip graph", () => {
  function runGaps(snaps: Array<[number, SubwayFeedSnapshot]>, start: number, end: number) {
    const result = run(
      () => {
        const clock = timer(MINUTE);
        const tracked = trackTripsNode(pullInput("snapshots", snaps), clock, net);
        const travel = travelTimesNode(tracked, net);
        const trips = tripStatusesNode(tracked, travel, clock, net);
        output("gaps", gapAheadNode(tracked, trips, net));
        const tripsOnClock = tripStatusesNode(tracked, travel, clock, net, { onClockOnly: true });
        output("gapsOnClock", gapAheadNode(tracked, tripsOnClock, net, { onClockOnly: true }));
        output("trains", trainsNode(trips, net));
        output("arrivals", arrivalsNode(trips, cancelledNode(tracked, net), net));
      },
      { start, end },
    );
    const o = result.outputs as Record<string, Array<[number, never]>>;
    return {
      gaps: (o.gaps ?? []) as Array<[number, ReadonlyMap<string, GapAhead>]>,
      gapsOnClock: (o.gapsOnClock ?? []) as Array<[number, ReadonlyMap<string, GapAhead>]>,
      trains: (o.trains ?? []) as Array<[number, TrainView[]]>,
      arrivals: (o.arrivals ?? []) as Array<[number, ReadonlyMap<string, StationArrivals>]>,
    };
  }
  const asOf = <T>(list: Array<[number, T]>, t: number): T => list.filter(([time]) => time <= t).at(-1)![1];

  it("gives each train the gap between its departure and the one before, at the map's next station", () => {
    // Trains leave A1 at 08:00, 08:06 and 08:16, 2 min between stations, predictions exact: at every
    // station the second is 6 min behind the first and the third 10 min behind the second.
    const starts = [0, 6, 16];
    const trains: PlayedTrain[] = starts.map((m) => ({
      tripId: tripIdAt("A", "S", 8, m),
      truth: southboundA(at(8, m)),
    }));
    const r = runGaps(playTrains(trains, at(7, 55, 5), at(8, 40)), at(7, 55), at(8, 40));
    const expected = new Map([
      [trains[0].tripId, null],
      [trains[1].tripId, 360],
      [trains[2].tripId, 600],
    ]);
    let checked = 0;
    for (const [t, gaps] of r.gaps) {
      for (const g of gaps.values()) expect(g.gapSec).toBe(expected.get(g.tripKey.split("|")[1]));
      // Every train on the map has its gap at the station the map shows as next.
      for (const v of asOf(r.trains, t)) {
        expect(gaps.get(v.tripKey)?.stationId ?? null).toBe(v.nextStationId);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // 08:09: the second train is due at A3 at 08:10 and the first made it at 08:04.
    const mid = asOf(r.gaps, at(8, 9));
    expect(mid.get(`20250106|${trains[1].tripId}|`)).toMatchObject({
      stationId: "A3",
      aheadMade: true,
      gapSec: 360,
    });
    // The last train reached A6 at 08:26: no trip is held any more.
    expect(asOf(r.gaps, at(8, 39)).size).toBe(0);
  });

  it("computed on the clock only (from trip statuses of the clock only), gives on each clock tick what it gives when computed on every tick", () => {
    const trains: PlayedTrain[] = [0, 6, 16, 19].map((m) => ({
      tripId: tripIdAt("A", "S", 8, m),
      truth: southboundA(at(8, m)),
    }));
    const r = runGaps(playTrains(trains, at(7, 55, 5), at(8, 40)), at(7, 55), at(8, 40));
    expect(r.gapsOnClock.length).toBeGreaterThan(20);
    for (const [t, gaps] of r.gapsOnClock) {
      expect(t % MINUTE).toBe(0);
      // As a reader on the clock sees them (the latest), in the same order: the metric's mean is summed in it.
      expect([...gaps.entries()]).toEqual([...asOf(r.gaps, t).entries()]);
    }
  });

  it("ignores a cancelled trip: the gap runs to the train before it", () => {
    // Replacement period to 08:30:05: the feed lists the 08:00 and 08:20 southbound trips, so the 08:10
    // one is cancelled (and listed as such at A2, due 08:12). The 08:20 train waits at its origin A1, so its
    // next station is A2 (due 08:22), where the 08:00 train arrived at 08:02: 20 min, not 10.
    const trains: PlayedTrain[] = [0, 20].map((m) => ({
      tripId: tripIdAt("A", "S", 8, m),
      truth: southboundA(at(8, m)),
    }));
    const periods = () => [{ routeId: "A", endMs: at(8, 30, 5) }];
    const r = runGaps(playTrains(trains, at(7, 58, 5), at(8, 10), { periods }), at(7, 58), at(8, 10));
    const a2 = asOf(r.arrivals, at(8, 5)).get("A2")!.south;
    expect(a2.map((a) => [a.tripKey, a.cancelled])).toContainEqual(["cancelled:WKD-049000_A..S", true]);
    const g = asOf(r.gaps, at(8, 5)).get(`20250106|${trains[1].tripId}|`);
    expect(g).toMatchObject({
      stationId: "A2",
      eta: at(8, 22),
      aheadAt: at(8, 2),
      aheadMade: true,
      gapSec: 1200,
    });
  });
});

describe("the gap in the subway graph's outputs", () => {
  // Trains leave A1 at 08:00, 08:06 and 08:16, 2 min between stations, predictions exact: the first has
  // no train ahead, the second runs 6 min behind it and the third 10 min behind the second.
  const trains: PlayedTrain[] = [0, 6, 16].map((m) => ({
    tripId: tripIdAt("A", "S", 8, m),
    truth: southboundA(at(8, m)),
  }));
  const r = runSubway(net, playTrains(trains, at(7, 55, 5), at(8, 40)), { start: at(7, 55), end: at(8, 40) });
  const expected = new Map([
    [trains[0].tripId, undefined],
    [trains[1].tripId, 360],
    [trains[2].tripId, 600],
  ]);

  it("gives every train on the map its gap ahead, and none to the first", () => {
    let withGap = 0;
    for (const [, views] of r.trains)
      for (const v of views) {
        // A train standing at its last station has no next station, so no gap.
        expect(v.gapAheadSec).toBe(v.nextStationId === null ? undefined : expected.get(v.tripId));
        if (v.gapAheadSec !== undefined) withGap++;
      }
    expect(withGap).toBeGreaterThan(100);
    // Left out of the JSON when unknown (the trains topic stays short).
    const first = r.trains.flatMap(([, views]) => views).find((v) => v.tripId === trains[0].tripId)!;
    expect(JSON.parse(JSON.stringify(first))).not.toHaveProperty("gapAheadSec");
  });

  it("exports subway.gap_ahead per line on the clock: count, mean, min and max of the known gaps", () => {
    const key = { route: "A", direction: "S" };
    // 08:05: the three trains run; the first has no train ahead, so the gaps are 360 s and 600 s.
    expect(metricAt(r, "subway.gap_ahead", key, at(8, 5))).toEqual({
      count: 2,
      meanSec: 480,
      minSec: 360,
      maxSec: 600,
    });
    // 08:13: the first train reached A6 at 08:10; the second (360 s) and third (600 s) run.
    expect(metricAt(r, "subway.gap_ahead", key, at(8, 13))).toEqual({
      count: 2,
      meanSec: 480,
      minSec: 360,
      maxSec: 600,
    });
    // 08:20: the second reached A6 at 08:16; the third alone, 10 min behind it.
    expect(metricAt(r, "subway.gap_ahead", key, at(8, 20))).toEqual({
      count: 1,
      meanSec: 600,
      minSec: 600,
      maxSec: 600,
    });
    // Only on the clock (whole minutes from 07:55), though the gaps are recomputed on every snapshot.
    const times = r.metrics.filter(([, ticks]) => ticks.some((m) => m.metric === "subway.gap_ahead"));
    expect(times.length).toBeGreaterThan(10);
    for (const [t] of times) expect((t - at(7, 55)) % MINUTE).toBe(0);
  });
});
