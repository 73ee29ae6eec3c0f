import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectWellFormedResult,
  FUZZ_RUNS,
  mutatedBytes,
  mutatedText,
  tenMegabytesOfJunk,
} from "../gtfsrt/fuzz.testutil";
import { encodeAlertsFeedMessage } from "../gtfsrt/schema";
import { decodeAlertsFeed, decodeAlertsJson } from "./decode";
import { alertsJson, alertsObject } from "./fixtures.testutil";
import type { AlertsSnapshot } from "./types";

const ctx = { feed: "fuzz", receivedAt: 0 };
const options = { maxAgeMs: Number.POSITIVE_INFINITY };

function checkSnapshot(s: AlertsSnapshot): void {
  for (const a of s.alerts) {
    expect(typeof a.header.text).toBe("string");
    for (const p of a.activePeriods) expect(Number.isFinite(p.start)).toBe(true);
  }
}

describe("alerts decoders fuzz", () => {
  it("protobuf: a snapshot or a typed error for mutated feeds, never a throw", () => {
    const base = encodeAlertsFeedMessage(alertsObject);
    fc.assert(
      fc.property(mutatedBytes([base]), (bytes) => {
        expectWellFormedResult(() => decodeAlertsFeed(bytes, ctx, options), bytes.length, checkSnapshot);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("JSON: a snapshot or a typed error for mutated text and wrong JSON, never a throw", () => {
    fc.assert(
      fc.property(mutatedText([alertsJson]), (text) => {
        expectWellFormedResult(() => decodeAlertsJson(text, ctx, options), text.length, checkSnapshot);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("rejects 10 MB of junk either way", () => {
    const junk = tenMegabytesOfJunk();
    expect(decodeAlertsFeed(junk, ctx).ok).toBe(false);
    expect(decodeAlertsJson(junk, ctx).ok).toBe(false);
  });

  it("survives deeply nested JSON", () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    expectWellFormedResult(() => decodeAlertsJson(deep, ctx), deep.length, checkSnapshot);
  });
});
