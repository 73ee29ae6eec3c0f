import { describe, expect, it } from "vitest";
import { nextTrainWaits } from "./next-train-wait";
import { PredictionErrors } from "./prediction-error";
import {
  at,
  metricAt,
  type PlayedTrain,
  playTrains,
  runSubway,
  snapshot,
  testNetwork,
  tripIdAt,
} from "./testing";
import { tripStatus } from "./trip-delay";
import { TripTracker } from "./trip-tracker";

const net = await testNetwork();
const now = at(8, 30);
const s = (sec: number) => now + sec * 1000;

describe("next-train wait across a line's stations", () => {
  const tracker = new TripTracker(net.routeIds());
  tracker.apply(
    snapshot("subway-ace", now, [
      // southbound: A4 in 60 s, A5 in 180 s, A6 in 300 s; a second train behind it (A4 in 400 s) does not count
      {
        tripId: tripIdAt("A", "S", 8, 20),
        stops: [
          ["A4", s(60)],
          ["A5", s(180)],
          ["A6", s(300)],
        ],
      },
      { tripId: tripIdAt("A", "S", 8, 26), stops: [["A4", s(400)]] },
      // northbound: A2 in 30 s, A1 in 150 s
      {
        tripId: tripIdAt("A", "N", 8, 22),
        stops: [
          ["A2", s(30)],
          ["A1", s(150)],
        ],
      },
      // stalled (vehicle 100 s behind the feed): its 5 s to A3 is not a countdown
      { tripId: tripIdAt("A", "N", 8, 21), stops: [["A3", s(5)]], vehicleTimestamp: s(-100) },
    ]),
  );
  const statuses = tracker.tripList().map((t) => tripStatus(t, now, () => undefined));

  it("is the mean, p90 and p99 of the time to the next train at each station with one", () => {
    // waits: 30, 60, 150, 180, 300 s. Type-7 quantiles: p90 at rank 3.6 = 180 + 0.6 x 120; p99 at 3.96.
    expect(nextTrainWaits("A", statuses, net, now)).toEqual({
      mean: (30 + 60 + 150 + 180 + 300) / 5,
      p90: 180 + 0.6 * 120,
      p99: 180 + 0.96 * 120,
      stations: 5,
    });
    expect(nextTrainWaits("B", statuses, net, now)).toBeUndefined();
  });
});

describe("prediction accuracy", () => {
  it("averages |first ETA seen - time made| over the last hour, per route", () => {
    const p = new PredictionErrors();
    const made = (route: string, time: number, firstEta: number) => ({
      tripKey: "t",
      route,
      direction: "S" as const,
      stationId: "A1",
      time,
      assigned: true,
      firstEta,
      from: null,
    });
    p.add([
      made("A", at(8, 0), at(8, 0) - 60_000),
      made("A", at(8, 10), at(8, 10) + 180_000),
      made("B", at(8, 5), at(8, 5)),
    ]);
    expect(p.summary(at(8, 30))).toEqual(
      new Map([
        ["A", { meanAbsSec: 120, count: 2 }],
        ["B", { meanAbsSec: 0, count: 1 }],
      ]),
    );
    expect(p.summary(at(9, 5))).toEqual(new Map([["A", { meanAbsSec: 180, count: 1 }]])); // 08:00 and 08:05 left
  });

  it("is measured from the feed: a train first predicted at A3 for 08:04 that arrives 08:10 is 6 min off there", () => {
    const original: Array<[string, number]> = ["A1", "A2", "A3", "A4"].map((x, i) => [x, at(8, 2 * i)]);
    const late: PlayedTrain = {
      tripId: tripIdAt("A", "S", 8, 0),
      truth: original.map(([x, t], i) => [x, i >= 2 ? t + 360_000 : t]),
      predict: (x, trueTime, ts) => (ts < at(8, 3) ? original.find(([y]) => y === x)![1] : trueTime),
    };
    const r = runSubway(net, playTrains([late], at(7, 58, 5), at(8, 20)), {
      start: at(7, 58),
      end: at(8, 20),
    });
    // A1 0, A2 0, A3 360, A4 360 s.
    expect(metricAt(r, "subway.prediction_error", { route: "A" }, at(8, 20))).toEqual({
      meanAbsSec: 180,
      count: 4,
    });
  });
});
