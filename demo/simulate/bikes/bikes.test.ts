import { describe, expect, it } from "vitest";
import { H, json, M, sliceFrames } from "../testing";
import { buildDemoWorld } from "../world";
import { BikeDay } from "./dynamics";
import { StationStatusDocument, stationInformationJson } from "./gbfs-json";

const world = buildDemoWorld({ seed: 3, date: "2025-10-02" });
const epoch = (s: number) => Math.round(world.clock.midnightMs / 1000 + s);

/** station_status at a few times of the day, from one run of the flows. */
function statusAt(hours: number[]): Map<number, any> {
  const day = new BikeDay(world.bikeStations, world.seed);
  const doc = new StationStatusDocument(day, epoch);
  const out = new Map<number, any>();
  for (const h of hours) {
    day.advanceTo(h * 60);
    out.set(h, JSON.parse(doc.json(epoch(h * H))));
  }
  return out;
}

const info = JSON.parse(stationInformationJson(world.bikeStations, epoch(0))).data.stations as any[];
const where = new Map(info.map((s) => [s.station_id, s]));
// The test's own map: the Midtown/Downtown job core, and places where people live.
const inCore = (s: any) => s.lat > 40.7 && s.lat < 40.765 && s.lon > -74.02 && s.lon < -73.965;
const residential = (s: any) => s.lat > 40.8 || s.lat < 40.69 || s.lon > -73.94;

describe("Citi Bike GBFS", () => {
  it("has 1,500-2,000 stations near the subway, with UUID ids, a few without region", () => {
    expect(info.length).toBeGreaterThanOrEqual(1500);
    expect(info.length).toBeLessThanOrEqual(2000);
    for (const s of info)
      expect(s.station_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(info.map((s) => s.station_id)).size).toBe(info.length);
    const noRegion = info.filter((s) => s.region_id === undefined).length;
    expect(noRegion).toBeGreaterThan(0);
    expect(noRegion).toBeLessThan(60);
  });

  it("drains residential stations and fills the core between 7 and 10 am, and back in the evening", () => {
    const status = statusAt([7, 10, 16, 20]);
    const sum = (h: number, pick: (s: any) => boolean) =>
      status
        .get(h)!
        .data.stations.filter((x: any) => pick(where.get(x.station_id)))
        .reduce((n: number, x: any) => n + x.num_bikes_available, 0);
    expect(sum(10, residential)).toBeLessThan(0.7 * sum(7, residential));
    expect(sum(10, inCore)).toBeGreaterThan(1.3 * sum(7, inCore));
    expect(sum(20, residential)).toBeGreaterThan(sum(16, residential));
    expect(sum(20, inCore)).toBeLessThan(sum(16, inCore));
  });

  it("reports consistent numbers: e-bikes within bikes, docks within capacity, some disabled, a few never reporting", () => {
    const doc = statusAt([9]).get(9)!;
    expect(doc.ttl).toBe(60);
    expect(doc.version).toBe("2.3");
    const stations = doc.data.stations as any[];
    for (const x of stations) {
      const cap = where.get(x.station_id).capacity;
      expect(x.num_ebikes_available).toBeLessThanOrEqual(x.num_bikes_available);
      expect(
        x.num_bikes_available + x.num_docks_available + x.num_bikes_disabled + x.num_docks_disabled,
      ).toBeLessThanOrEqual(cap);
      expect(x.last_reported).toBeLessThanOrEqual(doc.last_updated);
    }
    const never = stations.filter((x) => x.last_reported === 86400);
    expect(never.length).toBeGreaterThan(0);
    expect(never.length).toBeLessThan(25);
    expect(never.every((x) => x.is_installed === 0)).toBe(true);
    expect(stations.some((x) => x.num_ebikes_available > 0)).toBe(true);
    expect(stations.some((x) => x.num_bikes_disabled > 0)).toBe(true);
    expect(stations.some((x) => x.is_installed === 1 && x.is_renting === 0)).toBe(true);
  });

  it("records station_information once and station_status every minute", () => {
    const gbfs = sliceFrames(world, {
      fromS: 9 * H,
      toS: 9 * H + 5 * M,
      feeds: ["gbfs-discovery", "gbfs-station-information", "gbfs-system-regions", "gbfs-station-status"],
    });
    expect(gbfs.filter((f) => f.feed === "gbfs-station-information")).toHaveLength(1);
    const regions = json(gbfs.find((f) => f.feed === "gbfs-system-regions")!.body).data.regions;
    expect(regions.length).toBeGreaterThanOrEqual(3);
    const status = gbfs.filter((f) => f.feed === "gbfs-station-status");
    expect(status).toHaveLength(5);
    for (let i = 1; i < status.length; i++)
      expect(status[i].receivedAt - status[i - 1].receivedAt).toBe(60_000);
    const discovery = json(gbfs.find((f) => f.feed === "gbfs-discovery")!.body);
    expect(discovery.data.en.feeds.map((f: any) => f.name)).toContain("station_status");
  });
});
