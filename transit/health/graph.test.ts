import { describe, expect, it } from "vitest";
import { FeedError } from "../../adapters/errors";
import type { FeedHealth } from "../../adapters/health/health";
import { apply, contain, engineErrors, MINUTE, output, pullInput, run, SECOND, timer } from "../../engine";
import type { MetricTick } from "../contract";
import { containedFailures } from "./failures";
import { type FeedEvent, healthGraph } from "./graph";

const T0 = Date.UTC(2025, 9, 2, 14, 0);
const at = (min: number) => T0 + min * MINUTE;
const ACE = "subway-ace";
const GBFS = "gbfs-station-status";

const events: Array<[number, FeedEvent]> = [
  // ACE: data stamped 09:59:50, so more than 5 min old from 10:04:50 on: seen at the 10:05 clock tick
  [
    at(0),
    {
      feed: ACE,
      url: "http://127.0.0.1/ace",
      event: { type: "success", bytes: 900, latencyMs: 40, dataTimestamp: at(0) - 10 * SECOND },
    },
  ],
  [
    at(1),
    {
      feed: GBFS,
      event: { type: "error", error: new FeedError("download", "HTTP 503", { feed: GBFS, status: 503 }) },
    },
  ],
  [
    at(2),
    { feed: GBFS, event: { type: "error", error: new FeedError("parse", "not JSON", { feed: GBFS }) } },
  ],
  [at(3), { feed: ACE, event: { type: "duplicate", latencyMs: 35 } }],
  // new data for ACE at 10:08: fresh again
  [
    at(8),
    { feed: ACE, event: { type: "success", bytes: 950, latencyMs: 41, dataTimestamp: at(8) - 5 * SECOND } },
  ],
];

function runHealth() {
  return run(
    () => {
      const g = healthGraph({
        events: pullInput("events", events),
        clock: timer(MINUTE),
        staleAfterMs: 5 * MINUTE,
      });
      output("metrics", g.metrics);
      output("health", g.health);
      output("stale", g.staleFeeds);
    },
    { start: T0, end: at(10), hash: true },
  );
}

const r = runHealth();
const healthAt = (t: number) => r.outputs.health.filter(([time]) => time === t).at(-1)?.[1] as FeedHealth[];

describe("healthGraph", () => {
  it("turns a silent feed stale on the clock alone, and fresh again on new data", () => {
    expect(r.outputs.stale.map(([t, v]) => [t, [...(v as Set<string>)]])).toEqual([
      [at(0), []], // only ACE known, fresh
      [at(1), [GBFS]], // GBFS never succeeded
      [at(5), [GBFS, ACE].sort()], // 10:05 - 09:59:50 = 5 min 10 s > 5 min, no event needed
      [at(8), [GBFS]],
    ]);
  });

  it("keeps one record per feed, sorted, with the reducer's counters", () => {
    const h = healthAt(at(4));
    expect(h.map((x) => x.feed)).toEqual([GBFS, ACE].sort());
    const gbfs = h.find((x) => x.feed === GBFS) as FeedHealth;
    expect(gbfs).toMatchObject({
      consecutiveErrors: 2,
      lastErrorKind: "parse",
      polls: 2,
      lastSuccessAt: null,
    });
    const ace = h.find((x) => x.feed === ACE) as FeedHealth;
    expect(ace).toMatchObject({
      url: "http://127.0.0.1/ace",
      duplicatesSkipped: 1,
      polls: 2,
      latencyMs: 35,
      stale: false,
    });
    expect(ace.ageMs).toBe(4 * MINUTE + 10 * SECOND); // aged on the 10:04 clock tick
  });

  it("emits feeds.health per feed, key { feed }", () => {
    const [t, ticks] = r.outputs.metrics.at(-1) as [number, MetricTick[]];
    expect(t).toBe(at(10));
    expect(ticks.map((m) => [m.metric, m.key])).toEqual(
      [GBFS, ACE].sort().map((feed) => ["feeds.health", { feed }]),
    );
    expect((ticks.find((m) => m.key.feed === ACE)?.value as FeedHealth | undefined)?.ageMs).toBe(
      2 * MINUTE + 5 * SECOND,
    );
  });

  it("between clock ticks emits only the feed whose record changed, every feed on the clock", () => {
    const between = at(3) + 20 * SECOND;
    const g = run(
      () => {
        const h = healthGraph({
          events: pullInput("events", [
            ...events.slice(0, 2),
            [between, { feed: GBFS, event: { type: "duplicate", latencyMs: 12 } }] as [number, FeedEvent],
          ]),
          clock: timer(MINUTE),
        });
        output("metrics", h.metrics);
      },
      { start: T0, end: at(5) },
    );
    const feedsAt = (t: number) =>
      (g.outputs.metrics.find(([time]) => time === t)?.[1] as MetricTick[] | undefined)?.map(
        (m) => m.key.feed,
      );
    expect(feedsAt(between)).toEqual([GBFS]);
    expect(feedsAt(at(4))).toEqual([GBFS, ACE].sort());
    expect(g.outputs.metrics.map(([t]) => t)).toEqual([at(0), at(1), at(2), at(3), between, at(4), at(5)]);
  });

  it("gives the same run hash twice", () => {
    expect(runHealth().hash).toBe(r.hash);
  });
});

describe("containedFailures", () => {
  it("turns a contained node failure into an engine.failures tick", () => {
    const res = run(() => {
      const x = pullInput("x", [
        [at(0), 1],
        [at(1), 2],
      ]);
      const broken = contain("bikes", () =>
        apply(
          x,
          (v) => {
            if (v === 2) throw new Error("division by zero");
            return v;
          },
          "bikes.totals",
        ),
      );
      output("broken", broken);
      output("failures", containedFailures(engineErrors()));
    });
    expect(res.outputs.failures).toEqual([
      [
        at(1),
        [
          {
            t: at(1),
            metric: "engine.failures",
            key: {},
            value: {
              node: "bikes.totals",
              scope: "bikes",
              message: expect.stringContaining("division by zero"),
            },
          },
        ],
      ],
    ]);
  });
});

describe("healthGraph, per-feed staleness", () => {
  it("lets a slow-changing feed stay fresh for longer than the default", () => {
    const INFO = "gbfs-station-information";
    const r2 = run(
      () => {
        const g = healthGraph({
          events: pullInput("events", [
            [
              at(0),
              { feed: INFO, event: { type: "success", bytes: 10, latencyMs: 1, dataTimestamp: at(0) } },
            ],
            [at(0), { feed: ACE, event: { type: "success", bytes: 10, latencyMs: 1, dataTimestamp: at(0) } }],
          ] as Array<[number, FeedEvent]>),
          clock: timer(MINUTE),
          staleAfterMs: 5 * MINUTE,
          staleAfterMsByFeed: { [INFO]: 60 * MINUTE },
        });
        output("stale", g.staleFeeds);
      },
      { start: T0, end: at(30) },
    );
    // at 30 min, ACE (5 min limit) is stale, station information (60 min) is not
    expect([...(r2.outputs.stale.at(-1)![1] as Set<string>)]).toEqual([ACE]);
  });
});
