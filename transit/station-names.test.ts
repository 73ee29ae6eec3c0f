import { describe, expect, it } from "vitest";
import { stationNameResolver } from "./station-names";

describe("station names", () => {
  it("resolves free-text station names to every parent station of that name", () => {
    const resolve = stationNameResolver([
      { id: "127", name: "Times Sq-42 St", lat: 0, lon: 0, routes: ["1"], ada: 1 },
      { id: "R16", name: "Times Sq - 42 St", lat: 0, lon: 0, routes: ["N"], ada: 1 },
      { id: "A27", name: "42 St-Port Authority Bus Terminal", lat: 0, lon: 0, routes: ["A"], ada: 1 },
    ]);
    expect(resolve("TIMES SQ-42 STREET")).toEqual(["127", "R16"]);
    expect(resolve("Nowhere Av")).toEqual([]);
  });
});
