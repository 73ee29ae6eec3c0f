/**
 * Runs the decode benchmark briefly and prints the figures. The budget is
 * 1.25x the bare bindings decode; the assertion is looser (2x) because a
 * busy shared machine makes timing noisy, but it still catches a regression
 * such as an accidental toObject or Long per field.
 */
import { describe, expect, it } from "vitest";
import { benchDecode } from "./decode.bench";

describe("decode benchmark", () => {
  it("stays within reach of the bare gtfs-realtime-bindings decode", () => {
    const r = benchDecode({ rounds: 5, roundMs: 100 });
    console.info(
      `decode bench (${r.source}, ${(r.bytes / 1e6).toFixed(2)} MB): ours ${r.oursMBs.toFixed(1)} MB/s, ` +
        `bare ${r.bareMBs.toFixed(1)} MB/s, cost ratio ${r.ratio.toFixed(2)}`,
    );
    expect(r.oursMBs).toBeGreaterThan(0);
    expect(r.ratio).toBeLessThan(2);
  });
});
