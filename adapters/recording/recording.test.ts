import { createHash } from "node:crypto";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { crc32 } from "./crc32";
import { readRecording, recordingInfo } from "./reader";
import { parseSegmentName, segmentName } from "./segments";
import { pseudoRandomBytes } from "./testing";
import type { RecordedPayload } from "./types";
import { RecordingWriter } from "./writer";

const T0 = Date.UTC(2025, 9, 2, 10, 0, 0); // 2025-10-02T10:00:00Z
const MIN = 60_000;
const HOUR = 3_600_000;

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "rec-test-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const sha1 = (b: Uint8Array) => createHash("sha1").update(b).digest("hex");
const text = (s: string) => Buffer.from(s);
const collect = (dir: string, opts: Parameters<typeof readRecording>[1] = {}) => {
  const warnings: string[] = [];
  const frames = [...readRecording(dir, { ...opts, onWarning: (m) => warnings.push(m) })];
  return { frames, warnings };
};

/** Bit-at-a-time CRC-32: slow, obviously right, independent of the table version. */
function naiveCrc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe("crc32", () => {
  it("gives the standard check value", () => {
    expect(crc32(text("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
  it("matches a bitwise CRC on odd lengths and sub-ranges, and can be continued", () => {
    const data = pseudoRandomBytes(1031, 7);
    for (const [s, e] of [
      [0, 1031],
      [3, 1000],
      [5, 6],
      [0, 3],
    ]) {
      expect(crc32(data, s, e)).toBe(naiveCrc32(data.subarray(s, e)));
    }
    expect(crc32(data, 500, 1031, crc32(data, 0, 500))).toBe(naiveCrc32(data));
  });
});

describe("segment names", () => {
  it("names hour buckets by the hour and others down to the millisecond, in UTC", () => {
    expect(segmentName(T0)).toBe("2025-10-02T10.seg");
    expect(segmentName(T0 + 61_250)).toBe("2025-10-02T10-01-01.250.seg");
    expect(segmentName(T0 + 5 * MIN)).toBe("2025-10-02T10-05-00.seg");
    expect(parseSegmentName("2025-10-02T10-01-01.250.seg")).toBe(T0 + 61_250);
    expect(parseSegmentName("2025-10-02T10.seg")).toBe(T0);
    expect(parseSegmentName("notes.txt")).toBeUndefined();
  });
});

describe("RecordingWriter + readRecording", () => {
  it("round-trips bodies exactly (empty, tiny, compressible, incompressible) with hash, segment and offset", () => {
    const dir = tempDir();
    const payloads: RecordedPayload[] = [
      { feed: "subway-ace", receivedAt: T0 + 1, status: 200, body: new Uint8Array(0) },
      { feed: "subway-l", receivedAt: T0 + 2, status: 304, body: text("x") },
      { feed: "gbfs-station-status", receivedAt: T0 + 3, status: 200, body: text('{"a":1}'.repeat(5000)) },
      { feed: "subway-ace", receivedAt: T0 + 4.5, status: 503, body: pseudoRandomBytes(70_000, 3) },
    ];
    const w = RecordingWriter.open(dir);
    const written = payloads.map((p) => w.append(p));
    w.close();
    expect(written.map((f) => f.segment)).toEqual(Array(4).fill("2025-10-02T10.seg"));
    expect(written[0].offset).toBe(0);
    expect(new Set(written.map((f) => f.offset)).size).toBe(4);
    // The compressible body must have shrunk on disk.
    expect(statSync(join(dir, "2025-10-02T10.seg")).size).toBeLessThan(70_000 + 35_000);

    const { frames, warnings } = collect(dir);
    expect(warnings).toEqual([]);
    expect(frames).toHaveLength(4);
    frames.forEach((f, i) => {
      const p = payloads[i];
      expect([f.feed, f.receivedAt, f.status]).toEqual([p.feed, p.receivedAt, p.status]);
      expect(Buffer.compare(Buffer.from(f.body), Buffer.from(p.body))).toBe(0);
      expect(f.hash).toBe(sha1(p.body));
      expect([f.segment, f.offset]).toEqual([written[i].segment, written[i].offset]);
    });
  });

  it("stores bodies with brotli or uncompressed on request", () => {
    for (const compression of ["brotli", "none"] as const) {
      const dir = tempDir();
      const body = text("brotli please ".repeat(400));
      const w = RecordingWriter.open(dir, { compression });
      w.append({ feed: "outages", receivedAt: T0, status: 200, body });
      w.close();
      const size = statSync(join(dir, "2025-10-02T10.seg")).size;
      if (compression === "none") expect(size).toBeGreaterThan(body.length);
      else expect(size).toBeLessThan(body.length / 4);
      expect(Buffer.from(collect(dir).frames[0].body).toString()).toBe(body.toString());
    }
  });

  it("rolls over to a new segment per bucket and reads across them in time order", () => {
    const dir = tempDir();
    const w = RecordingWriter.open(dir, { segmentMs: 10 * MIN });
    const times = [T0 + 1, T0 + 9 * MIN, T0 + 10 * MIN, T0 + 25 * MIN, T0 + 25 * MIN + 1];
    const segs = times.map(
      (t, i) => w.append({ feed: "subway-g", receivedAt: t, status: 200, body: text(`p${i}`) }).segment,
    );
    w.close();
    expect(segs).toEqual([
      "2025-10-02T10.seg",
      "2025-10-02T10.seg",
      "2025-10-02T10-10-00.seg",
      "2025-10-02T10-20-00.seg",
      "2025-10-02T10-20-00.seg",
    ]);
    expect(readdirSync(dir).sort()).toEqual([
      "2025-10-02T10-10-00.seg",
      "2025-10-02T10-20-00.seg",
      "2025-10-02T10.seg",
    ]);
    const { frames } = collect(dir);
    expect(frames.map((f) => f.receivedAt)).toEqual(times);
    expect(frames.map((f) => Buffer.from(f.body).toString())).toEqual(["p0", "p1", "p2", "p3", "p4"]);
  });

  it("filters by time window [from, to) and by feed, across segments", () => {
    const dir = tempDir();
    const w = RecordingWriter.open(dir, { segmentMs: 5 * MIN });
    const feeds = ["subway-ace", "subway-l", "outages"];
    const all: RecordedPayload[] = [];
    for (let i = 0; i < 60; i++) {
      const p = { feed: feeds[i % 3], receivedAt: T0 + i * 30_000, status: 200, body: text(`n${i}`) };
      all.push(p);
      w.append(p);
    }
    w.close();
    const from = T0 + 7 * MIN;
    const to = T0 + 21 * MIN + 30_000;
    const expected = all.filter((p) => p.receivedAt >= from && p.receivedAt < to && p.feed !== "outages");
    expect(expected.length).toBeGreaterThan(10);
    const { frames } = collect(dir, { from, to, feeds: ["subway-ace", "subway-l"] });
    expect(frames.map((f) => Buffer.from(f.body).toString())).toEqual(
      expected.map((p) => Buffer.from(p.body).toString()),
    );
    expect(collect(dir, { from: T0 + HOUR }).frames).toEqual([]);
    expect(collect(dir, { to: T0 }).frames).toEqual([]);
    expect(collect(dir, { to: T0 + 1 }).frames).toHaveLength(1);
  });

  it("deletes segments older than retainMs, measured from the newest frame", () => {
    const dir = tempDir();
    const w = RecordingWriter.open(dir, { retainMs: 2 * HOUR });
    for (let h = 0; h < 6; h++)
      w.append({ feed: "subway-si", receivedAt: T0 + h * HOUR + 5, status: 200, body: text(`h${h}`) });
    w.close();
    // Newest frame at 15:00; horizon 13:00; the 10, 11 and 12 o'clock segments ended by 13:00.
    expect(readdirSync(dir).sort()).toEqual(["2025-10-02T13.seg", "2025-10-02T14.seg", "2025-10-02T15.seg"]);
    expect(collect(dir).frames.map((f) => Buffer.from(f.body).toString())).toEqual(["h3", "h4", "h5"]);
  });

  it("skips a corrupted middle frame with a warning and keeps the others", () => {
    for (const where of ["body", "header length", "magic"] as const) {
      const dir = tempDir();
      const w = RecordingWriter.open(dir, { compression: "none" });
      const written = [0, 1, 2].map((i) =>
        w.append({
          feed: "subway-jz",
          receivedAt: T0 + i,
          status: 200,
          body: text(`frame number ${i} `.repeat(20)),
        }),
      );
      w.close();
      const path = join(dir, written[1].segment);
      const bytes = readFileSync(path);
      const at = {
        body: written[1].offset + 100,
        "header length": written[1].offset + 4,
        magic: written[1].offset + 1,
      }[where];
      bytes[at] ^= 0x5a;
      writeFileSync(path, bytes);
      const { frames, warnings } = collect(dir);
      expect(
        frames.map((f) => f.receivedAt),
        where,
      ).toEqual([T0, T0 + 2]);
      expect(warnings, where).toHaveLength(1);
      expect(warnings[0]).toContain(`offset ${written[1].offset}`);
      expect(warnings[0]).toContain(written[1].segment);
    }
  });

  it("drops a torn tail with a warning and continues with the next segment", () => {
    const dir = tempDir();
    const w = RecordingWriter.open(dir, { segmentMs: MIN });
    const a = w.append({ feed: "subway-l", receivedAt: T0, status: 200, body: text("one") });
    const b = w.append({ feed: "subway-l", receivedAt: T0 + 1, status: 200, body: text("two ".repeat(50)) });
    w.append({ feed: "subway-l", receivedAt: T0 + MIN, status: 200, body: text("three") });
    w.close();
    truncateSync(join(dir, a.segment), b.offset + 20);
    const { frames, warnings } = collect(dir);
    expect(frames.map((f) => Buffer.from(f.body).toString())).toEqual(["one", "three"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/torn/);
  });

  it("is readable while being written: a running reader picks up frames and segments appended later", () => {
    const dir = tempDir();
    const w = RecordingWriter.open(dir, { segmentMs: MIN });
    for (let i = 0; i < 3; i++)
      w.append({ feed: "subway-g", receivedAt: T0 + i, status: 200, body: text(`a${i}`) });
    const reader = readRecording(dir);
    expect(Buffer.from(reader.next().value!.body).toString()).toBe("a0");
    // Appended after the reader started: same segment, then a new one.
    w.append({ feed: "subway-g", receivedAt: T0 + 10, status: 200, body: text("a3") });
    w.append({ feed: "subway-g", receivedAt: T0 + MIN, status: 200, body: text("b0") });
    const rest = [...reader].map((f) => Buffer.from(f.body).toString());
    expect(rest).toEqual(["a1", "a2", "a3", "b0"]);
    // A second reader opened while the writer is still open sees everything so far.
    expect(collect(dir).frames).toHaveLength(5);
    w.close();
  });

  it("appends after existing frames when reopened", () => {
    const dir = tempDir();
    const w1 = RecordingWriter.open(dir);
    w1.append({ feed: "subway-g", receivedAt: T0, status: 200, body: text("first") });
    w1.close();
    const w2 = RecordingWriter.open(dir);
    const f = w2.append({ feed: "subway-g", receivedAt: T0 + 1, status: 200, body: text("second") });
    w2.close();
    expect(f.offset).toBeGreaterThan(0);
    expect(collect(dir).frames.map((x) => Buffer.from(x.body).toString())).toEqual(["first", "second"]);
  });

  it("stores the static GTFS next to the segments and refuses path-like names", () => {
    const dir = tempDir();
    const w = RecordingWriter.open(dir);
    w.storeStatic("gtfs_subway.zip", text("PK zip bytes"));
    expect(readFileSync(join(dir, "static", "gtfs_subway.zip")).toString()).toBe("PK zip bytes");
    expect(() => w.storeStatic("../escape.zip", text("x"))).toThrow(/plain file name/);
    expect(existsSync(join(dir, "escape.zip"))).toBe(false);
    w.close();
  });

  it("appendSoon writes after the current turn of the event loop, and close() writes what is still queued", async () => {
    const dir = tempDir();
    const warnings: string[] = [];
    const w = RecordingWriter.open(dir, { onWarning: (m) => warnings.push(m) });
    const feeds = () => [...readRecording(dir)].map((f) => f.feed);
    w.appendSoon({
      feed: "gbfs-station-status",
      receivedAt: T0,
      status: 200,
      body: text('{"a":1}'.repeat(900)),
    });
    w.appendSoon({ feed: "subway-ace", receivedAt: T0 + 1, status: 200, body: text("x") });
    expect(feeds()).toEqual([]); // the caller was not held up
    await new Promise((r) => setImmediate(r));
    expect(feeds()).toEqual(["gbfs-station-status", "subway-ace"]);
    w.appendSoon({ feed: "subway-l", receivedAt: T0 + 2, status: 200, body: text("y") });
    w.close();
    expect(feeds()).toEqual(["gbfs-station-status", "subway-ace", "subway-l"]);
    // Bad input is refused at once, as append() does; a write that fails later is reported, not thrown.
    const w2 = RecordingWriter.open(tempDir(), { onWarning: (m) => warnings.push(m) });
    expect(() => w2.appendSoon({ feed: "a", receivedAt: Number.NaN, status: 200, body: text("x") })).toThrow(
      /finite/,
    );
    w2.appendSoon({ feed: "", receivedAt: T0, status: 200, body: text("x") });
    w2.close();
    expect(warnings).toEqual([expect.stringMatching(/could not write a payload of feed .*feed id/)]);
  });

  it("rejects invalid payloads and appends after close", () => {
    const w = RecordingWriter.open(tempDir());
    expect(() => w.append({ feed: "", receivedAt: T0, status: 200, body: text("x") })).toThrow(/feed id/);
    expect(() => w.append({ feed: "a", receivedAt: Number.NaN, status: 200, body: text("x") })).toThrow(
      /finite/,
    );
    expect(() => w.append({ feed: "a", receivedAt: T0, status: 70000, body: text("x") })).toThrow(/status/);
    w.close();
    expect(() => w.append({ feed: "a", receivedAt: T0, status: 200, body: text("x") })).toThrow(
      /after close/,
    );
  });
});

describe("recordingInfo", () => {
  it("reports span, per-feed counts and segments without decoding bodies", () => {
    const dir = tempDir();
    const w = RecordingWriter.open(dir, { segmentMs: 30 * MIN });
    const feeds = ["subway-ace", "subway-ace", "gbfs-station-status", "subway-ace", "outages"];
    feeds.forEach((feed, i) => {
      w.append({ feed, receivedAt: T0 + i * 20 * MIN, status: 200, body: text(feed) });
    });
    w.close();
    expect(recordingInfo(dir)).toEqual({
      start: T0,
      end: T0 + 80 * MIN,
      frames: 5,
      feeds: { "subway-ace": 3, "gbfs-station-status": 1, outages: 1 },
      segments: ["2025-10-02T10.seg", "2025-10-02T10-30-00.seg", "2025-10-02T11.seg"],
    });
    expect(recordingInfo(join(dir, "absent"))).toEqual({
      start: 0,
      end: 0,
      frames: 0,
      feeds: {},
      segments: [],
    });
  });
});
