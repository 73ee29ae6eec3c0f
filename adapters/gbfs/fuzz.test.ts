import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Result } from "../errors";
import type { DecodeContext } from "../gtfsrt/context";
import { expectWellFormedResult, FUZZ_RUNS, mutatedText, tenMegabytesOfJunk } from "../gtfsrt/fuzz.testutil";
import { sharedDataPath } from "../gtfsrt/shared-data";
import {
  decodeGbfsDiscovery,
  decodeStationInformation,
  decodeStationStatus,
  decodeSystemRegions,
} from "./decode";
import type { GbfsResponseInfo } from "./types";

const ctx = { feed: "fuzz", receivedAt: 0 };

/** A real response cut down to a few stations (fuzzing 1 MB bodies would be slow), else a hand-made one. */
function base(file: string, fallback: object[]): string {
  const path = sharedDataPath("gbfs", "citibike-2024-10", file);
  if (!existsSync(path))
    return JSON.stringify({
      last_updated: 1727895686,
      ttl: 60,
      version: "1.1",
      data: { stations: fallback },
    });
  const doc = JSON.parse(readFileSync(path, "utf8"));
  doc.data.stations = doc.data.stations.slice(0, 4);
  return JSON.stringify(doc);
}

const statusBase = base("station_status.json", [
  {
    station_id: "a",
    num_bikes_available: 3,
    num_docks_available: 4,
    is_installed: 1,
    is_renting: 1,
    is_returning: 1,
    last_reported: 86400,
  },
]);
const infoBase = base("station_information.json", [
  { station_id: "a", name: "A St", lat: 40.7, lon: -73.9, capacity: 7 },
]);
const regionsBase = JSON.stringify({
  last_updated: 1,
  ttl: 60,
  data: { regions: [{ region_id: "71", name: "NYC District" }] },
});
const discoveryBase = JSON.stringify({
  last_updated: 1,
  ttl: 60,
  data: {
    en: {
      feeds: [{ name: "station_status", url: "https://gbfs.lyft.com/gbfs/2.3/bkn/en/station_status.json" }],
    },
  },
});

type Decoder = (body: string | Uint8Array, c: DecodeContext) => Result<GbfsResponseInfo>;
const decoders: [string, Decoder, string][] = [
  ["station_status", decodeStationStatus, statusBase],
  ["station_information", decodeStationInformation, infoBase],
  ["system_regions", decodeSystemRegions, regionsBase],
  ["gbfs.json", decodeGbfsDiscovery, discoveryBase],
];

describe("GBFS decoders fuzz", () => {
  it.each(decoders)("%s: a snapshot or a typed error, never a throw", (_name, decode, text) => {
    expect(decode(text, ctx).ok).toBe(true);
    fc.assert(
      fc.property(mutatedText([text]), (t) =>
        expectWellFormedResult(
          () => decode(t, ctx),
          t.length,
          (v) => {
            expect(Number.isFinite(v.lastUpdated)).toBe(true);
            expect(v.dropped).toBeGreaterThanOrEqual(0);
          },
        ),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it.each(decoders)("%s: rejects 10 MB of junk", (_name, decode) => {
    expect(decode(tenMegabytesOfJunk(), ctx).ok).toBe(false);
  });
});
