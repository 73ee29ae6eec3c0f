import { describe, expect, it } from "vitest";
import { backoffCeilingMs, backoffDelayMs } from "./backoff";

describe("full-jitter backoff", () => {
  it("doubles the ceiling per failure up to the cap", () => {
    // worked by hand: base 500, cap 5000 -> 500, 1000, 2000, 4000, 5000, 5000
    expect([1, 2, 3, 4, 5, 6].map((k) => backoffCeilingMs(k, 500, 5_000))).toEqual([
      500, 1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
    expect(backoffCeilingMs(10_000, 500, 5_000)).toBe(5_000); // no overflow to Infinity/NaN
  });

  it("draws the delay uniformly below the ceiling", () => {
    const o = (r: number) => ({ baseMs: 1_000, maxMs: 60_000, random: () => r });
    expect(backoffDelayMs(3, o(0))).toBe(0);
    expect(backoffDelayMs(3, o(0.5))).toBe(2_000);
    expect(backoffDelayMs(3, o(0.999_999))).toBe(3_999);
    for (let k = 1; k <= 12; k++) {
      for (const r of [0, 0.1, 0.37, 0.5, 0.93, 0.999_999]) {
        const d = backoffDelayMs(k, o(r));
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(Math.min(60_000, 1_000 * 2 ** (k - 1)));
      }
    }
  });
});
