import { describe, expect, it } from "vitest";
import { expectedWaitSec, HeadwayTracker } from "./headways";
import { at, metricAt, playTrains, runSubway, southboundA, testNetwork, tripIdAt } from "./testing";
import type { MadeStop } from "./types";

const MIN = 60;

const madeAt = (stationId: string, time: number, tripKey: string): MadeStop => ({
  tripKey,
  route: "A",
  direction: "S",
  stationId,
  time,
  assigned: true,
  firstEta: time,
  from: null,
});

describe("expected wait", () => {
  it("is E[h^2] / (2 E[h]): headways of 4, 4 and 10 min give (16+16+100)/(2*18) min", () => {
    expect(expectedWaitSec([4 * MIN, 4 * MIN, 10 * MIN])).toBeCloseTo(
      (((16 + 16 + 100) / (2 * 18)) * MIN) as number,
      9,
    );
    // Even headways: a rider waits half of one.
    expect(expectedWaitSec([600, 600, 600])).toBe(300);
    expect(expectedWaitSec([])).toBeUndefined();
  });
});

describe("HeadwayTracker on hand-made stops (route A: 10 min scheduled at 08:00-09:00)", async () => {
  const net = await testNetwork();

  it("turns trains made at a station at 08:00, 08:04, 08:08 and 08:24 into headways 4, 4, 16 min with the derived metrics", () => {
    const h = new HeadwayTracker(net);
    const times = [at(8, 0), at(8, 4), at(8, 8), at(8, 24)];
    // Reported out of order (as two feeds' snapshots can): the settle delay puts them back in order.
    h.add([madeAt("A3", times[1], "t2"), madeAt("A3", times[0], "t1")]);
    h.add([madeAt("A3", times[3], "t4"), madeAt("A3", times[2], "t3")]);
    h.advance(at(8, 30));
    const s = h.summary("A", "S", at(8, 30));
    expect(s.count).toBe(3);
    expect(s.meanSec).toBe(((4 + 4 + 16) / 3) * MIN);
    expect(s.maxSec).toBe(16 * MIN);
    expect(s.scheduled).toEqual({ meanSec: 600, maxSec: 600 });
    expect(s.discrepancySec).toBe(6 * MIN); // 16 - 10
    expect(s.longGaps).toBe(1); // 16 is 6 min over 10 (>= 2)
    // ratios 0.4, 0.4 (bunched), 1.6 (a gap)
    expect([s.bunched, s.gaps, s.compared]).toEqual([2, 1, 3]);
    expect(s.waitAssessment).toBeCloseTo(2 / 3, 12); // 4 and 4 are <= 12.5 min; 16 is not
    expect(s.expectedWaitSec).toBe(((16 + 16 + 256) / (2 * 24)) * MIN);
    expect(s.recentLongGap).toEqual({ t: at(8, 24), stationId: "A3", sec: 16 * MIN, scheduledSec: 600 });
  });

  it("waits until arrivals settle, and forgets headways after 60 minutes", () => {
    const h = new HeadwayTracker(net);
    h.add([madeAt("A3", at(8, 0), "t1"), madeAt("A3", at(8, 10), "t2")]);
    h.advance(at(8, 11)); // the 08:10 arrival is only 1 min old
    expect(h.summary("A", "S", at(8, 11)).count).toBe(0);
    h.advance(at(8, 12));
    expect(h.summary("A", "S", at(8, 12)).count).toBe(1);
    h.advance(at(9, 10)); // (08:10, 09:10] still holds it
    expect(h.summary("A", "S", at(9, 10)).count).toBe(0); // left-open: exactly 60 min old is out
  });
});

describe("headways through the graph", async () => {
  const net = await testNetwork();
  // Three trains leave A1 at 08:00, 08:06 and 08:16, 2 min between stations, predictions exact.
  const starts = [at(8, 0), at(8, 6), at(8, 16)];
  const trains = starts.map((s, i) => ({
    tripId: tripIdAt("A", "S", 8, [0, 6, 16][i]),
    truth: southboundA(s),
  }));
  const snaps = playTrains(trains, at(7, 55, 5), at(8, 40));
  const r = runSubway(net, snaps, { start: at(7, 55), end: at(9, 30) });
  const key = { route: "A", direction: "S" };

  it("gives 6 and 10 min at each of the six stations", () => {
    // 12 headways: six of 360 s and six of 600 s.
    expect(metricAt(r, "subway.headway_actual", key, at(9, 0))).toEqual({
      meanSec: 480,
      maxSec: 600,
      count: 12,
    });
    expect(metricAt(r, "subway.headway_scheduled", key, at(9, 0))).toEqual({ meanSec: 600, maxSec: 600 });
    expect(metricAt(r, "subway.headway_discrepancy", key, at(9, 0))).toBe(0);
    expect(metricAt(r, "subway.long_gaps", key, at(9, 0))).toBe(0);
    expect(metricAt(r, "subway.bunching", key, at(9, 0))).toEqual({ bunched: 0, gaps: 0, count: 12 });
    expect(metricAt(r, "subway.wait_assessment", key, at(9, 0))).toBe(1);
    expect(metricAt(r, "subway.expected_wait", key, at(9, 0))).toBe((360 ** 2 + 600 ** 2) / (2 * 960));
  });

  it("expires them with the clock: by 09:27 (an hour after the last) the window is empty", () => {
    // A1's 6-min headway closed at 08:06; at 09:07 it has left the window.
    expect((metricAt(r, "subway.headway_actual", key, at(9, 7)) as { count: number }).count).toBe(11);
    expect(metricAt(r, "subway.long_gaps", key, at(9, 27))).toBe(0);
    const last = r.metrics.at(-1)!;
    expect(
      last[1].some(
        (m) => m.metric === "subway.headway_actual" && m.key.route === "A" && m.key.direction === "S",
      ),
    ).toBe(false);
  });
});
