/**
 * Appends payloads to a recording, one frame per payload, one write per frame
 * (so a crash loses at most the frame being written), rolling over to a new
 * segment file when a payload's time enters a new bucket.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, deflateRawSync, constants as zc } from "node:zlib";
import { Codec, type CodecId, encodeFrame, MAX_STORED } from "./format";
import { scanFrames } from "./scan";
import { SegmentFile } from "./segment-file";
import { listSegments, segmentName } from "./segments";
import type { RecordedFrame, RecordedPayload } from "./types";

export interface RecordingWriterOptions {
  /** Bucket length of a segment file; default one hour. */
  segmentMs?: number;
  /**
   * Delete segments whose frames are all older than this, measured back from
   * the newest appended receivedAt (not the wall clock, so importing an old
   * day does not delete it). Checked when a segment is opened.
   */
  retainMs?: number;
  /** fsync after every frame (slower; survives power loss, not just a process crash). */
  fsync?: boolean;
  /** Body compression; default deflate (raw). Bodies that do not shrink are stored as is. */
  compression?: "deflate" | "brotli" | "none";
  /** Repairs made when reopening a segment with a torn tail; default console.warn. */
  onWarning?: (msg: string) => void;
}

const HOUR = 3_600_000;
const STATIC_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

interface OpenSegment {
  name: string;
  start: number;
  fd: number;
  size: number;
}

export class RecordingWriter {
  private current: OpenSegment | undefined;
  private newest = Number.NEGATIVE_INFINITY;
  private closed = false;
  /** Payloads appendSoon() has not written yet, and the turn that will. */
  private queued: RecordedPayload[] = [];
  private writeSoon: NodeJS.Immediate | null = null;
  private readonly segmentMs: number;
  private readonly warn: (msg: string) => void;

  private constructor(
    readonly dir: string,
    private readonly opts: RecordingWriterOptions,
  ) {
    this.segmentMs = opts.segmentMs ?? HOUR;
    this.warn = opts.onWarning ?? ((msg) => console.warn(msg));
  }

  static open(dir: string, opts: RecordingWriterOptions = {}): RecordingWriter {
    const segmentMs = opts.segmentMs ?? HOUR;
    if (!(Number.isInteger(segmentMs) && segmentMs > 0)) {
      throw new RangeError(`segmentMs must be a positive integer, got ${segmentMs}`);
    }
    if (opts.retainMs !== undefined && !(opts.retainMs > 0)) {
      throw new RangeError(`retainMs must be positive, got ${opts.retainMs}`);
    }
    mkdirSync(dir, { recursive: true });
    return new RecordingWriter(dir, opts);
  }

  append(p: RecordedPayload): RecordedFrame {
    this.check(p);
    // A payload older than the open segment (clock stepped back) stays in it: segments never reopen backwards.
    const bucket = Math.floor(p.receivedAt / this.segmentMs) * this.segmentMs;
    if (!this.current || bucket > this.current.start) this.rollTo(bucket, p.receivedAt);
    this.newest = Math.max(this.newest, p.receivedAt);
    const seg = this.current!;

    const hash = createHash("sha1").update(p.body).digest();
    const [codec, stored] = this.compress(p.body);
    if (stored.length > MAX_STORED)
      throw new RangeError(`payload of ${stored.length} bytes is too large (feed ${p.feed})`);
    const frame = encodeFrame({
      feed: p.feed,
      receivedAt: p.receivedAt,
      status: p.status,
      codec,
      rawLength: p.body.length,
      hash,
      stored,
    });
    for (let done = 0; done < frame.length; ) done += writeSync(seg.fd, frame, done, frame.length - done);
    if (this.opts.fsync) fsyncSync(seg.fd);
    const offset = seg.size;
    seg.size += frame.length;
    return { ...p, hash: hash.toString("hex"), segment: seg.name, offset };
  }

  /**
   * append() after the current turn of the event loop, so that whoever
   * records (an engine cycle) is not held up by compression and the write:
   * 4-5 ms for a Citi Bike station_status, on the path of every change it
   * brings to a client. A crash loses at most that turn's payloads; the
   * recording is never torn. flush() and close() write what is queued.
   */
  appendSoon(p: RecordedPayload): void {
    this.check(p);
    this.queued.push(p);
    this.writeSoon ??= setImmediate(() => {
      this.writeSoon = null;
      this.flush();
    });
  }

  /** Write every payload appendSoon() queued, now. A frame that cannot be written is reported and skipped. */
  flush(): void {
    const queued = this.queued;
    this.queued = [];
    for (const p of queued) {
      try {
        this.append(p);
      } catch (e) {
        this.warn(
          `recording ${this.dir}: could not write a payload of feed ${p.feed} received at ${new Date(p.receivedAt).toISOString()}: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    }
  }

  private check(p: RecordedPayload): void {
    if (this.closed) throw new Error(`recording ${this.dir}: append after close`);
    if (!Number.isFinite(p.receivedAt)) throw new RangeError(`receivedAt must be finite (feed ${p.feed})`);
    if (!(Number.isInteger(p.status) && p.status >= 0 && p.status <= 0xffff)) {
      throw new RangeError(`status must be an integer 0..65535, got ${p.status} (feed ${p.feed})`);
    }
  }

  /** Keeps the static GTFS (or any side file) the recording was made with, under <dir>/static/<name>. */
  storeStatic(name: string, bytes: Uint8Array): void {
    if (!STATIC_NAME.test(name))
      throw new RangeError(`static file name must be a plain file name, got "${name}"`);
    const dir = join(this.dir, "static");
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${name}.tmp`);
    writeFileSync(tmp, bytes);
    renameSync(tmp, join(dir, name)); // readers never see a half-written file
  }

  close(): void {
    if (this.closed) return;
    if (this.writeSoon) clearImmediate(this.writeSoon);
    this.writeSoon = null;
    this.flush();
    this.closed = true;
    if (this.current) closeSync(this.current.fd);
    this.current = undefined;
  }

  private compress(body: Uint8Array): [CodecId, Uint8Array] {
    const mode = this.opts.compression ?? "deflate";
    if (mode === "none" || body.length < 64) return [Codec.none, body];
    const out =
      mode === "deflate"
        ? deflateRawSync(body)
        : brotliCompressSync(body, { params: { [zc.BROTLI_PARAM_QUALITY]: 5 } });
    if (out.length >= body.length) return [Codec.none, body];
    return [mode === "deflate" ? Codec.deflateRaw : Codec.brotli, out];
  }

  private rollTo(start: number, receivedAt: number): void {
    if (this.current) closeSync(this.current.fd);
    const name = segmentName(start);
    const path = join(this.dir, name);
    repairTail(path, name, this.warn);
    const fd = openSync(path, "a");
    this.current = { name, start, fd, size: fstatSync(fd).size };
    this.applyRetention(Math.max(this.newest, receivedAt));
  }

  /** A segment ends where the next begins; drop those that ended before the retention horizon. */
  private applyRetention(newest: number): void {
    const retain = this.opts.retainMs;
    if (retain === undefined) return;
    const segments = listSegments(this.dir);
    for (let i = 0; i + 1 < segments.length; i++) {
      if (segments[i].name === this.current?.name) continue;
      if (segments[i + 1].start <= newest - retain) rmSync(join(this.dir, segments[i].name), { force: true });
    }
  }
}

/**
 * Cuts a torn frame off the end of an existing segment (left by a crash) so
 * frames appended now follow the last good one instead of garbage.
 */
function repairTail(path: string, name: string, warn: (msg: string) => void): void {
  let file: SegmentFile;
  try {
    file = new SegmentFile(path, Buffer.allocUnsafe(1024 * 1024));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  let goodEnd = 0;
  try {
    // Its own warnings are folded into the one below.
    for (const c of scanFrames(file, name, () => {})) goodEnd = c.offset + c.length;
  } finally {
    file.close();
  }
  const fd = openSync(path, "r+");
  try {
    const size = fstatSync(fd).size;
    if (size > goodEnd) {
      ftruncateSync(fd, goodEnd);
      warn(`recording ${name}: reopened, cut ${size - goodEnd} unreadable bytes at offset ${goodEnd}`);
    }
  } finally {
    closeSync(fd);
  }
}
