import { describe, expect, it } from "vitest";
import { output, pullInput, run, type Series } from "../../engine";
import type { LineStatus, MetricTick } from "../contract";
import type { LineCounts } from "./line-counts";
import { subwayMetricTicks } from "./metrics";
import type { WaitStats } from "./next-train-wait";
import { metricsNode } from "./output-nodes";

const ROUTES = ["A", "C", "E"];
const counts = (route: string, direction: "N" | "S", running: number): LineCounts => ({
  route,
  direction,
  running,
  delayed: running % 2,
  stalled: 0,
  meanDelaySec: running * 10,
  maxDelaySec: running * 20,
});
const waits = (n: number): WaitStats => ({ mean: n, p90: 2 * n, p99: 3 * n, stations: 4 });
const status = (route: string, status: string, t: number) =>
  ({ route, status, asOf: t }) as unknown as LineStatus;

/**
 * Second by second, one route's counts, waits or status is new (an equal
 * or a different value), the others' the same objects as before; the clock
 * every 10 s.
 */
function script() {
  const byLine = new Map<string, LineCounts>();
  for (const r of ROUTES) for (const d of ["N", "S"] as const) byLine.set(`${r}|${d}`, counts(r, d, 1));
  const wait = new Map(ROUTES.map((r) => [r, waits(60)]));
  const statuses = new Map(ROUTES.map((r) => [r, status(r, "Good service", 0)]));
  const events = {
    counts: [] as Array<[number, ReadonlyMap<string, LineCounts>]>,
    waits: [] as Array<[number, ReadonlyMap<string, WaitStats>]>,
    statuses: [] as Array<[number, LineStatus[]]>,
    clock: [] as Array<[number, number]>,
    empty: [] as Array<[number, ReadonlyMap<string, unknown>]>,
  };
  for (let s = 1; s <= 60; s++) {
    const t = s * 1000;
    const route = ROUTES[s % 3];
    const key = `${route}|${s % 2 ? "N" : "S"}`;
    // Every fourth change is to an equal value in a new object: it must not be emitted.
    const running = s % 4 === 0 ? byLine.get(key)!.running : (s % 5) + 1;
    byLine.set(key, counts(route, s % 2 ? "N" : "S", running));
    events.counts.push([t, new Map(byLine)]);
    if (s % 3 === 0) {
      wait.set(route, waits(s % 4 === 0 ? wait.get(route)!.mean : s));
      events.waits.push([t, new Map(wait)]);
    }
    if (s % 7 === 0) statuses.set(route, status(route, s % 14 ? "Delays" : "Good service", t));
    events.statuses.push([t, ROUTES.map((r) => ({ ...statuses.get(r)!, asOf: t }))]);
    if (s % 10 === 0) {
      events.clock.push([t, t]);
      events.empty.push([t, new Map()]);
    }
  }
  return events;
}

describe("subway.metrics", () => {
  it("emits every line's metrics on each clock tick, from its inputs' latest values, and nothing between", () => {
    const ev = script();
    const r = run(
      () => {
        const empty = <T>(name: string) => pullInput(name, ev.empty) as unknown as Series<T>;
        output(
          "metrics",
          metricsNode({
            clock: pullInput("clock", ev.clock),
            counts: pullInput("counts", ev.counts),
            waits: pullInput("waits", ev.waits),
            statuses: pullInput("statuses", ev.statuses),
            delays: empty("delays"),
            headways: empty("headways"),
            runtimes: empty("runtimes"),
            changes: empty("changes"),
            predictionErrors: empty("predictionErrors"),
          }),
        );
      },
      { start: 0, end: 61_000 },
    );
    const got = (r.outputs.metrics ?? []) as Array<[number, MetricTick[]]>;

    const latest = <T>(list: Array<[number, T]>, t: number) => list.filter(([x]) => x <= t).at(-1)?.[1];
    const expected: Array<[number, MetricTick[]]> = [];
    for (let t = 10_000; t <= 60_000; t += 10_000)
      expected.push([
        t,
        subwayMetricTicks({
          now: t,
          routes: ROUTES,
          counts: latest(ev.counts, t),
          waits: latest(ev.waits, t),
          statuses: latest(ev.statuses, t),
          delays: new Map(),
          headways: new Map(),
          runtimes: new Map(),
          changes: new Map(),
          predictionErrors: new Map(),
        }),
      ]);
    expect(got).toEqual(expected);
    // Each minute carries every line's counts, waits and status: 3 routes x (2 x 3 counts + wait + status + service change).
    for (const [, ticks] of got) expect(ticks).toHaveLength(3 * 9);
  });
});
