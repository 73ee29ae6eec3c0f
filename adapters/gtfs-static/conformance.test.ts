/**
 * The loader on the real MTA static GTFS sample (../shared/data/static):
 * every expected count is computed here a second, naive way (line splitting),
 * or worked out by hand from the calendar files.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadStaticGtfs } from "./load";
import type { StaticGtfs } from "./model";

const STATIC = join(import.meta.dirname, "../../../shared/data/static");
const GTFS = join(STATIC, "gtfs-subway-2024");
const STOP_TIMES = join(STATIC, "stop_times_first_10000_rows.txt");
const present = existsSync(GTFS) && existsSync(STOP_TIMES);
if (!present) console.warn(`conformance: ${STATIC} absent, skipping the static GTFS conformance tests`);

/** Data lines split naively on commas (fine for files without quoted commas). */
const lines = (file: string) =>
  readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .slice(1);
const cells = (file: string) => lines(file).map((l) => l.split(","));

describe.skipIf(!present)("static GTFS conformance (gtfs-subway-2024)", () => {
  let g: StaticGtfs;
  let tmp: string;
  beforeAll(async () => {
    // The sample has no stop_times.txt; pair it with the 10,000-row one through symlinks (nothing is copied).
    tmp = mkdtempSync(join(tmpdir(), "gtfs-conf-"));
    for (const f of [
      "agency.txt",
      "stops.txt",
      "routes.txt",
      "trips.txt",
      "transfers.txt",
      "calendar.txt",
      "calendar_dates.txt",
      "Stations.csv",
    ]) {
      symlinkSync(join(GTFS, f), join(tmp, f));
    }
    symlinkSync(STOP_TIMES, join(tmp, "stop_times.txt"));
    const r = await loadStaticGtfs(tmp);
    if (!r.ok) throw r.error;
    g = r.value;
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("loads every row without warnings", () => {
    expect(g.warnings).toEqual([]);
    expect(g.stops.size).toBe(lines(join(GTFS, "stops.txt")).length);
    expect(g.routes.size).toBe(lines(join(GTFS, "routes.txt")).length);
    expect(g.trips.size).toBe(lines(join(GTFS, "trips.txt")).length);
    expect(g.transfers.length).toBe(lines(join(GTFS, "transfers.txt")).length);
    expect(g.calendar.size).toBe(lines(join(GTFS, "calendar.txt")).length);
    expect(g.calendarDates.length).toBe(lines(join(GTFS, "calendar_dates.txt")).length);
    expect(g.mtaStations.size).toBe(lines(join(GTFS, "Stations.csv")).length);
  });

  it("builds parent stations with their N/S platforms", () => {
    const rows = cells(join(GTFS, "stops.txt")); // stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station
    const parents = rows.filter((r) => r[4] === "1").map((r) => r[0]);
    expect(g.stations.size).toBe(parents.length);
    for (const id of parents) {
      const platforms = rows
        .filter((r) => r[5] === id)
        .map((r) => r[0])
        .sort();
      expect(
        g
          .station(id)!
          .platforms.map((p) => p.id)
          .sort(),
        id,
      ).toEqual(platforms);
    }
    expect(g.station("101N")!.id).toBe("101");
  });

  it("reads route colors and trips by route", () => {
    // route_color and route_text_color are the last two columns; the quoted description only has commas before them.
    for (const line of lines(join(GTFS, "routes.txt"))) {
      const parts = line.split(",");
      const id = parts[1];
      const color = parts.at(-2);
      expect(g.route(id)!.color, id).toBe(color ? `#${color.toUpperCase()}` : undefined);
    }
    const tripRows = cells(join(GTFS, "trips.txt"));
    for (const route of g.routes.keys()) {
      expect(g.tripsByRoute(route).length, route).toBe(tripRows.filter((r) => r[0] === route).length);
    }
  });

  it("computes services from calendar + calendar_dates", () => {
    // Worked out by hand: 2024-09-02 is Labor Day (Monday): Weekday and Weekday-1 removed, Sunday and Sunday-1 added;
    // Weekday-2 only starts 2024-09-03.
    expect([...g.servicesActiveOn("2024-09-02")].sort()).toEqual(["Sunday", "Sunday-1"]);
    expect([...g.servicesActiveOn("2024-09-03")].sort()).toEqual(["Weekday", "Weekday-2"]);
    expect([...g.servicesActiveOn("2024-11-28")].sort()).toEqual(["Sunday", "Sunday-2"]); // Thanksgiving
    expect([...g.servicesActiveOn("2024-12-15")]).toEqual([]); // after end_date
  });

  it("maps Stations.csv by header name: complex, borough, ADA", () => {
    const header = readFileSync(join(GTFS, "Stations.csv"), "utf8").split("\n")[0].split(",");
    const col = (name: string) => header.indexOf(name);
    const rows = cells(join(GTFS, "Stations.csv"));
    for (const r of rows) {
      const info = g.mtaStations.get(r[col("GTFS Stop ID")])!;
      expect(info.complexId).toBe(r[col("Complex ID")]);
      expect(info.borough).toBe(r[col("Borough")]);
      expect(String(info.ada)).toBe(r[col("ADA")]);
    }
    expect(g.station("R01")!.mta).toMatchObject({ complexId: "1", borough: "Q", ada: 0 });
  });

  it("streams stop_times: row count, trips and per-trip order match a naive grouping", () => {
    const rows = cells(STOP_TIMES); // trip_id,stop_id,arrival_time,departure_time,stop_sequence
    expect(g.stopTimes.size).toBe(rows.length);
    const byTrip = new Map<string, string[][]>();
    for (const r of rows) byTrip.set(r[0], [...(byTrip.get(r[0]) ?? []), r]);
    expect(g.stopTimes.tripCount).toBe(byTrip.size);
    const secs = (t: string) => t.split(":").reduce((acc, x) => acc * 60 + Number(x), 0);
    for (const [trip, list] of byTrip) {
      const expected = [...list]
        .sort((a, b) => Number(a[4]) - Number(b[4]))
        .map((r) => ({
          stopId: r[1],
          arrival: secs(r[2]),
          departure: secs(r[3]),
          stopSequence: Number(r[4]),
        }));
      expect(g.stopTimesForTrip(trip), trip).toEqual(expected);
    }
  });
});
