import { describe, expect, it } from "vitest";
import { bucketFor, latestBySeries, pivot, type SeriesPoint } from "./series";

const M = 60_000;
const p = (t: number, route: string, value: number): SeriesPoint => ({ t, key: { route }, value });

describe("chart rows", () => {
  it("puts each series in its own column, one row per minute", () => {
    const rows = pivot([p(0, "A", 1), p(0, "C", 2), p(M, "A", 3)], (x) => [[x.key.route, x.value as number]]);
    expect(rows).toEqual([
      { t: 0, A: 1, C: 2 },
      { t: M, A: 3 },
    ]);
  });

  it("keeps the last tick of a bucket when a day has more minutes than points", () => {
    // 10 minutes into at most 5 points: 2-minute buckets.
    expect(bucketFor(10 * M, 5)).toBe(2 * M);
    const pts = Array.from({ length: 11 }, (_, i) => p(i * M, "A", i));
    const rows = pivot(pts, (x) => [["A", x.value as number]], 5);
    expect(rows.map((r) => r.t)).toEqual([0, 2 * M, 4 * M, 6 * M, 8 * M, 10 * M]);
    expect(rows.map((r) => r.A)).toEqual([1, 3, 5, 7, 9, 10]);
    expect(latestBySeries(rows).get("A")).toBe(10);
  });

  it("has nothing to draw for no points", () => {
    expect(pivot([], () => [])).toEqual([]);
  });
});
