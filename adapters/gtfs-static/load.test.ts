import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadStaticGtfs } from "./load";
import type { StaticGtfs } from "./model";
import { OLD_STATIONS_CSV, TINY_GTFS } from "./testing/tiny-gtfs";
import { makeZip } from "./testing/zip-writer";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "gtfs-test-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function writeFolder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function mustLoad(source: string): Promise<StaticGtfs> {
  const r = await loadStaticGtfs(source);
  if (!r.ok) throw r.error;
  return r.value;
}

/** Every answer below is read off testing/tiny-gtfs.ts by hand. */
function checkTiny(g: StaticGtfs): void {
  expect(g.timezone).toBe("America/New_York");
  expect([...g.stations.keys()].sort()).toEqual(["101", "A02"]);
  expect(g.station("101")!.platforms.map((p) => p.id)).toEqual(["101N", "101S"]);
  expect(g.station("A02S")!.id).toBe("A02");
  expect(g.station("A02")!.name).toBe("Inwood-207 St, Manhattan");
  expect(g.stop("101N")).toMatchObject({
    locationType: 0,
    parentStation: "101",
    lat: 40.889248,
    lon: -73.898583,
  });
  expect(g.station("nope")).toBeUndefined();

  expect(g.route("1")).toMatchObject({
    shortName: "1",
    longName: "Broadway - 7 Avenue Local",
    color: "#EE352E",
    textColor: undefined,
  });
  expect(g.route("1")!.description).toBe('Trains operate "local", at all times');
  expect(g.route("A")).toMatchObject({ color: "#0039A6", textColor: "#FFFFFF", type: 1 });

  expect(g.tripsByRoute("1").map((t) => t.id)).toEqual(["T1", "T2"]);
  expect(g.tripsByRoute("A").map((t) => t.id)).toEqual(["T3", "T4"]);
  expect(g.trip("T1")).toMatchObject({
    routeId: "1",
    serviceId: "Weekday",
    headsign: "South Ferry",
    directionId: 1,
    shapeId: "1..S03R",
  });

  expect(g.stopTimesForTrip("T1")).toEqual([
    { stopId: "A02S", arrival: 360, departure: 360, stopSequence: 1 },
    { stopId: "101S", arrival: 600, departure: 630, stopSequence: 2 },
    { stopId: "101S", stopSequence: 3 },
    { stopId: "A02N", arrival: 1200, departure: 1200, stopSequence: 4 },
  ]);
  expect(g.stopTimesForTrip("T2").map((s) => s.arrival)).toEqual([25 * 3600 + 600, 25 * 3600 + 1200]);
  expect(g.stopTimesForTrip("T3").map((s) => s.stopSequence)).toEqual([1, 2]); // the "xx" row dropped
  expect(g.stopTimesForTrip("T5")).toHaveLength(1);
  expect(g.stopTimesForTrip("T4")).toEqual([]);
  expect(g.stopTimes.size).toBe(9);
  expect(g.warnings).toHaveLength(1);
  expect(g.warnings[0]).toMatch(/stop_times\.txt line 9/);

  expect(Array.from(g.shapes.get("1..S03R")!.points)).toEqual([
    40.889248, -73.898583, 40.87, -73.91, 40.86, -73.92,
  ]);
  expect(g.transfers).toEqual([
    { fromStopId: "101", toStopId: "101", transferType: 2, minTransferTime: 180 },
    { fromStopId: "A02", toStopId: "101", transferType: 2, minTransferTime: 300 },
  ]);

  // 2024-07-04 is a Thursday run on a Sunday schedule; 2024-11-30 a Saturday without service.
  expect([...g.servicesActiveOn("20240704")]).toEqual(["Sunday"]);
  expect([...g.servicesActiveOn("2024-07-05")]).toEqual(["Weekday"]);
  expect([...g.servicesActiveOn(20240706)]).toEqual(["Saturday"]);
  expect([...g.servicesActiveOn("20241130")]).toEqual([]);
  expect([...g.servicesActiveOn("20250102")]).toEqual([]);
  expect(g.tripsActiveOn("20240705").map((t) => t.id)).toEqual(["T1", "T3"]);
  expect(g.tripsActiveOn("20240704", "A").map((t) => t.id)).toEqual(["T4"]);

  expect(g.station("101")!.mta).toMatchObject({
    complexId: "293",
    borough: "Bx",
    ada: 0,
    daytimeRoutes: ["1"],
  });
  expect(g.station("A02")!.mta).toMatchObject({
    complexId: "143",
    borough: "M",
    ada: 1,
    adaNorthbound: true,
    southLabel: "Downtown",
  });
}

describe("loadStaticGtfs", () => {
  it("loads a folder", async () => {
    const g = await mustLoad(writeFolder(TINY_GTFS));
    checkTiny(g);
    expect([...g.files].sort()).toEqual(Object.keys(TINY_GTFS).sort());
  });

  it("loads a zip (entries in a subfolder, deflated and stored) with the same result", async () => {
    const dir = tempDir();
    const entries = Object.entries(TINY_GTFS).map(([name, data], i) => ({
      name: `gtfs/${name}`,
      data,
      store: i % 2 === 0,
    }));
    const zipPath = join(dir, "google_transit.zip");
    writeFileSync(
      zipPath,
      makeZip([{ name: "gtfs/", data: "", store: true }, ...entries, { name: "readme.md", data: "hi" }]),
    );
    checkTiny(await mustLoad(zipPath));
  });

  it("reads the pre-2024 Stations.csv columns by name", async () => {
    const g = await mustLoad(writeFolder({ ...TINY_GTFS, "Stations.csv": OLD_STATIONS_CSV }));
    expect(g.station("101")!.mta).toMatchObject({
      stationId: "293",
      complexId: "293",
      borough: "Bx",
      ada: 0,
      adaNorthbound: false,
    });
    expect(g.station("A02")!.mta).toMatchObject({
      complexId: "143",
      ada: 2,
      adaNorthbound: true,
      adaSouthbound: false,
    });
  });

  it("works without stop_times, shapes and Stations.csv", async () => {
    const { "stop_times.txt": _a, "shapes.txt": _b, "Stations.csv": _c, ...rest } = TINY_GTFS;
    const g = await mustLoad(writeFolder(rest));
    expect(g.stopTimes.size).toBe(0);
    expect(g.stopTimesForTrip("T1")).toEqual([]);
    expect(g.station("101")!.mta).toBeUndefined();
    expect(g.shapes.size).toBe(0);
  });

  it("fails with context when a required file or column is missing, or the zip is broken", async () => {
    const { "stops.txt": _s, ...noStops } = TINY_GTFS;
    const r1 = await loadStaticGtfs(writeFolder(noStops));
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.error.message).toMatch(/lacks stops\.txt/);

    const r2 = await loadStaticGtfs(
      writeFolder({ ...TINY_GTFS, "stop_times.txt": "trip_id,stop_id,arrival_time\nT1,101N,00:00:00\n" }),
    );
    expect(!r2.ok && r2.error).toMatchObject({ kind: "invalid", feed: "gtfs-static" });
    expect(!r2.ok && r2.error.message).toMatch(/stop_times\.txt: required column "departure_time"/);

    const dir = tempDir();
    writeFileSync(join(dir, "broken.zip"), "PK\x03\x04 not really a zip");
    const r3 = await loadStaticGtfs(join(dir, "broken.zip"));
    expect(!r3.ok && r3.error.kind).toBe("parse");

    const r4 = await loadStaticGtfs(join(dir, "absent"));
    expect(r4.ok).toBe(false);
  });

  it("skips invalid rows of small tables with a warning naming file and line", async () => {
    const routes = `${TINY_GTFS["routes.txt"]}\nB,MTA NYCT,zzzzzz,B,6 Av Express,1,,`;
    const g = await mustLoad(writeFolder({ ...TINY_GTFS, "routes.txt": routes }));
    expect(g.route("B")).toBeUndefined();
    expect(g.warnings.some((w) => /routes\.txt line 4: route_color/.test(w))).toBe(true);
  });

  it("streams stop_times from a zip across many inflate chunks", async () => {
    const rows = ["trip_id,stop_id,arrival_time,departure_time,stop_sequence"];
    for (let t = 0; t < 400; t++)
      for (let s = 1; s <= 30; s++)
        rows.push(
          `trip_${t},S${s},${String(5 + (s >> 3)).padStart(2, "0")}:${String(s).padStart(2, "0")}:00,,${s}`,
        );
    const dir = tempDir();
    const zipPath = join(dir, "g.zip");
    const files = { ...TINY_GTFS, "stop_times.txt": rows.join("\n") };
    writeFileSync(zipPath, makeZip(Object.entries(files).map(([name, data]) => ({ name, data }))));
    const g = await mustLoad(zipPath);
    expect(g.stopTimes.size).toBe(12_000);
    expect(g.stopTimes.tripCount).toBe(400);
    const t399 = g.stopTimesForTrip("trip_399");
    expect(t399).toHaveLength(30);
    expect(t399[29]).toEqual({ stopId: "S30", arrival: 8 * 3600 + 30 * 60, stopSequence: 30 });
  });
});
