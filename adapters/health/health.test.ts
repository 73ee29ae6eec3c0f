import { describe, expect, it } from "vitest";
import { FeedError } from "../errors";
import { ageHealth, type FeedHealth, type HealthEvent, initialHealth, updateHealth } from "./health";

const FEED = "subway-ace";
const URL_ACE = "http://127.0.0.1/Dataservice/mtagtfsfeeds/nyct%2Fgtfs-ace";
const STALE_MS = 60_000;

function run(
  events: Array<[number, HealthEvent]>,
  start: FeedHealth = initialHealth(FEED, URL_ACE),
): FeedHealth[] {
  const out: FeedHealth[] = [];
  let h = start;
  for (const [t, e] of events) out.push((h = updateHealth(h, e, t, STALE_MS)));
  return out;
}

const download = (status: number) =>
  new FeedError("download", `HTTP ${status}`, { feed: FEED, url: URL_ACE, status });

describe("updateHealth", () => {
  it("starts with no data, marked stale, counters at zero", () => {
    const h = initialHealth(FEED, URL_ACE);
    expect(h).toMatchObject({ feed: FEED, url: URL_ACE, polls: 0, consecutiveErrors: 0, stale: true });
    expect(h.lastSuccessAt).toBeNull();
    expect(h.ageMs).toBeNull();
  });

  it("records a success: time, latency, size, header timestamp and age", () => {
    const [h] = run([[10_000, { type: "success", bytes: 1234, latencyMs: 87, dataTimestamp: 4_000 }]]);
    expect(h).toMatchObject({
      lastSuccessAt: 10_000,
      lastAttemptAt: 10_000,
      bytes: 1234,
      latencyMs: 87,
      dataTimestamp: 4_000,
      ageMs: 6_000,
      polls: 1,
      stale: false,
    });
  });

  it("counts consecutive errors and resets them on the next success", () => {
    const hs = run([
      [1_000, { type: "success", bytes: 10, latencyMs: 5, dataTimestamp: 1_000 }],
      [2_000, { type: "error", error: download(500) }],
      [3_000, { type: "error", error: download(503) }],
      [4_000, { type: "error", error: new FeedError("empty", "zero bytes", { feed: FEED }) }],
      [5_000, { type: "success", bytes: 11, latencyMs: 6, dataTimestamp: 4_500 }],
    ]);
    expect(hs.map((h) => h.consecutiveErrors)).toEqual([0, 1, 2, 3, 0]);
    expect(hs.map((h) => h.polls)).toEqual([1, 2, 3, 4, 5]);
    expect(hs[2]).toMatchObject({ lastErrorKind: "download", lastErrorAt: 3_000, lastSuccessAt: 1_000 });
    expect(hs[2].lastError).toContain("status 503");
    // the last error stays on record after recovery: it is history, not state
    expect(hs[4]).toMatchObject({ lastErrorKind: "empty", lastErrorAt: 4_000, lastSuccessAt: 5_000 });
    // errors do not touch the last good payload's figures
    expect(hs[3]).toMatchObject({ bytes: 10, latencyMs: 5, dataTimestamp: 1_000 });
  });

  it("counts duplicates and 304s as successful polls that bring no new data", () => {
    const hs = run([
      [1_000, { type: "success", bytes: 10, latencyMs: 5, dataTimestamp: 900 }],
      [2_000, { type: "error", error: download(502) }],
      [3_000, { type: "duplicate", latencyMs: 7 }],
      [4_000, { type: "notModified" }],
      [5_000, { type: "notModified", latencyMs: 3 }],
    ]);
    const last = hs[4];
    expect(last).toMatchObject({ duplicatesSkipped: 1, notModified: 2, polls: 5, lastSuccessAt: 5_000 });
    expect(hs[2].consecutiveErrors).toBe(0);
    expect(hs.map((h) => h.latencyMs)).toEqual([5, 5, 7, 7, 3]);
    // no new payload, so the size and the data's own time are unchanged: the data ages
    expect(last).toMatchObject({ bytes: 10, dataTimestamp: 900, ageMs: 4_100 });
  });

  it("keeps the previous header timestamp when a success does not know it", () => {
    const hs = run([
      [1_000, { type: "success", bytes: 10, latencyMs: 5, dataTimestamp: 800 }],
      [2_000, { type: "success", bytes: 12, latencyMs: 5, dataTimestamp: null }],
    ]);
    expect(hs[1]).toMatchObject({ dataTimestamp: 800, ageMs: 1_200, bytes: 12 });
  });

  it("marks stale on the data's own age, even while polls keep succeeding", () => {
    // the feed answers every time, but its header timestamp stopped moving at 0
    const hs = run([
      [30_000, { type: "success", bytes: 1, latencyMs: 1, dataTimestamp: 0 }],
      [60_000, { type: "duplicate" }],
      [60_001, { type: "duplicate" }],
    ]);
    expect(hs.map((h) => h.stale)).toEqual([false, false, true]);
  });

  it("falls back to the last success for staleness when the data has no timestamp", () => {
    const [h] = run([[1_000, { type: "success", bytes: 1, latencyMs: 1, dataTimestamp: null }]]);
    expect(h.stale).toBe(false);
    expect(ageHealth(h, 1_000 + STALE_MS, STALE_MS).stale).toBe(false);
    expect(ageHealth(h, 1_001 + STALE_MS, STALE_MS).stale).toBe(true);
  });

  it("ageHealth turns a silent feed stale on a clock, without any event", () => {
    const [h] = run([[1_000, { type: "success", bytes: 1, latencyMs: 1, dataTimestamp: 500 }]]);
    const later = ageHealth(h, 120_000, STALE_MS);
    expect(later).toMatchObject({ ageMs: 119_500, stale: true, polls: 1, staleAfterMs: STALE_MS });
    // unchanged derived fields give back the same object (cheap for an engine node)
    expect(ageHealth(h, 1_000, STALE_MS)).toBe(h);
    // The feed's threshold goes with it (a station list's is a day: the health page leaves it out of its age chart).
    expect(ageHealth(h, 1_000, 26 * 3_600_000)).toMatchObject({
      ageMs: 500,
      stale: false,
      staleAfterMs: 26 * 3_600_000,
    });
  });

  it("does not mutate its input", () => {
    const h0 = initialHealth(FEED);
    const snapshot = structuredClone(h0);
    updateHealth(h0, { type: "error", error: download(500) }, 1, STALE_MS);
    expect(h0).toEqual(snapshot);
  });
});
