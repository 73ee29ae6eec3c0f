import { describe, expect, it } from "vitest";
import type { ServiceChange } from "../contract";
import { buildTransitNetwork } from "../network";
import { loadTinyGtfs, type TinyTrip } from "../network/testing";
import type { LineCounts } from "./line-counts";
import { type LineService, LineServiceWatch } from "./line-service";
import {
  at,
  metricAt,
  type PlayedTrain,
  playTrains,
  runSubway,
  SERVICE_DATE,
  statusAt,
  testNetwork,
  tripIdAt,
} from "./testing";

const counts = (route: string, direction: "N" | "S", running: number): LineCounts => ({
  route,
  direction,
  running,
  delayed: 0,
  stalled: 0,
  meanDelaySec: Number.NaN,
  maxDelaySec: Number.NaN,
});

const testNet = await testNetwork();

// S1 - S2 - S3, 2 min apart: northbound leaves S3 at :00, :10, ..., southbound leaves S1 at :05, :15, ...
// One train runs them all, on time, listed from its departure (a minute at each end between trips).
const stations = ["S1", "S2", "S3"];
const trips: TinyTrip[] = [];
const played: PlayedTrain[] = [];
for (let m = 8 * 60; m < 9 * 60; m += 10)
  for (const [direction, offset] of [
    ["N", 0],
    ["S", 5],
  ] as const) {
    const start = (m + offset) * 60;
    const order = direction === "S" ? stations : [...stations].reverse();
    const h = Math.floor((m + offset) / 60);
    trips.push({
      id: `WKD-${tripIdAt("GS", direction, h, (m + offset) % 60)}`,
      route: "GS",
      direction,
      stops: order.map((s, i) => [s, start + i * 120]),
    });
    // The train stops for good after its 08:25 southbound run.
    if (m + offset <= 8 * 60 + 25)
      played.push({
        tripId: tripIdAt("GS", direction, h, (m + offset) % 60),
        truth: order.map((s, i) => [s, at(0, 0, start) + i * 120_000] as [string, number]),
        from: at(0, 0, start),
      });
  }
const gtfs = await loadTinyGtfs({
  stations: stations.map((id, i) => ({ id, name: `${id} St`, lat: 40.75, lon: -73.99 + i * 0.01 })),
  routes: [{ id: "GS", color: "808183" }],
  trips,
});
const net = buildTransitNetwork(gtfs, SERVICE_DATE);
const r = runSubway(net, playTrains(played, at(7, 59), at(9)), { start: at(7, 59), end: at(9, 10) });

describe("LineServiceWatch on the test network (A every 10 min both ways, 10 min runs; B southbound 09:00-09:40, 4 min runs)", () => {
  /** Feeds the watch one minute at a time from `from` to `to` (h, m), with the running counts of `running(t)`. */
  const watch = (
    from: number,
    to: number,
    running: (t: number) => number,
    route = "A",
    direction: "N" | "S" = "N",
  ) => {
    const w = new LineServiceWatch(testNet);
    const seen = new Map<number, LineService>();
    for (let t = from; t <= to; t += 60_000)
      seen.set(
        t,
        w.update(new Map([["x", counts(route, direction, running(t))]]), t).get(`${route}|${direction}`)!,
      );
    return seen;
  };

  it("calls a direction missing once no train ran for 5 min while trips are due, between trains before", () => {
    // Northbound A runs until 08:00, then stops; a trip is due at every minute of the day's service.
    const seen = watch(at(7, 50), at(8, 10), (t) => (t <= at(8, 0) ? 3 : 0));
    expect(seen.get(at(8, 0))?.kind).toBe("running");
    for (const m of [1, 2, 3, 4]) expect(seen.get(at(8, m))?.kind).toBe("between");
    // Due at 08:05: the 08:00 (due from 08:03), the 07:50 having arrived at 08:00.
    expect(seen.get(at(8, 5))).toEqual({ kind: "missing", due: 1 });
    expect(seen.get(at(8, 10))?.kind).toBe("missing");
  });

  it("holds missing between the trips of a sparse schedule, and drops it 15 min after the last", () => {
    // B never runs. Due: 09:03-09:04, 09:13-09:14, ... 09:43-09:44 (3 min after leaving, to the last arrival).
    const seen = watch(at(8, 50), at(10, 10), () => 0, "B", "S");
    expect(seen.get(at(9, 2))?.kind).toBe("off");
    expect(seen.get(at(9, 3))).toEqual({ kind: "missing", due: 1 });
    expect(seen.get(at(9, 7))).toEqual({ kind: "missing", due: 0 });
    expect(seen.get(at(9, 59))?.kind).toBe("missing");
    expect(seen.get(at(10, 0))?.kind).toBe("off");
    // The same object while nothing changes: the status node keeps the line's status on it.
    expect(seen.get(at(9, 5))).toBe(seen.get(at(9, 6)));
  });

  it("is off when nothing is due and nothing ran, between for 15 min after the last train", () => {
    const seen = watch(at(9, 0), at(9, 30), (t) => (t <= at(9, 4) ? 1 : 0), "B", "N"); // B has no northbound trips
    expect(seen.get(at(9, 4))?.kind).toBe("running");
    expect(seen.get(at(9, 18))?.kind).toBe("between");
    expect(seen.get(at(9, 19))?.kind).toBe("off");
  });
});

describe("a lone shuttle train, back and forth", () => {
  const changesAt = (h: number, m: number) =>
    (metricAt(r, "subway.service_change", { route: "GS" }, at(h, m)) as { changes: ServiceChange[] }).changes;

  it("has good service all the while it runs: neither its idle direction nor its minute at the terminal is a change", () => {
    for (let m = 1; m <= 30; m++) {
      expect(changesAt(8, m), `08:${m}`).toEqual([]);
      expect(statusAt(r, "GS", at(8, m))?.status, `08:${m}`).toBe("Good service");
    }
    // In at S3 from its last run (08:25, in at 08:29): no train on the line, for now.
    expect(statusAt(r, "GS", at(8, 30))?.reasons).toEqual(["no train on the line right now"]);
  });

  it("has no service once it stops with trips due", () => {
    // The last minute it ran was 08:28 (at 08:29 it is in); the 08:30 northbound is due from 08:33.
    expect(statusAt(r, "GS", at(8, 32))?.status).toBe("Good service");
    expect(statusAt(r, "GS", at(8, 33))).toMatchObject({
      status: "No service",
      reasons: ["no trains running (1 scheduled now)"],
    });
    // Between the trips that would have run, still no service.
    for (let m = 33; m <= 59; m++) expect(statusAt(r, "GS", at(8, m))?.status, `08:${m}`).toBe("No service");
  });
});
