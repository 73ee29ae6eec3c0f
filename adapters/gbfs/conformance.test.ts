/**
 * Conformance over every real GBFS sample in ../shared/data/gbfs. Expected
 * counts come from plain JSON.parse of the same files.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { listFilesRecursive, sharedDataPath } from "../gtfsrt/shared-data";
import { decodeStationInformation, decodeStationStatus } from "./decode";

const DIR = sharedDataPath("gbfs");
const present = existsSync(DIR);
if (!present) console.warn(`conformance: ${DIR} absent, skipping the real GBFS samples`);
const files = listFilesRecursive(DIR).filter((f) => f.endsWith(".json"));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type RawStation = Record<string, unknown>;
const raw = (path: string) =>
  JSON.parse(readFileSync(path, "utf8")) as {
    last_updated: number;
    ttl: number;
    data: { stations: RawStation[] };
  };

describe.skipIf(!present)("GBFS conformance", () => {
  it("finds station_information and station_status for each snapshot", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(
    files.filter((f) => basename(f) === "station_status.json").map((f) => [basename(dirname(f)), f]),
  )("%s station_status", (_name, path) => {
    const doc = raw(path);
    const r = decodeStationStatus(readFileSync(path), { feed: "gbfs-station-status" });
    if (!r.ok) throw r.error;
    const s = r.value;

    it("keeps every station, with the envelope's times", () => {
      expect(s.stations.length).toBe(doc.data.stations.length);
      expect(s.dropped).toBe(0);
      expect([s.lastUpdated, s.ttl]).toEqual([doc.last_updated * 1000, doc.ttl]);
    });

    it("marks exactly the last_reported = 86400 stations as never reported", () => {
      const never = doc.data.stations.filter((x) => x.last_reported === 86400).length;
      expect(never).toBeGreaterThan(0);
      expect(s.stations.filter((x) => x.lastReported === null).length).toBe(never);
    });

    it("sums to the same bike, e-bike and dock totals", () => {
      const sum = (key: string) => doc.data.stations.reduce((a, x) => a + Number(x[key] ?? 0), 0);
      expect(s.stations.reduce((a, x) => a + x.numBikesAvailable, 0)).toBe(sum("num_bikes_available"));
      expect(s.stations.reduce((a, x) => a + x.numEbikesAvailable, 0)).toBe(sum("num_ebikes_available"));
      expect(s.stations.reduce((a, x) => a + x.numDocksAvailable, 0)).toBe(sum("num_docks_available"));
      expect(s.stations.filter((x) => x.isRenting).length).toBe(
        doc.data.stations.filter((x) => x.is_renting === 1).length,
      );
    });

    it("has mostly UUID station ids (since 2023)", () => {
      expect(s.stations.filter((x) => UUID.test(x.stationId)).length).toBeGreaterThan(
        s.stations.length * 0.75,
      );
    });
  });

  describe.each(
    files.filter((f) => basename(f) === "station_information.json").map((f) => [basename(dirname(f)), f]),
  )("%s station_information", (_name, path) => {
    const doc = raw(path);
    const r = decodeStationInformation(readFileSync(path, "utf8"), { feed: "gbfs-station-information" });
    if (!r.ok) throw r.error;
    const s = r.value;

    it("keeps every station, in 1,900-2,400 (2023-2026)", () => {
      expect(s.stations.length).toBe(doc.data.stations.length);
      expect(s.stations.length).toBeGreaterThan(1900);
      expect(s.stations.length).toBeLessThan(2400);
      expect(s.dropped).toBe(0);
    });

    it("leaves regionId out exactly where region_id is missing", () => {
      const missing = doc.data.stations.filter((x) => x.region_id == null).length;
      expect(missing).toBeGreaterThan(0);
      expect(s.stations.filter((x) => x.regionId === undefined).length).toBe(missing);
    });

    it("places every station in New York", () => {
      for (const x of s.stations) {
        expect(x.lat).toBeGreaterThan(40.4);
        expect(x.lat).toBeLessThan(41);
        expect(x.lon).toBeGreaterThan(-74.3);
        expect(x.lon).toBeLessThan(-73.6);
      }
    });

    it("has the same station ids as the status file next to it", () => {
      const status = decodeStationStatus(
        readFileSync(path.replace("station_information", "station_status")),
        { feed: "s" },
      );
      if (!status.ok) throw status.error;
      expect(new Set(s.stations.map((x) => x.stationId))).toEqual(
        new Set(status.value.stations.map((x) => x.stationId)),
      );
    });
  });
});
