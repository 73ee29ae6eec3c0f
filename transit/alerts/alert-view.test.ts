import { describe, expect, it } from "vitest";
import { isActiveAt, parentStationId, routesOf, stationsOf } from "./alert-view";

describe("alert entities", () => {
  it("strips the direction letter from platform stop ids only", () => {
    expect(["A15N", "101S", "S09N", "N12S", "A15", "101", "R60", "400123"].map(parentStationId)).toEqual([
      "A15",
      "101",
      "S09",
      "N12",
      "A15",
      "101",
      "R60",
      "400123",
    ]);
  });

  it("takes routes from route ids and from sort_order only on entities naming neither route nor stop", () => {
    const informed = [
      { agencyId: "MTASBWY", stopId: "A15N", sortOrder: "MTASBWY:A15:20" }, // a stop: its middle part is no route
      { sortOrder: "MTASBWY:6:10" },
      { sortOrder: "MTA NYCT:M15:5" },
      { agencyId: "MTASBWY", routeId: "6" },
      { sortOrder: "garbage" },
    ];
    expect(routesOf(informed, null)).toEqual(["6", "MTA NYCT:M15"]);
    expect(stationsOf(informed)).toEqual(["A15"]);
  });

  it("is active in [start, end), with open ends, and always without periods", () => {
    const p = {
      activePeriods: [
        { start: 100, end: 200 },
        { start: 500, end: null },
      ],
    };
    expect([99, 100, 199, 200, 499, 500, 1e13].map((t) => isActiveAt(p, t))).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      true,
    ]);
    expect(isActiveAt({ activePeriods: [] }, 0)).toBe(true);
    expect(isActiveAt({ activePeriods: [{ start: 0, end: null }] }, 1)).toBe(true);
  });
});
