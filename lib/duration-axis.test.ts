import { describe, expect, it } from "vitest";
import { durationAxis } from "./duration-axis";

const labels = (lo: number, hi: number) => {
  const a = durationAxis(lo, hi);
  return a.ticks.map(a.label);
};

describe("durationAxis", () => {
  it("ticks a 10-minute headway every 2 minutes, each label exact (7.5 min is not a tick, so never shown as 8m)", () => {
    expect(durationAxis(0, 600).ticks).toEqual([0, 120, 240, 360, 480, 600]);
    expect(labels(0, 600)).toEqual(["0", "2m", "4m", "6m", "8m", "10m"]);
  });

  it("ticks an overnight wait of 167 minutes in hours", () => {
    expect(durationAxis(0, 10_000).ticks).toEqual([0, 3600, 7200, 10_800]);
    expect(labels(0, 10_000)).toEqual(["0", "1h", "2h", "3h"]);
  });

  it("ticks a 100-minute wait in half hours, labelled in minutes", () => {
    expect(labels(0, 6000)).toEqual(["0", "30m", "60m", "90m", "120m"]);
  });

  it("ticks under two minutes in seconds, and half minutes past them as minutes and seconds", () => {
    expect(labels(0, 60)).toEqual(["0", "15s", "30s", "45s", "60s"]);
    expect(labels(0, 130)).toEqual(["0", "30s", "60s", "90s", "2m", "2m30s"]);
  });

  it("covers negative values (trains early) from a whole step below them", () => {
    expect(durationAxis(-100, 300).ticks).toEqual([-120, 0, 120, 240, 360]);
    expect(labels(-100, 300)).toEqual(["-2m", "0", "2m", "4m", "6m"]);
  });

  it("never has more than five intervals below six-hour steps, and always covers the data", () => {
    for (const hi of [1, 14, 59, 61, 299, 301, 1799, 3601, 9000, 9001, 50_000, 100_000]) {
      const { ticks } = durationAxis(0, hi);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(hi);
      if (hi <= 5 * 21_600) expect(ticks.length - 1).toBeLessThanOrEqual(5);
    }
  });

  it("gives a one-minute axis when there is nothing to show (all zero, or no values)", () => {
    expect(labels(0, 0)).toEqual(["0", "15s", "30s", "45s", "60s"]);
    expect(labels(0, Number.NEGATIVE_INFINITY)).toEqual(["0", "15s", "30s", "45s", "60s"]);
  });
});
