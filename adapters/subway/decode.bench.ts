/**
 * Throughput of decodeSubwayFeed against a bare gtfs-realtime-bindings decode
 * of the same bytes. Inputs: every real subway sample under ../shared/data
 * when present, else a synthetic feed built with the encoder.
 * ratio = bare throughput / our throughput = our cost per byte relative to
 * the bare decode (1.25 means 25% more).
 */
import { readFileSync } from "node:fs";
import { listFilesRecursive, sharedDataPath } from "../gtfsrt/shared-data";
import { decodeBare } from "./bare";
import { decodeSubwayFeed } from "./decode";
import { syntheticSubwayFeed } from "./synthetic-feed";

export interface BenchResult {
  oursMBs: number;
  bareMBs: number;
  ratio: number;
  source: "samples" | "synthetic";
  bytes: number;
}

export function benchInputs(): { source: BenchResult["source"]; inputs: Uint8Array[] } {
  const files = listFilesRecursive(sharedDataPath("subway-rt"));
  if (files.length > 0) return { source: "samples", inputs: files.map((f) => readFileSync(f)) };
  return { source: "synthetic", inputs: [Buffer.from(syntheticSubwayFeed())] };
}

/** Alternates short timed rounds of each decoder (so machine load hits both alike); keeps each one's best round. */
export function benchDecode(options: { rounds?: number; roundMs?: number } = {}): BenchResult {
  const { rounds = 7, roundMs = 150 } = options;
  const { source, inputs } = benchInputs();
  const bytes = inputs.reduce((sum, b) => sum + b.length, 0);
  const ctx = { feed: "bench", receivedAt: 0 };
  const ours = () => {
    for (const b of inputs)
      if (!decodeSubwayFeed(b, ctx, { maxAgeMs: Infinity }).ok) throw new Error("bench input failed");
  };
  const bare = () => {
    for (const b of inputs) decodeBare(b);
  };
  ours();
  bare();
  let oursBest = 0;
  let bareBest = 0;
  for (let i = 0; i < rounds; i++) {
    oursBest = Math.max(oursBest, throughput(ours, bytes, roundMs));
    bareBest = Math.max(bareBest, throughput(bare, bytes, roundMs));
  }
  return { oursMBs: oursBest, bareMBs: bareBest, ratio: bareBest / oursBest, source, bytes };
}

function throughput(run: () => void, bytes: number, roundMs: number): number {
  const start = performance.now();
  let passes = 0;
  let elapsed = 0;
  do {
    run();
    passes++;
    elapsed = performance.now() - start;
  } while (elapsed < roundMs);
  return (bytes * passes) / 1e6 / (elapsed / 1000);
}
