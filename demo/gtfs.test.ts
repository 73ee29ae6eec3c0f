import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadStaticGtfs, type StaticGtfs } from "../adapters/gtfs-static";
import { gtfsFiles, writeGtfsFolder } from "./gtfs";
import { buildNetwork } from "./network";
import { buildTimetable } from "./schedule/timetable";

const net = buildNetwork();
const timetable = buildTimetable(net);
let dir: string;
let gtfs: StaticGtfs;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "demo-gtfs-"));
  writeGtfsFolder(dir, gtfsFiles(net, timetable, { startDate: "20250101", endDate: "20251231" }));
  const loaded = await loadStaticGtfs(dir);
  if (!loaded.ok) throw loaded.error;
  gtfs = loaded.value;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("demo static GTFS through the project's GTFS loader", () => {
  it("loads every file without a warning", () => {
    expect(gtfs.warnings).toEqual([]);
    for (const f of [
      "agency.txt",
      "stops.txt",
      "routes.txt",
      "trips.txt",
      "stop_times.txt",
      "shapes.txt",
      "transfers.txt",
      "calendar.txt",
      "Stations.csv",
    ]) {
      expect(gtfs.files).toContain(f);
    }
    expect(gtfs.timezone).toBe("America/New_York");
  });

  it("has parent stations with N and S platforms", () => {
    const times = gtfs.stops.get("127")!;
    expect(times.locationType).toBe(1);
    expect(gtfs.stops.get("127N")?.parentStation).toBe("127");
    expect(gtfs.stops.get("127S")?.parentStation).toBe("127");
    expect(gtfs.stations.size).toBe(net.stations.size);
    expect(gtfs.stops.size).toBe(net.stations.size * 3);
  });

  it("has the routes with their colours (the diamond expresses as routes of their own)", () => {
    expect(gtfs.routes.get("4")?.color).toBe("#00933C");
    expect(gtfs.routes.get("N")?.color).toBe("#FCCC0A");
    expect(gtfs.routes.get("N")?.textColor).toBe("#000000");
    expect(gtfs.routes.get("SI")?.color).toBe("#1D2F6F");
    expect(gtfs.routes.has("6X")).toBe(true);
    expect(gtfs.routes.has("7X")).toBe(true);
  });

  it("has every trip, with its stop times in order and a shape", () => {
    expect(gtfs.trips.size).toBe(timetable.length);
    const t = timetable.find((x) => x.routeId === "A" && x.direction === "S" && x.start >= 8 * 3600)!;
    const trip = gtfs.trips.get(t.gtfsTripId)!;
    expect(trip.routeId).toBe("A");
    expect(trip.directionId).toBe(1);
    expect(gtfs.shapes.has(trip.shapeId!)).toBe(true);
    const times = gtfs.stopTimesForTrip(t.gtfsTripId);
    expect(times.map((x) => x.stopId)).toEqual(t.stops.map((s) => s.stopId));
    expect(times[0].departure).toBe(t.start);
    for (let i = 1; i < times.length; i++) expect(times[i].arrival!).toBeGreaterThan(times[i - 1].arrival!);
    expect(times[0].stopId).toBe("A02S"); // from Inwood-207 St
    for (const x of gtfs.trips.values()) expect(gtfs.shapes.has(x.shapeId!), x.id).toBe(true);
  });

  it("runs the weekday service on the demo date", () => {
    const cal = gtfs.calendar.get("Weekday")!;
    expect(cal.days).toEqual([true, true, true, true, true, false, false]);
    expect(cal.startDate).toBeLessThanOrEqual(20251002);
    expect(cal.endDate).toBeGreaterThanOrEqual(20251002);
  });

  it("links the stations of a complex with transfers and Stations.csv complex ids", () => {
    const fromTimesSq = gtfs.transfers.filter((x) => x.fromStopId === "127").map((x) => x.toStopId);
    expect(fromTimesSq.sort()).toEqual(["127", "725", "902", "A27", "R16"].sort());
    const complex = (id: string) => gtfs.mtaStations.get(id)?.complexId;
    expect(complex("L03")).toBe(complex("635"));
    expect(complex("R16")).toBe(complex("127"));
    expect(gtfs.mtaStations.get("127")?.daytimeRoutes.sort()).toEqual(["1", "2", "3"]);
  });
});
