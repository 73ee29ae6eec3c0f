import { createHash } from "node:crypto";
import { pushInput, replayThenLive, type Series } from "../../engine";
import type { FeedError } from "../errors";
import { DEFAULT_BASE_URLS, type FeedId, feedUrl, OTHER_FEEDS, SUBWAY_FEEDS } from "../feeds";
import { gbfsTtlDelayMs } from "../http/gbfs-ttl";
import { type FeedLogger, FeedPoller, type FeedPollerOptions } from "../http/poller";
import type { RecordedPayload } from "../recording/types";
import { failedPollPayload } from "./decode-payload";
import { recordedEvents } from "./replay-source";

/** Poll intervals of PRODUCT.md: subway 15 s, alerts 30 s, outages 5 min, GBFS by its ttl. */
export function defaultIntervalMs(feed: FeedId): number {
  if (feed.startsWith("subway-")) return 15_000;
  if (feed === "alerts-subway") return 30_000;
  if (feed === "outages") return 5 * 60_000;
  return 60_000;
}

/** The feeds the dashboard reads live (GBFS discovery is not needed: paths are configured). */
export const LIVE_FEEDS: FeedId[] = [
  ...SUBWAY_FEEDS.map((f) => f.id),
  ...OTHER_FEEDS.map((f) => f.id).filter((id) => id !== "gbfs-discovery"),
];

export interface LiveFeedsOptions {
  bases?: { mta: string; gbfs: string };
  feeds?: FeedId[];
  intervalMs?: Partial<Record<FeedId, number>>;
  timeoutMs?: number;
  logger?: FeedLogger;
  /** Passed to every poller (retries, backoff, size cap...). */
  poller?: Partial<Omit<FeedPollerOptions, "feed" | "url" | "onPayload" | "onError">>;
  /** Replay this recording first (server warm-up), then go live without a gap or a duplicate. */
  warmUp?: { dir: string; from: number };
}

export interface LiveFeeds {
  payloads: Series<RecordedPayload>;
  /** Start polling (after the engine has started). */
  start(): void;
  stop(): Promise<void>;
}

const payloadKey = (p: RecordedPayload) =>
  `${p.feed}:${p.status}:${createHash("sha1").update(p.body).digest("hex")}`;

/**
 * The live half of the one way in: one poller per feed, every payload (and
 * every failed poll, as an error payload) pushed into the graph.
 */
export function liveFeeds(opts: LiveFeedsOptions = {}): LiveFeeds {
  const input = opts.warmUp
    ? replayThenLive<RecordedPayload>(
        "payloads",
        recordedEvents(opts.warmUp.dir, { from: opts.warmUp.from }),
        {
          key: payloadKey,
        },
      )
    : pushInput<RecordedPayload>("payloads");
  const bases = opts.bases ?? DEFAULT_BASE_URLS;
  const pollers = (opts.feeds ?? LIVE_FEEDS).map((feed) => {
    const url = feedUrl(feed, bases);
    return new FeedPoller({
      ...opts.poller,
      feed,
      url,
      intervalMs: opts.intervalMs?.[feed] ?? defaultIntervalMs(feed),
      // (spread, not `key: undefined`: an undefined option would override the poller's default)
      ...(feed.startsWith("gbfs-") ? { nextDelayMs: gbfsTtlDelayMs } : {}),
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.logger ? { logger: opts.logger } : {}),
      onPayload: (p) => input.push({ feed, receivedAt: p.receivedAt, status: p.status, body: p.body }),
      onError: (e: FeedError) => input.push(failedPollPayload(feed, Date.now(), e)),
    });
  });
  return {
    payloads: input.series,
    start: () => {
      for (const p of pollers) p.start();
    },
    stop: async () => {
      await Promise.all(pollers.map((p) => p.stop()));
    },
  };
}
