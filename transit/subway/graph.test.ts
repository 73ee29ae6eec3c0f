import { describe, expect, it } from "vitest";
import { stableStringify } from "../../engine";
import type { LineStatus } from "../contract";
import {
  A_STATIONS,
  at,
  metricAt,
  type PlayedTrain,
  playTrains,
  RUN_SEC,
  runSubway,
  statusAt,
  testNetwork,
  tripIdAt,
} from "./testing";

const net = await testNetwork();

/** Route A as scheduled all day: both directions every 10 min 06:00-21:50, each listed 5 min before it leaves. */
function scheduledDay(): PlayedTrain[] {
  const out: PlayedTrain[] = [];
  for (let m = 6 * 60; m < 22 * 60; m += 10) {
    const start = at(0, m);
    for (const d of ["N", "S"] as const) {
      const order = d === "S" ? A_STATIONS : [...A_STATIONS].reverse();
      out.push({
        tripId: tripIdAt("A", d, 0, m),
        truth: order.map((s, i) => [s, start + i * RUN_SEC * 1000] as [string, number]),
        from: start - 5 * 60_000,
      });
    }
  }
  return out;
}

describe("a whole scheduled day through the graph", () => {
  const trains = scheduledDay();
  const snaps = playTrains(trains, at(5, 55, 5), at(22, 30));
  const t0 = performance.now();
  const r = runSubway(net, snaps, { start: at(5, 55), end: at(22, 30), hash: true });
  const ms = performance.now() - t0;
  console.info(`subway graph: ${snaps.length} snapshots, ${r.result.cycles} cycles in ${ms.toFixed(0)} ms`);
  const key = { route: "A", direction: "S" };

  it("counts the trains running at noon like the feed says", () => {
    // Last snapshot before noon: 11:59:35. Listed trains with a stop at or after it, per direction.
    const ts = at(11, 59, 35);
    const expected = trains.filter(
      (t) =>
        t.tripId.endsWith("S") &&
        t.from! <= ts &&
        t.truth.some(([, x]) => x >= ts) &&
        t.truth.some(([, x]) => x > ts),
    ).length;
    expect(expected).toBe(2);
    expect(metricAt(r, "subway.trains_running", key, at(12))).toBe(expected);
    expect(statusAt(r, "A", at(12))?.status).toBe("Good service");
  });

  it("holds exactly the last hour's settled headways at noon: all on schedule", () => {
    // Station i sees a train at every (2i mod 10) minutes. In (11:00, 11:58] (settled 2 min):
    let count = 0;
    for (let i = 0; i < A_STATIONS.length; i++)
      for (let t = at(10, 30) + i * RUN_SEC * 1000; t <= at(11, 58); t += 600_000) if (t > at(11)) count++;
    expect(metricAt(r, "subway.headway_actual", key, at(12))).toEqual({ meanSec: 600, maxSec: 600, count });
    expect(metricAt(r, "subway.wait_assessment", key, at(12))).toBe(1);
    expect(metricAt(r, "subway.expected_wait", key, at(12))).toBe(300);
    expect(metricAt(r, "subway.headway_discrepancy", key, at(12))).toBe(0);
    expect(metricAt(r, "subway.delayed_trains", key, at(12))).toBe(0);
  });

  it("is not scheduled again at night once the last trains are gone", () => {
    // The last trips leave 21:50 and arrive 22:00: between trains for 15 min, then none due or running.
    expect(statusAt(r, "A", at(22, 5))).toMatchObject({
      status: "Good service",
      reasons: ["no train on the line right now"],
    });
    expect(statusAt(r, "A", at(22, 29))?.status).toBe("Not scheduled");
  });

  it("emits every metric on each clock tick, in a fixed order, and none between", () => {
    const onClock = r.metrics.filter(([t]) => t > at(5, 55));
    const names = (ticks: (typeof r.metrics)[number][1]) => new Set(ticks.map((m) => m.metric));
    expect(onClock.length).toBeGreaterThan(16 * 60);
    for (const [t] of r.metrics) expect(t % 60_000).toBe(0);
    for (const [, ticks] of onClock) {
      expect(names(ticks).has("subway.trains_running")).toBe(true);
      expect(names(ticks).has("subway.status")).toBe(true);
      const order = ticks.map((m) => `${m.metric}|${m.key.route}|${m.key.direction ?? ""}`);
      expect(order).toEqual([...order].sort());
    }
    // The status board follows every snapshot; at each minute the metric says what the board says then.
    expect(r.status.filter(([t]) => t % 60_000 !== 0).length).toBeGreaterThan(0);
    let compared = 0;
    for (const [t, ticks] of onClock) {
      const board = r.status.find(([time]) => time === t)?.[1] as LineStatus[];
      const metric = ticks.filter((m) => m.metric === "subway.status").map((m) => m.value);
      expect(metric).toEqual(board);
      compared += metric.length;
    }
    expect(compared).toBeGreaterThan(16 * 60);
  });

  it("gives the same output, byte for byte, on a second run", () => {
    const again = runSubway(net, snaps, { start: at(5, 55), end: at(22, 30), hash: true });
    expect(again.result.hash).toBe(r.result.hash);
    expect(stableStringify(again.metrics)).toBe(stableStringify(r.metrics));
    expect(stableStringify(again.trains)).toBe(stableStringify(r.trains));
  });
});
