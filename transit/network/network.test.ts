import { describe, expect, it } from "vitest";
import { TINY_GTFS } from "../../adapters/gtfs-static/testing/tiny-gtfs";
import { buildTransitNetwork } from "./build";
import { distanceM, pointAlong } from "./geometry";
import { serviceDayOriginMs } from "./service-day";
import { loadTinyGtfs, type TinyGtfsSpec } from "./testing";

const MIN = 60;
const H8 = 8 * 3600;
// A1 (north) .. A5 (south), 0.01 degree of latitude apart (~1.1 km).
const stations = [1, 2, 3, 4, 5].map((i) => ({
  id: `A${i}`,
  name: `${i} Av`,
  lat: 40.8 - i * 0.01,
  lon: -73.9,
}));
const south = (start: number, n = 5) =>
  stations.slice(0, n).map((s, i) => [s.id, start + i * 2 * MIN] as [string, number]);
const north = (start: number) =>
  [...stations].reverse().map((s, i) => [s.id, start + i * 3 * MIN] as [string, number]);

const SPEC: TinyGtfsSpec = {
  stations,
  routes: [{ id: "A", color: "0039a6", textColor: "FFFFFF" }, { id: "B" }, { id: "Y", color: "FCCC0A" }],
  trips: [
    // Main southbound routing every 10 min, 08:00..09:00 (7 trips), 2 min between stations.
    ...[0, 10, 20, 30, 40, 50, 60].map((m) => ({
      id: `WKD-${String((H8 / 60 + m) * 100).padStart(6, "0")}_A..S`,
      route: "A",
      direction: "S" as const,
      stops: south(H8 + m * MIN),
      shapeId: "A..S",
    })),
    // A short-turn routing A1..A3 at 08:05 and 08:25.
    ...[5, 25].map((m) => ({
      id: `WKD-${String((H8 / 60 + m) * 100).padStart(6, "0")}_A..S`,
      route: "A",
      direction: "S" as const,
      stops: south(H8 + m * MIN, 3),
    })),
    // Northbound every 20 min, 3 min between stations.
    ...[0, 20, 40].map((m) => ({
      id: `WKD-${String((H8 / 60 + m) * 100).padStart(6, "0")}_A..N`,
      route: "A",
      direction: "N" as const,
      stops: north(H8 + m * MIN),
    })),
    // A weekend-only trip must not count on a weekday.
    { id: "WKE-048000_A..S", route: "A", direction: "S", stops: south(H8), service: "Weekend" },
  ],
  // The southbound shape bends east between A1 and A2.
  shapes: {
    "A..S": [
      [40.79, -73.9],
      [40.785, -73.89],
      [40.78, -73.9],
      [40.77, -73.9],
      [40.76, -73.9],
      [40.75, -73.9],
    ],
  },
};

const DATE = "20250106"; // a Monday
const ORIGIN = Date.UTC(2025, 0, 6, 5); // midnight EST

describe("serviceDayOriginMs", () => {
  it("is local midnight on an ordinary day, and noon minus 12 h on the day clocks spring forward", () => {
    expect(serviceDayOriginMs(DATE)).toBe(ORIGIN);
    expect(serviceDayOriginMs("2025-07-01")).toBe(Date.UTC(2025, 6, 1, 4)); // EDT
    // 2025-03-09: noon is EDT (16:00 UTC), so the origin is 04:00 UTC = 23:00 EST the evening before.
    expect(serviceDayOriginMs("20250309")).toBe(Date.UTC(2025, 2, 9, 4));
  });
});

describe("buildTransitNetwork on a hand-made day", async () => {
  const gtfs = await loadTinyGtfs(SPEC);
  const net = buildTransitNetwork(gtfs, DATE);
  const at = (sec: number) => ORIGIN + sec * 1000;

  it("finds the day's routings per direction, the most common first, with counts and runtimes", () => {
    const s = net.patterns("A", "S");
    expect(s.map((p) => [p.stations.join(" "), p.tripCount, p.runtimeSec])).toEqual([
      ["A1 A2 A3 A4 A5", 7, 8 * MIN],
      ["A1 A2 A3", 2, 4 * MIN],
    ]);
    expect(net.mainPattern("A", "N")?.stations).toEqual(["A5", "A4", "A3", "A2", "A1"]);
    expect(net.mainPattern("A", "S")?.startsByHour[8]).toBe(6); // 08:00..08:50; the 09:00 one is hour 9
    expect(net.scheduledTrips.length).toBe(12); // the weekend trip is not on a Monday
  });

  it("gives the scheduled headway at a station per hour, and the line's mean and max", () => {
    // A2 southbound arrivals: 08:02 08:07 08:12 08:22 08:27 08:32 08:42 08:52 09:02 (short turns at :07 and :27).
    // Gaps closing in hour 8: 5 5 10 5 5 10 10 -> mean 50/7 min.
    expect(net.scheduledHeadwaySec("A", "S", "A2", at(H8 + 30 * MIN))).toBeCloseTo((50 / 7) * 60, 9);
    // A5 only sees the main routing: gaps of 10 min.
    expect(net.scheduledHeadwaySec("A", "S", "A5", at(H8 + 30 * MIN))).toBe(600);
    const line = net.lineHeadway("A", "S", at(H8 + 30 * MIN))!;
    expect(line.maxSec).toBe(600);
    // Hour 8 gaps: A1 (00 05 10 20 25 30 40 50): 5 5 10 5 5 10 10 = 50 min / 7; A2 the same (7 gaps);
    // A3 the same (7 gaps, the last train of hour 8 arrives 08:54); A4 (08:06 .. 08:56): 5 gaps of 10;
    // A5 (08:08 .. 08:58): 5 gaps of 10.
    expect(line.meanSec).toBeCloseTo(((50 * 3 + 50 + 50) / (7 * 3 + 5 + 5)) * 60, 9);
    expect(net.scheduledHeadwaySec("A", "S", "A2", at(3 * 3600))).toBeUndefined(); // nothing at 03:00
  });

  it("knows the scheduled time between consecutive stations and the trips due on the line", () => {
    expect(net.scheduledPairSec("S", "A1", "A2")).toBe(120);
    expect(net.scheduledPairSec("N", "A2", "A1")).toBe(180);
    expect(net.scheduledPairSec("S", "A2", "A1")).toBeUndefined();
    expect(net.previousStation("A", "S", "A3")).toBe("A2");
    // A trip is due from 3 min after it leaves to its last arrival. Southbound main runs take 8 min
    // (08:00 -> 08:08: due 08:03..08:08), the short turns 4 (08:05 -> 08:09: due 08:08..08:09).
    const dueS = (h: number, m: number) => net.tripsDue("A", "S", at(h * 3600 + m * MIN));
    expect(dueS(8, 2)).toBe(0); // the 08:00 has left, and is not late yet
    expect(dueS(8, 3)).toBe(1); // the weekend 08:00 does not run on a Monday
    expect(dueS(8, 8)).toBe(2); // the 08:00 arriving and the 08:05 short turn
    expect(dueS(8, 9)).toBe(1);
    expect(dueS(8, 10)).toBe(0);
    expect(dueS(9, 8)).toBe(1); // the last, 09:00
    expect(dueS(9, 9)).toBe(0);
    expect(net.tripsDue("A", "S", at(H8 + 3 * MIN + 59))).toBe(1); // by the minute
    expect(net.tripsDue("B", "S", at(H8 + 3 * MIN))).toBe(0);
    expect(net.anyTripDueWithin("A", "S", at(H8), 2 * MIN * 1000)).toBe(false);
    expect(net.anyTripDueWithin("A", "S", at(H8), 3 * MIN * 1000)).toBe(true);
    expect(net.anyTripDueWithin("A", "S", at(9 * 3600 + 20 * MIN), 12 * MIN * 1000)).toBe(true);
    expect(net.anyTripDueWithin("A", "S", at(9 * 3600 + 20 * MIN), 11 * MIN * 1000)).toBe(false);
  });

  it("matches scheduled trips to realtime ids on origin, route and direction", () => {
    const t = net.scheduledTrips.find((x) => x.tripId === "WKD-048500_A..S")!;
    expect(t.matchKey).toBe("48500|A|S");
    expect(t.startMs).toBe(at(H8 + 5 * MIN));
    expect(t.endMs).toBe(at(H8 + 9 * MIN));
    expect(Array.from(t.times)).toEqual([0, 2, 4].map((m) => at(H8 + (5 + m) * MIN)));
  });

  it("draws a pair along its shape, and falls back to a straight line without one", () => {
    const bent = net.segment("A", "A1", "A2");
    // starts at A1, passes the bend 0.01 degrees east, ends at A2
    expect([bent[0], bent[1]]).toEqual([40.79, -73.9]);
    expect(Math.max(...bent.filter((_, i) => i % 2 === 1))).toBeCloseTo(-73.89, 9);
    expect(bent[bent.length - 2]).toBeCloseTo(40.78, 9);
    expect(bent[bent.length - 1]).toBeCloseTo(-73.9, 9);
    // The reverse pair of the northbound routing (no shape of its own) reuses it backwards.
    const back = net.segment("A", "A2", "A1");
    expect(back[0]).toBeCloseTo(40.78, 9);
    // Route B has no trips at all: a straight line between the stations.
    expect(Array.from(net.segment("B", "A4", "A5"))).toEqual([40.76, -73.9, 40.75, -73.9]);
    // Halfway along the bent stretch is the bend itself (two equal legs).
    const mid = pointAlong(bent, 0.5);
    expect(mid.lat).toBeCloseTo(40.785, 6);
    expect(mid.lon).toBeCloseTo(-73.89, 6);
    expect(distanceM(40.79, -73.9, 40.78, -73.9)).toBeCloseTo(1112, 0);
  });

  it("gives every route a colour and a readable text colour", () => {
    const v = net.toNetworkView();
    const route = (id: string) => v.routes.find((r) => r.id === id)!;
    expect(route("A")).toMatchObject({ color: "#0039A6", textColor: "#FFFFFF" });
    expect(route("B")).toMatchObject({ color: "#808183" }); // none given: grey
    expect(route("Y")).toMatchObject({ color: "#FCCC0A", textColor: "#000000" }); // yellow: black text
    expect(v.routes.map((r) => r.id)).toEqual(["A", "B", "Y"]);
  });

  it("produces the NetworkView: one polyline per routing (a routing and its reverse once), stations in order", () => {
    const v = net.toNetworkView();
    const a = v.routes.find((r) => r.id === "A")!;
    expect(a.stations).toEqual({ N: ["A5", "A4", "A3", "A2", "A1"], S: ["A1", "A2", "A3", "A4", "A5"] });
    expect(a.shapes.length).toBe(2); // main (shape) + short turn; the northbound is the main reversed
    expect(a.shapes.flat()).toContainEqual([40.785, -73.89]);
    expect(v.stations.map((s) => [s.id, s.routes.join()])).toEqual([
      ["A1", "A"],
      ["A2", "A"],
      ["A3", "A"],
      ["A4", "A"],
      ["A5", "A"],
    ]);
    expect(v.bikeStations).toEqual([]);
  });
});

describe("buildTransitNetwork on the adapters' tiny feed", async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { loadStaticGtfs } = await import("../../adapters/gtfs-static");
  const dir = mkdtempSync(join(tmpdir(), "tiny-"));
  for (const [n, t] of Object.entries(TINY_GTFS)) writeFileSync(join(dir, n), t);
  const r = await loadStaticGtfs(dir);
  rmSync(dir, { recursive: true, force: true });
  if (!r.ok) throw r.error;

  it("keeps Stations.csv's accessibility and daytime routes for stations", () => {
    const net = buildTransitNetwork(r.value, "20240705"); // a Friday: T1 and T3 run
    const st = net.toNetworkView().stations;
    expect(st.find((s) => s.id === "A02")?.ada).toBe(1);
    expect(st.find((s) => s.id === "101")?.ada).toBe(0);
    expect(net.routes.get("1")?.textColor).toBe("#FFFFFF"); // red: white text
  });
});

describe("the routings running after midnight", async () => {
  // E southbound: a daytime routing A1..A3, an evening one A1..A5 (22:30, 23:30 and 24:15, i.e. 00:15
  // the next morning), and a night shuttle A1..A2 at 00:20.
  const trip = (id: string, start: number, n: number) => ({
    id: `WKD-${id}_E..S`,
    route: "E",
    direction: "S" as const,
    stops: south(start, n),
  });
  const gtfs = await loadTinyGtfs({
    stations,
    routes: [{ id: "E" }],
    trips: [
      trip("048000", 8 * 3600, 3),
      trip("051000", 8.5 * 3600, 3),
      trip("135000", 22.5 * 3600, 5),
      trip("141000", 23.5 * 3600, 5),
      trip("145500", 24.25 * 3600, 5),
      trip("002000", 20 * MIN, 2),
    ],
  });
  const net = buildTransitNetwork(gtfs, DATE);
  const at = (h: number) => ORIGIN + h * 3_600_000;
  const names = (ps: readonly { stations: readonly string[] }[]) =>
    ps.map((p) => p.stations.join(" ")).sort();

  it("counts the previous evening's routings as running in the small hours, as this day's evening stands for them", () => {
    // 00:40: the night shuttle starts this hour, and last evening's trains to A5 are still out.
    expect(names(net.activePatterns("E", "S", at(0.67)))).toEqual(["A1 A2", "A1 A2 A3 A4 A5"]);
    expect(net.currentPattern("E", "S", at(0.67))?.stations).toEqual(["A1", "A2", "A3", "A4", "A5"]);
    // 09:00: the daytime routing only; 23:00: the evening one only.
    expect(names(net.activePatterns("E", "S", at(9)))).toEqual(["A1 A2 A3"]);
    expect(names(net.activePatterns("E", "S", at(23)))).toEqual(["A1 A2 A3 A4 A5"]);
  });
});
