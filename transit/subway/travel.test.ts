import { describe, expect, it } from "vitest";
import type { SubwayStop } from "../../adapters/subway";
import { stopsMade } from "./made-stops";
import { patternRuntime, worstSlowSection } from "./runtime";
import {
  A_STATIONS,
  at,
  metricAt,
  playTrains,
  runSubway,
  southboundA,
  testNetwork,
  tripIdAt,
} from "./testing";
import { TravelTimes, tailShift } from "./travel-times";
import type { MadeStop, TrackedTrip } from "./types";

const net = await testNetwork();

const stop = (stationId: string, time: number): SubwayStop => ({
  stopId: `${stationId}S`,
  stationId,
  direction: "S",
  time,
  arrival: time,
  departure: time,
});

describe("stops made", () => {
  const before = [stop("A2", at(8, 2)), stop("A3", at(8, 4)), stop("A4", at(8, 6)), stop("A5", at(8, 8))];

  it("are the stops ahead of the first one still listed, at min(snapshot time, last prediction)", () => {
    // A newer snapshot at 08:04:10 lists A4 first: A2 and A3 were made, at their predicted 08:02 and 08:04.
    expect(stopsMade(before, before.slice(2), at(8, 4, 10)).map((m) => [m.stop.stationId, m.time])).toEqual([
      ["A2", at(8, 2)],
      ["A3", at(8, 4)],
    ]);
    // A train ahead of its last prediction (A2 at 08:09): made no later than the snapshot showing it gone.
    const early = [stop("A2", at(8, 9)), stop("A3", at(8, 11))];
    expect(stopsMade(early, [early[1]], at(8, 3)).map((m) => m.time)).toEqual([at(8, 3)]);
  });

  it("does not count a stop that left the middle of the list (skipped), nor anything when nothing left", () => {
    expect(stopsMade(before, [before[0], before[2], before[3]], at(8, 1))).toEqual([]);
    expect(stopsMade(before, before, at(8, 1))).toEqual([]);
  });

  it("counts the passed stops of a trip that left the feed, or was rerouted off its list", () => {
    expect(stopsMade(before, [], at(8, 5)).map((m) => m.stop.stationId)).toEqual(["A2", "A3"]);
    expect(stopsMade(before, [stop("X9", at(8, 9))], at(8, 5)).map((m) => m.stop.stationId)).toEqual([
      "A2",
      "A3",
    ]);
  });
});

const run = (from: string, to: string, sec: number, assigned = true): MadeStop => ({
  tripKey: "t",
  route: "A",
  direction: "S",
  stationId: to,
  time: at(8) + sec * 1000,
  assigned,
  firstEta: 0,
  from: { stationId: from, time: at(8) },
});

describe("typical travel time", () => {
  it("is a trimmed mean of the last 20 runs of assigned trains, each at least 20 s", () => {
    const tt = new TravelTimes(net);
    // Two old runs (pushed out by 20 newer), 18 runs of 120 s and two outliers of 600 s and 30 s.
    const runs = [1000, 1000, ...new Array(18).fill(120), 600, 30];
    tt.observe(runs.map((s) => run("A2", "A3", s)));
    tt.observe([run("A2", "A3", 900, false), run("A2", "A3", 15)]); // unassigned; too short: ignored
    // Last 20 sorted: 30, 120 x18, 600; trimming 2 at each end leaves 16 x 120.
    expect(tt.typical("S", "A2", "A3")).toEqual({ sec: 120, source: "observed" });
  });

  it("falls back to what predictions imply, then to the schedule", () => {
    const tt = new TravelTimes(net);
    expect(tt.typical("S", "A2", "A3")).toEqual({ sec: 120, source: "scheduled" });
    tt.observe([run("A2", "A3", 200), run("A2", "A3", 200)]); // two runs: too few to trust
    const trip = (eta3: number) =>
      ({
        direction: "S",
        stops: [stop("A2", at(8, 2)), stop("A3", at(8, 2) + eta3 * 1000)],
      }) as unknown as TrackedTrip;
    tt.observePredictions([trip(150), trip(170), trip(400)]);
    expect(tt.typical("S", "A2", "A3")).toEqual({ sec: 170, source: "predicted" }); // median of this snapshot
    tt.observe([run("A2", "A3", 200)]);
    expect(tt.typical("S", "A2", "A3")).toEqual({ sec: 200, source: "observed" });
    expect(tt.typical("S", "A3", "A2")).toBeUndefined(); // no such pair anywhere
  });
});

describe("runtime and slow sections", () => {
  const main = net.mainPattern("A", "S")!;

  it("equals the schedule with nothing observed", () => {
    expect(patternRuntime(main, new TravelTimes(net), net)).toEqual({
      actualSec: 600,
      scheduledSec: 600,
      slow: false,
    });
  });

  it("is slow when a 3-station section is 5+ min over although the whole run is not", () => {
    const tt = new TravelTimes(net);
    // A2>A3 and A3>A4 take 280 s (+160 each); A4>A5 and A5>A6 take 50 s (-70 each). Total +180.
    const obs = (from: string, to: string, s: number) => [1, 2, 3].map(() => run(from, to, s));
    tt.observe([
      ...obs("A2", "A3", 280),
      ...obs("A3", "A4", 280),
      ...obs("A4", "A5", 50),
      ...obs("A5", "A6", 50),
    ]);
    expect(patternRuntime(main, tt, net)).toEqual({
      actualSec: 600 + 180,
      scheduledSec: 600,
      slow: true,
      // A1..A4 is +320 as well, but A2..A4 says it with fewer stations.
      slowSection: { from: "A2", to: "A4", overSec: 320 },
    });
  });

  it("looks at sections of 3 to 7 stations only", () => {
    const st = ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"];
    // One pair 300 over: a 2-station section is not enough, the 3-station sections around it are.
    expect(worstSlowSection(st, [0, 0, 0, 300, 0, 0, 0, 0])).toEqual({ from: "s2", to: "s4", overSec: 300 });
    // 60 s over on every pair: 5 pairs (6 stations) reach 300, 6 pairs (7 stations) 360; 8 stations are not looked at.
    expect(worstSlowSection(st, new Array(8).fill(60))).toEqual({ from: "s0", to: "s6", overSec: 360 });
    expect(worstSlowSection(st, new Array(8).fill(40))).toBeUndefined(); // 6 x 40 = 240
  });

  it("is reported per line on the clock", () => {
    const trains = [0, 10].map((m) => ({ tripId: tripIdAt("A", "S", 8, m), truth: southboundA(at(8, m)) }));
    const r = runSubway(net, playTrains(trains, at(7, 58, 5), at(8, 30)), {
      start: at(7, 58),
      end: at(8, 30),
    });
    expect(metricAt(r, "subway.runtime", { route: "A", direction: "S" }, at(8, 30))).toEqual({
      actualSec: 600,
      scheduledSec: 600,
      slow: false,
    });
    expect(A_STATIONS.length).toBe(6);
  });
});

describe("tailShift", () => {
  const stops = (ids: string) => [...ids].map((stationId) => ({ stationId }) as SubwayStop);
  /** The plain version: the k at which before's stations from k on are after's, else -1. */
  const simple = (before: string, after: string) =>
    before.length >= after.length && before.endsWith(after) ? before.length - after.length : -1;

  it("is the shift at which the new list is the old one's tail, as the simple version says", () => {
    let seed = 3;
    const pick = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = () => Array.from({ length: pick(6) }, () => "ABC"[pick(3)]).join("");
    for (let i = 0; i < 3000; i++) {
      const before = word();
      const after = pick(2) ? before.slice(pick(before.length + 1)) : word();
      expect(tailShift(stops(before), stops(after))).toBe(simple(before, after));
    }
  });
});
