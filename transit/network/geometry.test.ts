import { describe, expect, it } from "vitest";
import { bearingDeg, distanceM, pointAlong, projectInOrder, reversed, slice } from "./geometry";

describe("geometry", () => {
  it("gives bearings clockwise from north", () => {
    expect(bearingDeg(40.7, -73.9, 40.8, -73.9)).toBe(0);
    expect(bearingDeg(40.8, -73.9, 40.7, -73.9)).toBe(180);
    expect(bearingDeg(40.7, -73.9, 40.7, -73.8)).toBe(90);
    expect(bearingDeg(40.7, -73.9, 40.7, -73.9)).toBeNull();
  });

  it("measures a degree of latitude as ~111.2 km", () => {
    expect(distanceM(40, -74, 41, -74) / 1000).toBeCloseTo(111.19, 1);
  });

  // A hairpin: north 0.02 degrees, then east, then back south next to the way up.
  const hairpin = Float64Array.from([40.0, -74.0, 40.02, -74.0, 40.02, -73.999, 40.0, -73.999]);

  it("projects stations in travel order, not onto the nearest leg when the line doubles back", () => {
    // The third station lies on the way down, but is as close to the way up: the search only goes forward.
    const at = projectInOrder(hairpin, [
      [40.005, -74.0],
      [40.02, -73.9995],
      [40.005, -73.999],
    ]);
    expect(at[0]).toBeLessThan(at[1]);
    expect(at[1]).toBeLessThan(at[2]);
    const up = distanceM(40, -74, 40.02, -74);
    const across = distanceM(40.02, -74, 40.02, -73.999);
    expect(at[2]).toBeCloseTo(up + across + distanceM(40.02, -73.999, 40.005, -73.999), 0);
  });

  it("slices and walks along a polyline", () => {
    const line = Float64Array.from([40.0, -74.0, 40.01, -74.0, 40.02, -74.0]);
    const half = slice(line, 0, distanceM(40, -74, 40.015, -74));
    expect(half.length).toBe(6); // start, the middle vertex, the cut point
    expect(half[4]).toBeCloseTo(40.015, 9);
    expect(pointAlong(line, 0.25).lat).toBeCloseTo(40.005, 9);
    expect(Array.from(reversed(line))).toEqual([40.02, -74.0, 40.01, -74.0, 40.0, -74.0]);
  });
});
