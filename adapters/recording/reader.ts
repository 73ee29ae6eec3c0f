/**
 * Reading a recording: frames in time order across segments, optionally
 * limited to a time window and a set of feeds. Synchronous and lazy, so a
 * replay pulls one frame at a time; a recording still being written can be
 * read (data and segments appended during the read are picked up until the
 * reader reaches the end).
 */
import { join } from "node:path";
import { decodeBody, FeedNames, hashOf, receivedAtOf, statusOf } from "./frame-view";
import { scanFrames } from "./scan";
import { DEFAULT_CHUNK, SegmentFile } from "./segment-file";
import { listSegments, type SegmentEntry } from "./segments";
import type { RecordedFrame } from "./types";

export interface ReadRecordingOptions {
  /** Inclusive, epoch ms. */
  from?: number;
  /** Exclusive, epoch ms. */
  to?: number;
  feeds?: string[];
  /** Torn or corrupt data that was skipped; defaults to console.warn. */
  onWarning?: (msg: string) => void;
}

const defaultWarn = (msg: string) => console.warn(msg);

/**
 * Visits each segment that can hold frames in [from, to), re-listing the
 * directory at the end so segments created meanwhile are read too.
 * Segment i holds frames from its start to the next segment's start.
 */
function* segmentsToRead(dir: string, from: number, to: number): Generator<SegmentEntry> {
  let lastStart = Number.NEGATIVE_INFINITY;
  for (;;) {
    const segments = listSegments(dir).filter((s) => s.start > lastStart);
    if (segments.length === 0) return;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      if (seg.start >= to) return;
      lastStart = seg.start;
      const nextStart = segments[i + 1]?.start ?? Number.POSITIVE_INFINITY;
      if (nextStart > from) yield seg;
    }
  }
}

/** Opens a segment, or warns and returns undefined if it vanished (retention) since the listing. */
function openSegment(path: string, buffer: Buffer, warn: (msg: string) => void): SegmentFile | undefined {
  try {
    return new SegmentFile(path, buffer);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    warn(`recording ${path}: segment disappeared before it could be read`);
    return undefined;
  }
}

export function* readRecording(dir: string, opts: ReadRecordingOptions = {}): Generator<RecordedFrame> {
  const from = opts.from ?? Number.NEGATIVE_INFINITY;
  const to = opts.to ?? Number.POSITIVE_INFINITY;
  const feeds = opts.feeds ? new Set(opts.feeds) : undefined;
  const warn = opts.onWarning ?? defaultWarn;
  const names = new FeedNames();
  let buffer: Buffer = Buffer.allocUnsafe(DEFAULT_CHUNK); // one read buffer for the whole walk
  for (const seg of segmentsToRead(dir, from, to)) {
    const file = openSegment(join(dir, seg.name), buffer, warn);
    if (!file) continue;
    try {
      for (const c of scanFrames(file, seg.name, warn)) {
        const receivedAt = receivedAtOf(c);
        if (receivedAt < from || receivedAt >= to) continue;
        const feed = names.of(c);
        if (feeds && !feeds.has(feed)) continue;
        let body: Uint8Array;
        try {
          body = decodeBody(c);
        } catch (e) {
          warn(
            `recording ${seg.name}: frame at offset ${c.offset} (${feed}) skipped: ${(e as Error).message}`,
          );
          continue;
        }
        yield {
          feed,
          receivedAt,
          status: statusOf(c),
          body,
          hash: hashOf(c),
          segment: seg.name,
          offset: c.offset,
        };
      }
    } finally {
      buffer = file.buf; // keep a buffer that grew for a large frame
      file.close();
    }
  }
}

export interface RecordingInfo {
  start: number;
  end: number;
  frames: number;
  feeds: Record<string, number>;
  segments: string[];
}

/**
 * Time span, frame count per feed and segment names, from the headers alone
 * (no body is decompressed; CRCs are checked so the counts match what
 * readRecording yields). An empty recording has start = end = 0.
 */
export function recordingInfo(dir: string): RecordingInfo {
  const info: RecordingInfo = { start: 0, end: 0, frames: 0, feeds: {}, segments: [] };
  const names = new FeedNames();
  let buffer: Buffer = Buffer.allocUnsafe(DEFAULT_CHUNK);
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  const ignore = () => {};
  for (const seg of listSegments(dir)) {
    const file = openSegment(join(dir, seg.name), buffer, ignore);
    if (!file) continue;
    info.segments.push(seg.name);
    try {
      for (const c of scanFrames(file, seg.name, ignore)) {
        const t = receivedAtOf(c);
        if (t < start) start = t;
        if (t > end) end = t;
        const feed = names.of(c);
        info.feeds[feed] = (info.feeds[feed] ?? 0) + 1;
        info.frames++;
      }
    } finally {
      buffer = file.buf;
      file.close();
    }
  }
  if (info.frames > 0) {
    info.start = start;
    info.end = end;
  }
  return info;
}
