/**
 * Feed health as a node: the pure reducer of adapters/health on each poll
 * event, and ageHealth on the clock so a feed that falls silent turns stale
 * by itself. One record per feed ever seen (a fixed, small set).
 */
import {
  ageHealth,
  type FeedHealth,
  type HealthEvent,
  initialHealth,
  updateHealth,
} from "../../adapters/health/health";
import { MINUTE, multiNode, type Series } from "../../engine";
import type { MetricTick } from "../contract";

export interface FeedEvent {
  feed: string;
  url?: string;
  event: HealthEvent;
}

export interface HealthGraphInputs {
  events: Series<FeedEvent>;
  /** A timer (60 s): ages every feed without new events. */
  clock: Series<unknown>;
  /** Data older than this is stale (default 5 min). */
  staleAfterMs?: number;
  /** Per-feed overrides: slow-changing feeds (GBFS station information, regions) publish rarely. */
  staleAfterMsByFeed?: Readonly<Record<string, number>>;
}

export interface HealthGraph {
  /**
   * feeds.health, key { feed }: every feed on the clock; between clock ticks
   * only a feed whose record changed (the others would repeat what was written).
   */
  metrics: Series<MetricTick[]>;
  /** Every feed's record, sorted by feed id, on every evaluation. */
  health: Series<FeedHealth[]>;
  /** The stale feeds (sorted), ticking only when the set changes. */
  staleFeeds: Series<ReadonlySet<string>>;
}

type Outputs = { metrics: MetricTick[]; health: FeedHealth[]; staleFeeds: ReadonlySet<string> };

interface HealthState {
  byFeed: Map<string, FeedHealth>;
  /** The feeds seen, sorted, each with its metric key (frozen: the export writes its JSON once). */
  feeds: Array<{ feed: string; key: Readonly<{ feed: string }> }>;
  staleKey: string | null;
  /** A feed turned stale or fresh, or appeared, since the stale set was last taken. */
  staleMayChange: boolean;
  /** Feeds whose record changed in this evaluation. */
  changed: Set<string>;
}

/**
 * A feed's record, frozen: it reads the same until the feed's next event or
 * clock tick, and the export writes the JSON of a frozen record once.
 */
function put(state: HealthState, feed: string, h: FeedHealth): void {
  const before = state.byFeed.get(feed);
  if (before === h) return;
  if (!before) {
    state.feeds.push({ feed, key: Object.freeze({ feed }) });
    state.feeds.sort((a, b) => (a.feed < b.feed ? -1 : a.feed > b.feed ? 1 : 0));
  }
  if (before?.stale !== h.stale) state.staleMayChange = true;
  state.changed.add(feed);
  state.byFeed.set(feed, Object.freeze(h));
}

export function healthGraph({
  events,
  clock,
  staleAfterMs = 5 * MINUTE,
  staleAfterMsByFeed = {},
}: HealthGraphInputs): HealthGraph {
  const staleAfter = (feed: string) => staleAfterMsByFeed[feed] ?? staleAfterMs;
  return multiNode<{ events: Series<FeedEvent>; clock: Series<unknown> }, Outputs, HealthState>({
    name: "feeds.health",
    inputs: { events, clock },
    outputs: ["metrics", "health", "staleFeeds"],
    state: () => ({
      byFeed: new Map(),
      feeds: [],
      staleKey: null,
      staleMayChange: false,
      changed: new Set(),
    }),
    onTick: ({ inputs, state, now }) => {
      const t = now();
      const { byFeed, changed } = state;
      changed.clear();
      if (inputs.events.ticked) {
        const { feed, url, event } = inputs.events.value;
        put(
          state,
          feed,
          updateHealth(byFeed.get(feed) ?? initialHealth(feed, url), event, t, staleAfter(feed)),
        );
      }
      if (inputs.clock.ticked)
        for (const [feed, h] of byFeed) put(state, feed, ageHealth(h, t, staleAfter(feed)));
      if (byFeed.size === 0) return undefined;
      const health: FeedHealth[] = [];
      const metrics: MetricTick[] = [];
      for (const { feed, key } of state.feeds) {
        const h = byFeed.get(feed) as FeedHealth;
        health.push(h);
        if (inputs.clock.ticked || changed.has(feed))
          metrics.push({ t, metric: "feeds.health", key, value: h });
      }
      const out: Partial<Outputs> = { health };
      if (metrics.length > 0) out.metrics = metrics;
      if (state.staleMayChange) {
        state.staleMayChange = false;
        const stale = health.filter((h) => h.stale).map((h) => h.feed);
        const staleKey = stale.join("\n");
        if (staleKey !== state.staleKey) {
          state.staleKey = staleKey;
          out.staleFeeds = new Set(stale);
        }
      }
      return out;
    },
  });
}
