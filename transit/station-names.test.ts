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

  it("keeps, of the stations of a repeated name, those the outage's lines stop at", () => {
    const resolve = stationNameResolver([
      { id: "121", name: "86 St", lat: 0, lon: 0, routes: ["1", "2", "3"], ada: 0 },
      { id: "626", name: "86 St", lat: 0, lon: 0, routes: ["4", "5", "6"], ada: 1 },
      { id: "Q04", name: "86 St", lat: 0, lon: 0, routes: ["Q"], ada: 1 },
      { id: "N10", name: "86 St", lat: 0, lon: 0, routes: ["N"], ada: 0 },
      { id: "A09", name: "Inwood-207 St", lat: 0, lon: 0, routes: ["A"], ada: 0 },
    ]);
    expect(resolve("86 St", ["Q"])).toEqual(["Q04"]);
    expect(resolve("86 St", ["4", "5", "6", "Q"])).toEqual(["626", "Q04"]);
    expect(resolve("86 St", [])).toEqual(["121", "626", "N10", "Q04"]); // no lines: every one
    // Lines that stop at none of them: the name alone cannot tell which; unless it is unique.
    expect(resolve("86 St", ["7"])).toEqual([]);
    expect(resolve("Inwood-207 St", ["1"])).toEqual(["A09"]);
  });

  it("reads the feed's S as any shuttle and SIR as the Staten Island Railway", () => {
    const resolve = stationNameResolver([
      { id: "S01", name: "Franklin Av", lat: 0, lon: 0, routes: ["FS"], ada: 0 },
      { id: "A45", name: "Franklin Av", lat: 0, lon: 0, routes: ["C"], ada: 0 },
      { id: "S31", name: "St George", lat: 0, lon: 0, routes: ["SI"], ada: 1 },
    ]);
    expect(resolve("Franklin Av", ["S"])).toEqual(["S01"]);
    expect(resolve("St George", ["SIR"])).toEqual(["S31"]);
  });
});
