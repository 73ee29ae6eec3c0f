import { describe, expect, it } from "vitest";
import { placeOnStrip, type StripTrain, stationOf } from "./strip-rows";

// An express strip 96 St, 72 St, Times Sq down one avenue; 86 St and 79 St, local stops, between the first two.
const at = (lat: number) => ({ lat, lon: -73.98 });
const stations = new Map([
  ["96", at(40.7936)],
  ["86", at(40.7888)],
  ["79", at(40.7839)],
  ["72", at(40.7784)],
  ["TS", at(40.7553)],
]);
const strip = new Set(["96", "72", "TS"]);
const train = (t: Partial<StripTrain>): StripTrain => ({
  atStation: false,
  lastStationId: null,
  nextStationId: null,
  progress: 0,
  ...t,
});

describe("placeOnStrip", () => {
  it("puts a train at or nearer to a strip station on its row", () => {
    expect(placeOnStrip(train({ atStation: true, lastStationId: "72" }), strip, stations)).toEqual({
      row: "72",
      offStrip: null,
    });
    const moving = train({ lastStationId: "72", nextStationId: "TS", progress: 0.7 });
    expect(stationOf(moving)).toBe("TS");
    expect(placeOnStrip(moving, strip, stations)).toEqual({ row: "TS", offStrip: null });
  });

  it("puts a train off the strip on the row of the strip station nearest it, naming its own", () => {
    expect(placeOnStrip(train({ atStation: true, lastStationId: "86" }), strip, stations)).toEqual({
      row: "96",
      offStrip: "86",
    });
    // Moving from 86 St, mostly there, to 79 St: by 79 St, which is nearer 72 St.
    expect(
      placeOnStrip(train({ lastStationId: "86", nextStationId: "79", progress: 0.8 }), strip, stations),
    ).toEqual({ row: "72", offStrip: "79" });
  });

  it("leaves out a train with no station, or one the network does not place", () => {
    expect(placeOnStrip(train({}), strip, stations)).toBeNull();
    expect(placeOnStrip(train({ atStation: true, lastStationId: "X9" }), strip, stations)).toBeNull();
  });
});
