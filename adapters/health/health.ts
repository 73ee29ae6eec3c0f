/**
 * The per-feed health record (METRICS.md, "Feeds themselves") and the pure
 * reducer that maintains it. Pure on purpose: the same function runs inside a
 * poller today and as a stream-engine node later, where `now` is engine time.
 */
import type { FeedError, FeedErrorKind } from "../errors";

export interface FeedHealth {
  feed: string;
  url?: string;
  /** Last poll that reached the feed and got a usable answer (new, duplicate or 304). */
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  /** The feed's own header timestamp, ms since the epoch. */
  dataTimestamp: number | null;
  /** now - dataTimestamp, as of the last update. */
  ageMs: number | null;
  latencyMs: number | null;
  /** Size of the last new payload (decoded bytes). */
  bytes: number | null;
  consecutiveErrors: number;
  lastErrorKind: FeedErrorKind | null;
  lastError: string | null;
  lastErrorAt: number | null;
  duplicatesSkipped: number;
  notModified: number;
  polls: number;
  /** The data on hand (if any) is older than staleAfterMs: keep showing it, marked stale. */
  stale: boolean;
  /** The age past which this feed is stale (a station list's is a day), from its first ageing on. */
  staleAfterMs?: number;
}

/**
 * One poll's outcome. `dataTimestamp: null` means "not known at this stage"
 * (the HTTP poller cannot read headers of a payload it does not decode): the
 * reducer then keeps the previous value.
 */
export type HealthEvent =
  | { type: "success"; bytes: number; latencyMs: number; dataTimestamp: number | null }
  | { type: "duplicate"; latencyMs?: number }
  | { type: "notModified"; latencyMs?: number }
  | { type: "error"; error: FeedError };

export function initialHealth(feed: string, url?: string): FeedHealth {
  return {
    feed,
    ...(url !== undefined ? { url } : {}),
    lastSuccessAt: null,
    lastAttemptAt: null,
    dataTimestamp: null,
    ageMs: null,
    latencyMs: null,
    bytes: null,
    consecutiveErrors: 0,
    lastErrorKind: null,
    lastError: null,
    lastErrorAt: null,
    duplicatesSkipped: 0,
    notModified: 0,
    polls: 0,
    stale: true,
  };
}

export function updateHealth(
  prev: FeedHealth,
  event: HealthEvent,
  now: number,
  staleAfterMs: number,
): FeedHealth {
  const polled = { ...prev, polls: prev.polls + 1, lastAttemptAt: now };
  let next: FeedHealth;
  switch (event.type) {
    case "success":
      next = {
        ...polled,
        lastSuccessAt: now,
        latencyMs: event.latencyMs,
        bytes: event.bytes,
        dataTimestamp: event.dataTimestamp ?? prev.dataTimestamp,
        consecutiveErrors: 0,
      };
      break;
    case "duplicate":
      next = {
        ...polled,
        lastSuccessAt: now,
        latencyMs: event.latencyMs ?? prev.latencyMs,
        duplicatesSkipped: prev.duplicatesSkipped + 1,
        consecutiveErrors: 0,
      };
      break;
    case "notModified":
      next = {
        ...polled,
        lastSuccessAt: now,
        latencyMs: event.latencyMs ?? prev.latencyMs,
        notModified: prev.notModified + 1,
        consecutiveErrors: 0,
      };
      break;
    case "error":
      next = {
        ...polled,
        consecutiveErrors: prev.consecutiveErrors + 1,
        lastErrorKind: event.error.kind,
        lastError: event.error.message,
        lastErrorAt: now,
      };
      break;
  }
  return ageHealth(next, now, staleAfterMs);
}

/**
 * Recompute the time-derived fields (age, stale) without an event: a feed that
 * stops answering must turn stale on a clock, not only when a poll ends.
 * Staleness is measured on the feed's own timestamp when known (a stuck feed
 * that keeps serving the same old data is stale), else on the last success.
 */
export function ageHealth(h: FeedHealth, now: number, staleAfterMs: number): FeedHealth {
  const ageMs = h.dataTimestamp === null ? null : now - h.dataTimestamp;
  const reference = h.dataTimestamp ?? h.lastSuccessAt;
  const stale = reference === null || now - reference > staleAfterMs;
  if (ageMs === h.ageMs && stale === h.stale && staleAfterMs === h.staleAfterMs) return h;
  return { ...h, ageMs, stale, staleAfterMs };
}
