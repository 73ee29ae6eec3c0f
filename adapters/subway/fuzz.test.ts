/**
 * Fuzzing decodeSubwayFeed with mutated payloads: real samples when
 * ../shared/data is present, else feeds built with the encoder. Whatever the
 * bytes, the decoder returns a Result and never throws.
 */
import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectWellFormedResult,
  FUZZ_RUNS,
  HTML_PAGE,
  mutatedBytes,
  tenMegabytesOfJunk,
} from "../gtfsrt/fuzz.testutil";
import { sharedDataPath } from "../gtfsrt/shared-data";
import { decodeSubwayFeed } from "./decode";
import { syntheticSubwayFeed } from "./synthetic-feed";
import type { SubwayFeedSnapshot } from "./types";

const SAMPLES = ["2025-10-02/nyct_gtfs-si.pb", "2025-10-02/nyct_gtfs-g.pb", "2025-10-02/nyct_gtfs-l.pb"].map(
  (f) => sharedDataPath("subway-rt", f),
);
const realBases = SAMPLES.filter((f) => existsSync(f)).map((f) => new Uint8Array(readFileSync(f)));
if (realBases.length === 0)
  console.warn("subway fuzz: ../shared/data absent, fuzzing encoder-built feeds only");
const bases = [...realBases, syntheticSubwayFeed({ trips: 12, stopsPerTrip: 6 })];

const ctx = { feed: "fuzz", receivedAt: 0 };

function checkSnapshot(s: SubwayFeedSnapshot): void {
  expect(Number.isFinite(s.timestamp)).toBe(true);
  for (const t of s.trips) {
    expect(["N", "S"]).toContain(t.direction);
    expect(typeof t.tripId).toBe("string");
    for (const stop of t.stops) {
      expect(Number.isFinite(stop.time)).toBe(true);
      expect(typeof stop.stopId).toBe("string");
    }
  }
}

describe("decodeSubwayFeed fuzz", () => {
  it("returns a snapshot or a typed error for mutated feeds, never a throw", () => {
    fc.assert(
      fc.property(mutatedBytes(bases), (bytes) => {
        expectWellFormedResult(
          () => decodeSubwayFeed(bytes, ctx, { maxAgeMs: Number.POSITIVE_INFINITY }),
          bytes.length,
          checkSnapshot,
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("decodes the unmutated bases", () => {
    for (const b of bases) {
      const r = decodeSubwayFeed(b, ctx, { maxAgeMs: Number.POSITIVE_INFINITY });
      expect(r.ok || r.error.message).toBe(true);
    }
  });

  it("rejects 10 MB of junk quickly with a typed error", () => {
    const junk = tenMegabytesOfJunk();
    const started = performance.now();
    const r = decodeSubwayFeed(junk, ctx);
    expect(r.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("calls an HTML page, JSON and an empty body by their names", () => {
    const html = decodeSubwayFeed(HTML_PAGE, ctx);
    const json = decodeSubwayFeed(new TextEncoder().encode('{"entity": []}'), ctx);
    const empty = decodeSubwayFeed(new Uint8Array(0), ctx);
    expect([html, json, empty].map((r) => (r.ok ? "ok" : r.error.kind))).toEqual(["parse", "parse", "empty"]);
  });
});
