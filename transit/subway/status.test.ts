import { describe, expect, it } from "vitest";
import { STATUS_PRECEDENCE, type StatusKind } from "../contract";
import type { LineCounts } from "./line-counts";
import type { LineService } from "./line-service";
import { type DirectionFacts, lineStatus } from "./status";
import {
  A_STATIONS,
  at,
  type PlayedTrain,
  playTrains,
  RUN_SEC,
  runSubway,
  southboundA,
  statusAt,
  testNetwork,
  tripIdAt,
} from "./testing";

const net = await testNetwork();

describe("status on the clock, with no data arriving", () => {
  // A runs normally 07:55-08:05 (both directions), then the feed goes silent. B is scheduled 09:00-09:44 only.
  const trains: PlayedTrain[] = [0, 10].flatMap((m) => [
    { tripId: tripIdAt("A", "S", 8, m), truth: southboundA(at(8, m)) },
    {
      tripId: tripIdAt("A", "N", 8, m),
      truth: [...A_STATIONS].reverse().map((s, i) => [s, at(8, m) + i * RUN_SEC * 1000] as [string, number]),
    },
  ]);
  const snaps = playTrains(trains, at(7, 55, 5), at(8, 5));
  const r = runSubway(net, snaps, { start: at(7, 55), end: at(10, 30) });

  it("shows Good service while the trains are known", () => {
    expect(statusAt(r, "A", at(8, 4))?.status).toBe("Good service");
    expect(statusAt(r, "A", at(8, 4))?.trainsRunning).toBe(4);
  });

  it("turns No service when the silent feed's trains have been gone 5 min with trips due, by the clock", () => {
    // Last snapshot 08:04:35: its trips are dropped at the first clock tick more than 10 min later, 08:15.
    expect(statusAt(r, "A", at(8, 14))?.status).toBe("Good service");
    expect(statusAt(r, "A", at(8, 14))?.trainsRunning).toBe(4);
    // The last minute with trains was 08:14: for 5 min the line is between trains.
    const between = statusAt(r, "A", at(8, 15))!;
    expect(between).toMatchObject({ status: "Good service", trainsRunning: 0 });
    expect(between.reasons).toEqual(["no train on the line right now"]);
    expect(statusAt(r, "A", at(8, 18))?.status).toBe("Good service");
    const s = statusAt(r, "A", at(8, 19))!;
    expect(s.status).toBe("No service");
    // Due at 08:19, each way: the 08:10 (10 min runs, due from 08:13); the 08:00 arrived at 08:10.
    expect(s.reasons).toEqual(["no trains running (2 scheduled now)"]);
    expect(s.trainsRunning).toBe(0);
    expect(r.status.some(([t]) => t === at(8, 19))).toBe(true); // a clock cycle, not a data cycle
  });

  it("shows Not scheduled while no trip is due and none ran lately, No service once one is due and none runs", () => {
    expect(statusAt(r, "B", at(8, 59))?.status).toBe("Not scheduled");
    // B's first trip leaves 09:00: not missing until it is 3 min late.
    expect(statusAt(r, "B", at(9, 2))?.status).toBe("Not scheduled");
    expect(statusAt(r, "B", at(9, 3))).toMatchObject({
      status: "No service",
      reasons: ["no trains running (1 scheduled now)"],
    });
    // 09:05: the 09:00 (4 min run) would be in, the 09:10 is not yet due: still no service.
    expect(statusAt(r, "B", at(9, 5))).toMatchObject({
      status: "No service",
      reasons: ["no trains running"],
    });
    // The last trip (09:40) would have arrived 09:44: held until nothing has been due for 15 min.
    expect(statusAt(r, "B", at(9, 59))?.status).toBe("No service");
    expect(statusAt(r, "B", at(10, 0))?.status).toBe("Not scheduled");
  });
});

describe("No data and alerts", () => {
  const trains: PlayedTrain[] = [{ tripId: tripIdAt("A", "S", 8, 0), truth: southboundA(at(8, 0)) }];
  const r = runSubway(net, playTrains(trains, at(7, 58, 5), at(8, 8)), {
    start: at(7, 58),
    end: at(8, 8),
    stale: [
      [at(8, 3), new Set(["A"])],
      [at(8, 6), new Set()],
    ],
    alerts: [[at(7, 58), new Map([["A", 2]])]],
  });

  it("says No data while the line's feed is stale, whatever else holds, and counts alerts", () => {
    expect(statusAt(r, "A", at(8, 2))?.status).not.toBe("No data");
    const s = statusAt(r, "A", at(8, 3))!;
    expect(s.status).toBe("No data");
    expect(s.reasons[0]).toBe("no recent data from this line's feed");
    expect(s.activeAlerts).toBe(2);
    expect(statusAt(r, "A", at(8, 6))?.status).not.toBe("No data");
    expect(statusAt(r, "B", at(8, 3))?.status).toBe("Not scheduled");
  });
});

describe("precedence", () => {
  const counts = (running: number, delayed: number, maxDelaySec = Number.NaN): LineCounts => ({
    route: "A",
    direction: "N",
    running,
    delayed,
    stalled: 0,
    meanDelaySec: Number.NaN,
    maxDelaySec,
  });
  const dir = (f: Partial<DirectionFacts> = {}): DirectionFacts => ({
    counts: counts(1, 0),
    runtime: undefined,
    headway: undefined,
    service: { kind: "running", due: 0 },
    ...f,
  });
  const slow = { actualSec: 1500, scheduledSec: 1000, slow: true };
  const gap = {
    recentLongGap: { t: 0, stationId: "A3", sec: 960, scheduledSec: 600 },
  } as DirectionFacts["headway"];
  const change = {
    kind: "truncated" as const,
    direction: "N" as const,
    description: "Northbound trains end at A3 St",
  };
  const name = (id: string) => `${id} St`;
  const status = (N: DirectionFacts, S: DirectionFacts, changes = [] as (typeof change)[], stale = false) =>
    lineStatus({ route: "A", now: 0, stale, activeAlerts: 0, N, S, changes }, name);

  it("takes the first that holds of Delays > Service change > Slow > Long gaps > No service > Good > Not scheduled", () => {
    const all = status(dir({ counts: counts(1, 1, 420), runtime: slow, headway: gap }), dir(), [change]);
    expect(all.status).toBe("Delays");
    expect(all.reasons).toEqual([
      "1 train delayed (max 7 min)",
      "Northbound trains end at A3 St",
      "northbound running +8 min over schedule",
      "northbound gap of 16 min (scheduled 10) at A3 St",
    ]);
    expect(status(dir({ runtime: slow, headway: gap }), dir(), [change]).status).toBe("Service change");
    expect(status(dir({ runtime: slow, headway: gap }), dir()).status).toBe("Slow");
    expect(status(dir({ headway: gap }), dir()).status).toBe("Long gaps");
    const idle = (kind: LineService["kind"], due = 0) =>
      dir({ counts: counts(0, 0), service: { kind, due } });
    expect(status(idle("missing", 3), idle("off")).status).toBe("No service");
    expect(status(idle("missing", 3), idle("missing", 2)).reasons).toEqual([
      "no trains running (5 scheduled now)",
    ]);
    expect(status(dir(), dir()).status).toBe("Good service");
    expect(status(dir(), dir()).reasons).toEqual([]);
    expect(status(idle("between"), idle("off"))).toMatchObject({
      status: "Good service",
      reasons: ["no train on the line right now"],
    });
    expect(status(idle("off"), idle("off")).status).toBe("Not scheduled");
    expect(status(dir({ counts: counts(1, 1, 400) }), dir(), [], true).status).toBe("No data");
    // the order used is the contract's
    const seen: StatusKind[] = [
      "Delays",
      "Service change",
      "Slow",
      "Long gaps",
      "No service",
      "Good service",
      "Not scheduled",
    ];
    expect(seen).toEqual(STATUS_PRECEDENCE);
  });
});
