import { describe, expect, it } from "vitest";
import { freshness } from "./freshness";

const base = { startedAt: 0, staleSec: 5, noDataSec: 60 };

describe("kiosk freshness", () => {
  it("is live while connected with data", () => {
    expect(freshness({ ...base, now: 100_000, connected: true, lastMessageAt: 99_000, lostAt: 0 })).toEqual({
      kind: "live",
    });
  });

  it("rides out a short drop, then marks the last screen stale with its age", () => {
    const lost = { ...base, connected: false, lastMessageAt: 100_000, lostAt: 101_000 };
    expect(freshness({ ...lost, now: 104_000 }).kind).toBe("live"); // offline 3 s < 5 s
    expect(freshness({ ...lost, now: 107_000 })).toEqual({ kind: "stale", ageSec: 7 });
  });

  it("gives way to the no-data screen when the last data is too old", () => {
    const lost = { ...base, connected: false, lastMessageAt: 100_000, lostAt: 101_000 };
    expect(freshness({ ...lost, now: 160_000 })).toEqual({ kind: "nodata", ageSec: 60, connecting: false });
  });

  it("says connecting at first, no data if nothing ever comes", () => {
    const none = { ...base, connected: false, lastMessageAt: 0, lostAt: 0 };
    expect(freshness({ ...none, now: 3_000 })).toEqual({ kind: "nodata", ageSec: null, connecting: true });
    expect(freshness({ ...none, now: 30_000 })).toEqual({ kind: "nodata", ageSec: null, connecting: false });
  });
});
