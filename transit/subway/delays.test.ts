import { describe, expect, it } from "vitest";
import {
  A_STATIONS,
  at,
  metricAt,
  type PlayedTrain,
  playTrains,
  RUN_SEC,
  runSubway,
  southboundA,
  statusAt,
  testNetwork,
  tripIdAt,
} from "./testing";

/**
 * One southbound A train leaves A1 at 08:00 and is held 6 min before A3: the
 * feed keeps predicting the timetable until 08:03, then the true times
 * (A3 at 08:10 instead of 08:04). Expected arrival at A3 is A2 (08:02) plus
 * the typical 2 min, so the delay is min(6 min, now - 08:04): 5 min, hence
 * "delayed", at 08:09 exactly. Once A3 is made (08:10) the train runs
 * normally and the delay falls back to 0. Two northbound trains keep the
 * other direction running as scheduled.
 */
const HOLD_MS = 6 * 60_000;
const original = southboundA(at(8, 0));
const held: Array<[string, number]> = original.map(([s, t], i) => [s, i >= 2 ? t + HOLD_MS : t]);
const late: PlayedTrain = {
  tripId: tripIdAt("A", "S", 8, 0),
  truth: held,
  predict: (s, trueTime, ts) => (ts < at(8, 3) ? original.find(([x]) => x === s)![1] : trueTime),
};
const northbound = (start: number): PlayedTrain => ({
  tripId: `0${Math.round((start - at(0)) / 600)}_A..N`.slice(-11).padStart(11, "0"),
  truth: [...A_STATIONS].reverse().map((s, i) => [s, start + i * RUN_SEC * 1000] as [string, number]),
});

describe("a train held 6 minutes", async () => {
  const net = await testNetwork();
  const n1: PlayedTrain = { tripId: tripIdAt("A", "N", 7, 56), truth: northbound(at(7, 56)).truth };
  const n2: PlayedTrain = { tripId: tripIdAt("A", "N", 8, 6), truth: northbound(at(8, 6)).truth };
  const n3: PlayedTrain = { tripId: tripIdAt("A", "N", 8, 16), truth: northbound(at(8, 16)).truth };
  const snaps = playTrains([late, n1, n2, n3], at(7, 55, 5), at(8, 40));
  const r = runSubway(net, snaps, { start: at(7, 55), end: at(8, 40) });
  const key = { route: "A", direction: "S" };

  it("is not delayed at 08:08:59 (4 min 59 s over), and the line shows Good service", () => {
    expect(statusAt(r, "A", at(8, 8, 59))?.status).toBe("Good service");
    expect(metricAt(r, "subway.delayed_trains", key, at(8, 8, 59))).toBe(0);
  });

  it("becomes delayed at 08:09 on the clock: the line shows Delays with the reason", () => {
    const s = statusAt(r, "A", at(8, 9))!;
    expect(s.status).toBe("Delays");
    expect(s.reasons[0]).toBe("1 train delayed (max 5 min)");
    expect(s.delayedTrains).toBe(1);
    expect(s.maxDelaySec).toBe(300);
    expect(metricAt(r, "subway.delayed_trains", key, at(8, 9))).toBe(1);
    expect(metricAt(r, "subway.delay_max_15m", key, at(8, 10))).toBe(360);
  });

  it("recovers to Good service once A3 is made and the train runs normally", () => {
    expect(statusAt(r, "A", at(8, 10, 4))?.status).toBe("Delays");
    expect(statusAt(r, "A", at(8, 10, 5))?.status).toBe("Good service");
    expect(metricAt(r, "subway.delayed_trains", key, at(8, 12))).toBe(0);
  });

  it("keeps the mean and max delay over 15 and 60 minutes of clock samples", () => {
    // Per-minute delays 07:56..08:10: 0 x9, then 60, 120, 180, 240, 300, 360 at 08:05..08:10.
    expect(metricAt(r, "subway.delay_mean_15m", key, at(8, 10))).toBe(
      (60 + 120 + 180 + 240 + 300 + 360) / 15,
    );
    // By 08:26 the 15-min window (08:11, 08:26] holds only zero delays (the train ran to A6 at 08:16);
    // the 60-min window still has the 6 min.
    expect(metricAt(r, "subway.delay_max_15m", key, at(8, 26))).toBe(0);
    expect(metricAt(r, "subway.delay_max_60m", key, at(8, 26))).toBe(360);
    // 08:17..08:31: no southbound train ran, the 15-min windows are empty and not reported.
    const last = r.metrics.filter(([t]) => t === at(8, 32)).flatMap(([, m]) => m);
    expect(last.some((m) => m.metric === "subway.delay_max_15m" && m.key.direction === "S")).toBe(false);
    expect(last.find((m) => m.metric === "subway.delay_max_60m" && m.key.direction === "S")?.value).toBe(360);
  });
});
