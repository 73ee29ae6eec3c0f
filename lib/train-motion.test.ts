import { describe, expect, it } from "vitest";
import type { TrainView } from "../transit/contract";
import { progressAt, TrackGeometry, trainPosition } from "./train-motion";

// An L-shaped line: A (40.70, -74.00) north to a bend, then east to B. Both legs
// ~1.11 km: 0.01 deg of latitude, and 0.01 / cos(40.7 deg) deg of longitude.
const dLon = 0.01 / Math.cos((40.705 * Math.PI) / 180);
const bend: [number, number] = [40.71, -74.0];
const stations: Record<string, [number, number]> = {
  A: [40.7, -74.0],
  B: [40.71, -74.0 + dLon],
};
const geo = new TrackGeometry([{ id: "L", shapes: [[stations.A, bend, stations.B]] }], (id) => stations[id]);

const train = (over: Partial<TrainView>): TrainView => ({
  tripKey: "t",
  tripId: "t",
  route: "L",
  direction: "N",
  trainId: null,
  lat: 40.7,
  lon: -74.0,
  bearing: null,
  lastStationId: "A",
  nextStationId: "B",
  progress: 0,
  atStation: false,
  stalled: false,
  delaySec: 0,
  nextEta: 100_000,
  ...over,
});

describe("train motion", () => {
  it("goes along the shape, not straight across: halfway is the bend", () => {
    const p = geo.between("L", "A", "B", 0.5)!;
    expect(p[0]).toBeCloseTo(bend[0], 4);
    expect(p[1]).toBeCloseTo(bend[1], 4);
    // A quarter of the way is halfway up the first leg.
    const q = geo.between("L", "A", "B", 0.25)!;
    expect(q[0]).toBeCloseTo(40.705, 4);
    expect(q[1]).toBeCloseTo(-74.0, 4);
    // Reversed direction runs the shape backwards.
    const r = geo.between("L", "B", "A", 0.25)!;
    expect(r[0]).toBeCloseTo(40.71, 4);
    expect(r[1]).toBeCloseTo(-74.0 + dLon / 2, 4);
  });

  it("falls back to a straight line when no shape holds both stations", () => {
    const p = geo.between("X", "A", "B", 0.5)!;
    expect(p[0]).toBeCloseTo(40.705, 6);
    expect(p[1]).toBeCloseTo(-74.0 + dLon / 2, 6);
  });

  it("carries progress on linearly to the ETA and no further", () => {
    const t = train({ progress: 0.2, nextEta: 100_000 });
    expect(progressAt(t, 0, 50_000)).toBeCloseTo(0.6, 9); // 0.2 + 0.8 * 0.5
    expect(progressAt(t, 0, 100_000)).toBe(1);
    expect(progressAt(t, 0, 500_000)).toBe(1);
    expect(progressAt(t, 0, -5)).toBe(0.2);
  });

  it("keeps stopped and stalled trains where the server put them", () => {
    expect(progressAt(train({ atStation: true, progress: 0.4 }), 0, 50_000)).toBe(0);
    expect(progressAt(train({ stalled: true, progress: 0.4 }), 0, 50_000)).toBe(0.4);
    expect(progressAt(train({ nextEta: null, progress: 0.4 }), 0, 50_000)).toBe(0.4);
    const at = trainPosition(geo, train({ atStation: true, lat: 1, lon: 2 }), 0, 50_000);
    expect(at).toEqual([1, 2]);
    const held = trainPosition(geo, train({ stalled: true, lat: 3, lon: 4 }), 0, 50_000);
    expect(held).toEqual([3, 4]);
  });

  it("places a moving train on the track at its carried-on progress", () => {
    const p = trainPosition(geo, train({ progress: 0, nextEta: 100_000 }), 0, 50_000);
    expect(p[0]).toBeCloseTo(bend[0], 4);
    expect(p[1]).toBeCloseTo(bend[1], 4);
  });
});
