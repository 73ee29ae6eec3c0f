/**
 * Child process of the crash test (recording.crash.test.ts): appends 64 frames
 * and announces each large frame on stdout, with the segment size just
 * before it, so the parent can SIGKILL it while that frame is being written.
 * Usage: node --import tsx crash-writer.fixture.ts <dir>
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { BIG_EVERY, crashTestBody } from "./testing";
import { RecordingWriter } from "./writer";

const dir = process.argv[2];
const T0 = Date.UTC(2025, 9, 2, 10, 0, 0);
const writer = RecordingWriter.open(dir, { compression: "none" });
// Bounded, so a parent that never kills it cannot fill the disk.
for (let i = 0; i < 64; i++) {
  const body = crashTestBody(i);
  if (i % BIG_EVERY === BIG_EVERY - 1) {
    const seg = join(dir, "2025-10-02T10.seg");
    // Pipes are written synchronously on Linux: the parent has this line before the write starts.
    process.stdout.write(`big ${i} ${statSync(seg).size} ${body.length}\n`);
  }
  writer.append({ feed: "subway-ace", receivedAt: T0 + i, status: 200, body });
}
