import { describe, expect, it } from "vitest";
import {
  decodeGbfsDiscovery,
  decodeStationInformation,
  decodeStationStatus,
  decodeSystemRegions,
} from "./decode";

const ctx = {
  feed: "gbfs-station-status",
  url: "http://127.0.0.1/gbfs/en/station_status.json",
  receivedAt: 1_727_895_700_000,
};
const envelope = (data: unknown, extra: object = {}) =>
  JSON.stringify({ last_updated: 1727895686, ttl: 60, version: "2.3", data, ...extra });

const status = {
  station_id: "c00ef46d-fcde-48e2-afbd-0fb595fe3fa7",
  num_bikes_available: 27,
  num_ebikes_available: 13,
  num_bikes_disabled: 1,
  num_docks_available: 4,
  num_docks_disabled: 2,
  is_installed: 1,
  is_renting: 1,
  is_returning: 0,
  last_reported: 1727895552,
  station_status: "active",
};

describe("decodeStationStatus", () => {
  it("reads counts, 0/1 flags and times in ms, with the response's last_updated, ttl and version", () => {
    const r = decodeStationStatus(envelope({ stations: [status] }), ctx);
    if (!r.ok) throw r.error;
    expect(r.value).toStrictEqual({
      feed: ctx.feed,
      url: ctx.url,
      receivedAt: ctx.receivedAt,
      lastUpdated: 1727895686_000,
      ttl: 60,
      version: "2.3",
      dropped: 0,
      stations: [
        {
          stationId: "c00ef46d-fcde-48e2-afbd-0fb595fe3fa7",
          numBikesAvailable: 27,
          numEbikesAvailable: 13,
          numBikesDisabled: 1,
          numDocksAvailable: 4,
          numDocksDisabled: 2,
          isInstalled: true,
          isRenting: true,
          isReturning: false,
          lastReported: 1727895552_000,
        },
      ],
    });
  });

  it("reads last_reported 86400 as never reported, boolean flags, and absent optional counts as 0", () => {
    const { num_ebikes_available: _e, num_docks_disabled: _d, ...rest } = status;
    const never = {
      ...rest,
      last_reported: 86400,
      is_installed: true,
      is_renting: false,
      is_returning: true,
    };
    const r = decodeStationStatus(envelope({ stations: [never] }), ctx);
    if (!r.ok) throw r.error;
    expect(r.value.stations[0]).toMatchObject({
      lastReported: null,
      isInstalled: true,
      isRenting: false,
      isReturning: true,
      numEbikesAvailable: 0,
      numDocksDisabled: 0,
    });
  });

  it("drops and counts bad stations, keeping the rest", () => {
    const r = decodeStationStatus(
      envelope({
        stations: [
          status,
          { ...status, num_bikes_available: -1 },
          { ...status, is_renting: 2 },
          { ...status, station_id: "" },
          { ...status, last_reported: "when?" },
          42,
        ],
      }),
      ctx,
    );
    if (!r.ok) throw r.error;
    expect([r.value.stations.length, r.value.dropped]).toEqual([1, 5]);
  });

  it("has no version when the response states none (older Citi Bike)", () => {
    const r = decodeStationStatus(
      JSON.stringify({ last_updated: 1690145537, ttl: 5, data: { stations: [] } }),
      ctx,
    );
    expect(r.ok && r.value.version).toBeNull();
  });

  it("reads GBFS 3's RFC 3339 last_updated", () => {
    const r = decodeStationStatus(envelope({ stations: [] }, { last_updated: "2024-10-02T19:01:26Z" }), ctx);
    expect(r.ok && r.value.lastUpdated).toBe(Date.UTC(2024, 9, 2, 19, 1, 26));
  });

  it("calls a response without its envelope or station list 'invalid'", () => {
    for (const wrong of [
      JSON.stringify({ data: { stations: [] } }),
      JSON.stringify({ last_updated: 1, ttl: 60 }),
      envelope({ bikes: [] }),
      envelope({ stations: {} }),
      "[]",
    ]) {
      const r = decodeStationStatus(wrong, ctx);
      expect(r.ok || r.error.kind, wrong).toBe("invalid");
    }
  });
});

describe("decodeStationInformation", () => {
  it("reads stations, with region_id, short_name and capacity only when present", () => {
    const r = decodeStationInformation(
      envelope({
        stations: [
          {
            station_id: "a",
            name: "Arthur Ave & E 183 St",
            short_name: "8430.03",
            lat: 40.85307,
            lon: -73.88953,
            region_id: "71",
            capacity: 25,
          },
          { station_id: "b", name: "No Region", lat: 40.7, lon: -73.9 },
          {
            station_id: "c",
            name: [{ text: "Localized", language: "en" }],
            lat: 40.7,
            lon: -73.9,
            region_id: 70,
          },
          { station_id: "d", name: "Off the map", lat: 140, lon: -73.9 },
        ],
      }),
      ctx,
    );
    if (!r.ok) throw r.error;
    expect(r.value.stations).toStrictEqual([
      {
        stationId: "a",
        name: "Arthur Ave & E 183 St",
        shortName: "8430.03",
        lat: 40.85307,
        lon: -73.88953,
        regionId: "71",
        capacity: 25,
      },
      { stationId: "b", name: "No Region", lat: 40.7, lon: -73.9 },
      { stationId: "c", name: "Localized", lat: 40.7, lon: -73.9, regionId: "70" },
    ]);
    expect(r.value.dropped).toBe(1);
  });
});

describe("decodeSystemRegions", () => {
  it("reads regions, dropping a nameless one", () => {
    const r = decodeSystemRegions(
      envelope({ regions: [{ region_id: "71", name: "NYC District" }, { region_id: "9" }] }),
      ctx,
    );
    if (!r.ok) throw r.error;
    expect([r.value.regions, r.value.dropped]).toEqual([[{ regionId: "71", name: "NYC District" }], 1]);
  });
});

describe("decodeGbfsDiscovery", () => {
  const feeds = [
    { name: "station_information", url: "https://gbfs.lyft.com/gbfs/2.3/bkn/en/station_information.json" },
    { name: "station_status", url: "https://gbfs.lyft.com/gbfs/2.3/bkn/en/station_status.json" },
  ];

  it("maps feed names to URLs, preferring English", () => {
    const r = decodeGbfsDiscovery(
      envelope({ es: { feeds: [] }, en: { feeds: [...feeds, { name: "broken" }] } }),
      ctx,
    );
    if (!r.ok) throw r.error;
    expect(r.value.language).toBe("en");
    expect(r.value.feeds).toEqual({
      station_information: feeds[0].url,
      station_status: feeds[1].url,
    });
    expect(r.value.dropped).toBe(1);
  });

  it("takes the only language there is, and GBFS 3's language-free list", () => {
    const fr = decodeGbfsDiscovery(envelope({ fr: { feeds } }), ctx);
    expect(fr.ok && [fr.value.language, Object.keys(fr.value.feeds).length]).toEqual(["fr", 2]);
    const v3 = decodeGbfsDiscovery(envelope({ feeds }, { version: "3.0" }), ctx);
    expect(v3.ok && [v3.value.language, v3.value.version, Object.keys(v3.value.feeds).length]).toEqual([
      null,
      "3.0",
      2,
    ]);
  });

  it("calls a discovery without any feed list 'invalid'", () => {
    const r = decodeGbfsDiscovery(envelope({}), ctx);
    expect(r.ok || r.error.kind).toBe("invalid");
  });
});
