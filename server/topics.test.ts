/**
 * The topics' bookkeeping on hand-made state: keyed diffs, value dedupe and
 * chart points (no point twice or lost, also across trimming of old points).
 */
import { describe, expect, it } from "vitest";
import type { LineStatus, MetricTick } from "../transit/contract";
import { LiveState } from "./live-state";
import type { SeriesPoint } from "./protocol";
import type { SeriesStore } from "./series-store";
import { KeyedTopic, KeyedView } from "./topics/keyed";
import { parseChartTopic, SeriesTopic } from "./topics/series";
import { ValueTopic } from "./topics/value";

const status = (route: string, trains: number, asOf: number): LineStatus => ({
  route,
  status: "Good service",
  reasons: [],
  trainsRunning: trains,
  delayedTrains: 0,
  maxDelaySec: 0,
  activeAlerts: 0,
  asOf,
});

describe("keyed topics", () => {
  it("send new and changed items whole, removed keys, and nothing when only asOf moved", () => {
    const state = new LiveState();
    const view = new KeyedView(
      state.lineStatus,
      (s) => s.route,
      (s) => s,
    );
    const topic = new KeyedTopic("status", view, null, ["asOf"]);
    state.lineStatus.set(1, [status("A", 10, 1), status("C", 5, 1)]);
    topic.rebase();
    expect(topic.snapshot().map((s) => s.route)).toEqual(["A", "C"]);
    state.lineStatus.set(2, [status("A", 10, 2), status("C", 6, 2), status("E", 3, 2)]);
    const d = topic.advance();
    expect(d).toEqual({ kind: "delta", data: { upsert: [status("C", 6, 2), status("E", 3, 2)] } });
    state.lineStatus.set(3, [status("A", 10, 3), status("E", 3, 3)]);
    expect(topic.advance()).toEqual({ kind: "delta", data: { remove: ["C"] } });
    state.lineStatus.set(4, [status("A", 10, 4), status("E", 3, 4)]);
    expect(topic.advance()).toBeNull();
  });

  it("filter what a parameterized topic holds, removing items that leave the filter", () => {
    const state = new LiveState();
    const view = new KeyedView(
      state.lineStatus,
      (s) => s.route,
      (s) => s,
    );
    const busy = new KeyedTopic("status", view, (s) => s.trainsRunning >= 5);
    state.lineStatus.set(1, [status("A", 10, 1), status("C", 2, 1)]);
    busy.rebase();
    expect(busy.snapshot().map((s) => s.route)).toEqual(["A"]);
    state.lineStatus.set(2, [status("A", 4, 2), status("C", 7, 2)]);
    expect(busy.advance()).toEqual({ kind: "delta", data: { upsert: [status("C", 7, 2)], remove: ["A"] } });
  });
});

describe("value topics", () => {
  it("send the value only when it changed", () => {
    let v: { n: number } | null = { n: 1 };
    let version = 0;
    const topic = new ValueTopic("bike-totals", {
      version: () => version,
      value: () => v,
      t: () => version,
      pendingSince: () => null,
      changedAt: () => null,
    });
    topic.rebase();
    version++;
    expect(topic.advance()).toBeNull(); // same value, new version
    v = { n: 2 };
    version++;
    expect(topic.advance()).toEqual({ kind: "delta", data: { n: 2 } });
    expect(topic.snapshot()).toEqual({ n: 2 });
  });
});

describe("chart topics", () => {
  it("parse metric and key selector", () => {
    expect(parseChartTopic("charts:subway.delay_mean_15m@route=A,direction=N")).toEqual({
      metric: "subway.delay_mean_15m",
      selector: { route: "A", direction: "N" },
    });
    expect(parseChartTopic("charts:bikes.bikes_available")).toEqual({
      metric: "bikes.bikes_available",
      selector: {},
    });
  });

  it("deliver every point exactly once, in snapshot + deltas, across trimming", () => {
    const state = new LiveState();
    const store: SeriesStore = state.series;
    const tick = (t: number, route: string, value: number): MetricTick => ({
      t,
      metric: "subway.trains_running",
      key: { route },
      value,
    });
    const all: MetricTick[] = [];
    const push = (ticks: MetricTick[]) => {
      all.push(...ticks);
      store.append(ticks);
      state.metricsSlot.set(ticks[0].t, store.version);
    };
    const H = 3_600_000;
    push([tick(0, "A", 1), tick(0, "C", 2)]);
    const a = new SeriesTopic("charts:subway.trains_running@route=A", store, state.metricsSlot);
    const both = new SeriesTopic("charts:subway.trains_running", store, state.metricsSlot);
    a.rebase();
    both.rebase();
    const gotA: SeriesPoint[] = [...a.snapshot()];
    const gotBoth: SeriesPoint[] = [...both.snapshot()];
    // 30 hours of points every 10 minutes: old ones are trimmed (26 h kept) while the topics follow.
    for (let t = 600_000; t <= 30 * H; t += 600_000) {
      push([tick(t, "A", t / 600_000), tick(t, "C", -t / 600_000)]);
      if ((t / 600_000) % 3 === 0) {
        for (const [topic, got] of [
          [a, gotA],
          [both, gotBoth],
        ] as const) {
          const r = topic.advance();
          if (r?.kind === "delta") got.push(...(r.data as SeriesPoint[]));
        }
      }
    }
    for (const [topic, got] of [
      [a, gotA],
      [both, gotBoth],
    ] as const) {
      const r = topic.advance();
      if (r?.kind === "delta") got.push(...(r.data as SeriesPoint[]));
    }
    const id = (p: { t: number; key: Record<string, string>; value: unknown }) =>
      `${p.t}|${p.key.route}|${p.value}`;
    expect(gotBoth.map(id)).toEqual(
      all.map(id).sort((x, y) => Number(x.split("|")[0]) - Number(y.split("|")[0]) || 0),
    );
    expect(gotA.map(id)).toEqual(all.filter((m) => m.key.route === "A").map(id));
    // The store itself keeps only the last 26 h (plus up to an hour before its next trim).
    const kept = store.columns("subway.trains_running", { route: "A" })[0];
    expect(kept.t[0]).toBeGreaterThanOrEqual(30 * H - 27 * H);
    expect(kept.base + kept.t.length).toBe(all.filter((m) => m.key.route === "A").length);
    // A late subscriber's snapshot is what the store holds now.
    const late = new SeriesTopic("charts:subway.trains_running@route=A", store, state.metricsSlot);
    late.rebase();
    expect(late.snapshot().length).toBe(kept.t.length);
  });
});
