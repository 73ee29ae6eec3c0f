import { describe, expect, it } from "vitest";
import { bikeOutlook } from "./bike-outlook";

const dock = (bikes: number, docks: number, toEmpty: number | null, toFull: number | null) => ({
  bikes,
  docks,
  minutesToEmpty: toEmpty,
  minutesToFull: toFull,
});

describe("bikeOutlook", () => {
  it("says when a draining dock empties, a filling one fills, within the hour", () => {
    // 5 bikes left, losing 10 an hour: 30 min.
    expect(bikeOutlook(dock(5, 20, 30, null))).toEqual({ text: "empty in ~30 min", soon: false });
    expect(bikeOutlook(dock(18, 2, null, 11.6))).toEqual({ text: "full in ~12 min", soon: true });
    expect(bikeOutlook(dock(1, 20, 0.4, null))).toEqual({ text: "empty within a minute", soon: true });
  });

  it("says nothing beyond the hour, without a prediction, or for a dock already empty or full", () => {
    expect(bikeOutlook(dock(30, 5, 95, null))).toBeNull();
    expect(bikeOutlook(dock(10, 10, null, null))).toBeNull();
    expect(bikeOutlook(dock(0, 25, 0, null))).toBeNull();
    expect(bikeOutlook(dock(25, 0, null, 0))).toBeNull();
  });
});
