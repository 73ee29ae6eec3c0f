/**
 * Replay speed: writes a synthetic day (8 feeds every 30 s, ~30 MB on disk)
 * and times a full readRecording pass and recordingInfo.
 * Run: npx tsx adapters/recording/read.bench.ts
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readRecording, recordingInfo } from "./reader";
import { listSegments } from "./segments";
import { pseudoRandomBytes } from "./testing";
import { RecordingWriter } from "./writer";

/** Protobuf-like bodies: repeated field tags and ids with random timestamps, compressing about 4-5x. */
function syntheticBody(seed: number, bytes: number): Buffer {
  const noise = pseudoRandomBytes(bytes, seed);
  const out = Buffer.allocUnsafe(bytes);
  const words = Buffer.from("\x0a\x12trip_update\x1a\x08101N\x20\x01stop_time_update\x2a\x04A..S", "latin1");
  for (let i = 0; i < bytes; i++) out[i] = i % 9 === 0 ? noise[i] : words[i % words.length];
  return out;
}

export function benchRecordingRead(): {
  writeMs: number;
  readMs: number;
  infoMs: number;
  frames: number;
  diskMB: number;
  rawMB: number;
} {
  const dir = mkdtempSync(join(tmpdir(), "rec-bench-"));
  try {
    const day = Date.UTC(2025, 9, 2, 4, 0, 0);
    const feeds = [
      "subway-1234567s",
      "subway-ace",
      "subway-bdfm",
      "subway-g",
      "subway-jz",
      "subway-nqrw",
      "subway-l",
      "subway-si",
    ];
    const pool = Array.from({ length: 32 }, (_, i) => syntheticBody(i + 1, 4_000 + i * 200));
    let t = performance.now();
    const w = RecordingWriter.open(dir);
    let rawBytes = 0;
    let n = 0;
    for (let s = 0; s < 86_400; s += 30) {
      for (const feed of feeds) {
        const body = pool[n++ % pool.length];
        rawBytes += body.length;
        w.append({ feed, receivedAt: day + s * 1000 + n, status: 200, body });
      }
    }
    w.close();
    const writeMs = performance.now() - t;
    const diskBytes = listSegments(dir).reduce((sum, s) => sum + statSync(join(dir, s.name)).size, 0);

    t = performance.now();
    let frames = 0;
    let check = 0;
    for (const f of readRecording(dir)) {
      frames++;
      check += f.body.length;
    }
    const readMs = performance.now() - t;
    if (check !== rawBytes || frames !== n)
      throw new Error(`read back ${frames} frames / ${check} bytes, wrote ${n} / ${rawBytes}`);
    t = performance.now();
    recordingInfo(dir);
    const infoMs = performance.now() - t;
    return { writeMs, readMs, infoMs, frames, diskMB: diskBytes / 1e6, rawMB: rawBytes / 1e6 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(benchRecordingRead());
}
