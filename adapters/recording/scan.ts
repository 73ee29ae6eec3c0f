/**
 * Walks the frames of one segment file, verifying each one's CRC. A torn or
 * corrupt region is skipped by searching for the next magic that starts a
 * frame whose CRC verifies, and reported once per region through `warn` with
 * the segment name and byte offsets; a region that runs to the end of the file
 * (the usual torn write after a crash) is dropped the same way.
 */
import { crc32 } from "./crc32";
import { frameLengthFromHeader, headerLengthAt, MAGIC, PREFIX_BYTES, TRAILER_BYTES } from "./format";
import type { SegmentFile } from "./segment-file";

/** The frame under the cursor; valid until the generator resumes (the buffer is reused). */
export interface FrameCursor {
  buf: Buffer;
  /** Index of the frame's magic in `buf`. */
  idx: number;
  /** Frame length in bytes, magic to CRC. */
  length: number;
  /** File offset of the frame's magic. */
  offset: number;
}

const INCOMPLETE = -1;
const INVALID = 0;

/** Length of the verified frame at `offset`, INVALID, or INCOMPLETE when the file ends inside it. */
function frameAt(file: SegmentFile, offset: number): number {
  let idx = file.ensure(offset, PREFIX_BYTES);
  if (idx < 0) return INCOMPLETE;
  const headerLen = headerLengthAt(file.buf, idx);
  if (headerLen < 0) return INVALID;
  idx = file.ensure(offset, PREFIX_BYTES + headerLen);
  if (idx < 0) return INCOMPLETE;
  const length = frameLengthFromHeader(file.buf, idx);
  if (length < 0) return INVALID;
  idx = file.ensure(offset, length);
  if (idx < 0) return INCOMPLETE;
  const crcAt = idx + length - TRAILER_BYTES;
  return crc32(file.buf, idx + 4, crcAt) === file.buf.readUInt32LE(crcAt) ? length : INVALID;
}

export function* scanFrames(
  file: SegmentFile,
  segment: string,
  warn: (msg: string) => void,
): Generator<FrameCursor, void, undefined> {
  const cursor: FrameCursor = { buf: file.buf, idx: 0, length: 0, offset: 0 };
  let offset = 0;
  let badFrom = -1; // start of the current unreadable region
  let badReason = "";
  for (;;) {
    if (file.ensure(offset, 1) < 0) break;
    const length = frameAt(file, offset);
    if (length > 0) {
      if (badFrom >= 0) {
        warn(`recording ${segment}: skipped ${offset - badFrom} bytes at offset ${badFrom} (${badReason})`);
        badFrom = -1;
      }
      cursor.buf = file.buf;
      cursor.idx = file.ensure(offset, length);
      cursor.length = length;
      cursor.offset = offset;
      yield cursor;
      offset += length;
      continue;
    }
    if (badFrom < 0) {
      badFrom = offset;
      badReason = length === INCOMPLETE ? "incomplete frame: torn write" : "corrupt frame: bad header or CRC";
    }
    const next = file.find(MAGIC, offset + 1);
    if (next < 0) {
      offset += file.available(offset);
      break;
    }
    offset = next;
  }
  if (badFrom >= 0) {
    warn(
      `recording ${segment}: dropped ${offset - badFrom} bytes at the end, from offset ${badFrom} (${badReason})`,
    );
  }
}
