/** Subway decoding (NYCT extension and normalization) against a bare protobufjs decode of the same bytes. */
import { benchDecode } from "../adapters/subway/decode.bench";
import type { BenchRow } from "./types";

export async function run(): Promise<BenchRow[]> {
  const r = benchDecode();
  const note = `${r.source === "samples" ? "real samples in ../shared/data" : "synthetic feed (samples absent)"}, ${(r.bytes / 1e6).toFixed(2)} MB, best of 7 alternating rounds`;
  return [
    { suite: "decode", name: "ours (decodeSubwayFeed)", value: r.oursMBs, unit: "MB/s", note },
    {
      suite: "decode",
      name: "bare protobufjs (gtfs-realtime-bindings)",
      value: r.bareMBs,
      unit: "MB/s",
      note,
    },
    { suite: "decode", name: "our cost / bare cost", value: r.ratio, unit: "x", note: "goal <= 1.25" },
  ];
}
