/**
 * Chunked, positioned reads of one segment file. The reader asks for "n bytes
 * at file offset x" and gets an index into one large buffer; data is read in
 * big chunks (pread, so bytes a writer appends after the open are seen on the
 * next call) and the buffer is only compacted or grown when a frame straddles
 * its end.
 */
import { closeSync, openSync, readSync } from "node:fs";

export const DEFAULT_CHUNK = 8 * 1024 * 1024;

export class SegmentFile {
  buf: Buffer;
  /** File offset of buf[0]. */
  private base = 0;
  /** buf[0, end) holds file bytes [base, base + end). */
  private end = 0;
  private readonly fd: number;

  constructor(
    readonly path: string,
    buffer: Buffer = Buffer.allocUnsafe(DEFAULT_CHUNK),
  ) {
    this.fd = openSync(path, "r");
    this.buf = buffer;
  }

  /**
   * Makes file bytes [offset, offset + n) available and returns the index of
   * `offset` in `buf`, or -1 when the file ends first (as of this call).
   */
  ensure(offset: number, n: number): number {
    let idx = offset - this.base;
    if (idx >= 0 && idx + n <= this.end) return idx;
    if (idx < 0 || idx > this.end) {
      // A jump outside the window (backwards never happens; forwards past the data can).
      this.base = offset;
      this.end = 0;
      idx = 0;
    } else if (idx > 0) {
      this.buf.copyWithin(0, idx, this.end);
      this.base = offset;
      this.end -= idx;
      idx = 0;
    }
    if (n > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(n, this.buf.length * 2));
      this.buf.copy(bigger, 0, 0, this.end);
      this.buf = bigger;
    }
    while (this.end < n) {
      const got = readSync(this.fd, this.buf, this.end, this.buf.length - this.end, this.base + this.end);
      if (got === 0) return -1;
      this.end += got;
    }
    return 0;
  }

  /** Bytes known to exist from `offset` on, after a failed ensure() reached the end of the file. */
  available(offset: number): number {
    return Math.max(0, this.base + this.end - offset);
  }

  /** File offset of the next magic at or after `offset`, or -1 if none before the end of the file. */
  find(pattern: Buffer, offset: number): number {
    let at = offset;
    for (;;) {
      const idx = this.ensure(at, pattern.length);
      if (idx < 0) return -1;
      const hit = this.buf.subarray(0, this.end).indexOf(pattern, idx);
      if (hit >= 0) return this.base + hit;
      // Keep the last few bytes: the pattern may straddle the chunk boundary.
      at = Math.max(at + 1, this.base + this.end - pattern.length + 1);
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}
