/**
 * A streaming CSV tokenizer over bytes (RFC 4180: quoted fields, "" escapes,
 * commas and newlines inside quotes, LF or CRLF, a UTF-8 BOM). It hands each
 * row to a callback as a view of field offsets into its buffer, so a large
 * file (stop_times.txt, ~100 MB) is parsed without a string per field: the
 * caller converts only what it keeps, and numbers and times are read straight
 * from the bytes.
 */

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** One row; valid only during the callback (the buffer is reused). */
export class CsvRow {
  buf: Buffer = Buffer.alloc(0);
  /** Field i spans buf[starts[i], ends[i]); quotes already excluded. */
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  /** escaped[i]: field i had "" escapes to undo. */
  escaped: boolean[] = [];
  count = 0;
  /** 1-based line of the row's start in the file (the header is line 1). */
  line = 0;
  /** Byte offset of the row's start in the file. */
  offset = 0;

  text(i: number): string {
    if (i >= this.count) return "";
    const s = this.buf.toString("utf8", this.starts[i], this.ends[i]);
    return this.escaped[i] ? s.replaceAll('""', '"') : s;
  }

  isEmpty(i: number): boolean {
    return i >= this.count || this.starts[i] === this.ends[i];
  }

  /** Unsigned decimal integer, or NaN when empty or not digits. */
  uint(i: number): number {
    if (this.isEmpty(i)) return Number.NaN;
    let v = 0;
    for (let p = this.starts[i], e = this.ends[i]; p < e; p++) {
      const d = this.buf[p] - 48;
      if (d < 0 || d > 9) return Number.NaN;
      v = v * 10 + d;
    }
    return v;
  }

  /** GTFS time "H:MM:SS" / "HH:MM:SS" (hours may exceed 23) as seconds; -1 when empty; NaN when malformed. */
  time(i: number): number {
    if (this.isEmpty(i)) return -1;
    let p = this.starts[i];
    const e = this.ends[i];
    while (p < e && this.buf[p] === 0x20) p++;
    let h = 0;
    let digits = 0;
    for (; p < e && this.buf[p] !== 0x3a; p++, digits++) {
      const d = this.buf[p] - 48;
      if (d < 0 || d > 9) return Number.NaN;
      h = h * 10 + d;
    }
    if (digits === 0 || e - p !== 6 || this.buf[p + 3] !== 0x3a) return Number.NaN;
    const m1 = this.buf[p + 1] - 48;
    const m2 = this.buf[p + 2] - 48;
    const s1 = this.buf[p + 4] - 48;
    const s2 = this.buf[p + 5] - 48;
    if (m1 < 0 || m1 > 5 || m2 < 0 || m2 > 9 || s1 < 0 || s1 > 5 || s2 < 0 || s2 > 9) return Number.NaN;
    return h * 3600 + (m1 * 10 + m2) * 60 + s1 * 10 + s2;
  }

  /** Field i has exactly these bytes. */
  equals(i: number, bytes: Uint8Array): boolean {
    const s = this.starts[i];
    const len = this.ends[i] - s;
    if (len !== bytes.length || this.escaped[i]) return false;
    for (let k = 0; k < len; k++) if (this.buf[s + k] !== bytes[k]) return false;
    return true;
  }

  /** A copy of field i's raw bytes (for equals() on later rows). */
  copyBytes(i: number): Uint8Array {
    return Buffer.from(this.buf.subarray(this.starts[i], this.ends[i]));
  }

  /** All fields as strings (for small tables and the header). */
  texts(): string[] {
    const out: string[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.text(i);
    return out;
  }

  push(start: number, end: number, escaped: boolean): void {
    if (this.count === this.starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.escaped[this.count] = escaped;
    this.count++;
  }
}

/** Tokenizes pushed chunks; calls onRow for every row that is not blank, the header included. */
export class CsvTokenizer {
  private readonly row = new CsvRow();
  private leftover: Buffer | undefined;
  /** File offset of the first byte of the next chunk's working buffer. */
  private base = 0;
  private line = 1;
  private first = true;

  constructor(private readonly onRow: (row: CsvRow) => void) {}

  push(chunk: Uint8Array): void {
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (this.leftover) buf = Buffer.concat([this.leftover, buf]);
    this.leftover = undefined;
    const consumed = this.parse(buf, false);
    // Copy: the caller may reuse its chunk buffer.
    if (consumed < buf.length) this.leftover = Buffer.from(buf.subarray(consumed));
    this.base += consumed;
  }

  end(): void {
    if (this.leftover) this.parse(this.leftover, true);
    this.leftover = undefined;
  }

  /** Parses complete rows; returns the index just past the last one (all of buf when final). */
  private parse(buf: Buffer, final: boolean): number {
    let pos = 0;
    if (this.first) {
      if (buf.length < 3 && !final) return 0;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
      this.first = false;
    }
    const row = this.row;
    const n = buf.length;
    row.buf = buf;
    while (pos < n) {
      const rowStart = pos;
      let lines = 1;
      row.count = 0;
      let p = pos;
      let complete = false;
      for (;;) {
        // One field starting at p.
        if (p < n && buf[p] === QUOTE) {
          const start = p + 1;
          let q = start;
          let escaped = false;
          let end = -1;
          for (;;) {
            const hit = buf.indexOf(QUOTE, q);
            if (hit < 0) break;
            if (hit + 1 < n && buf[hit + 1] === QUOTE) {
              escaped = true;
              q = hit + 2;
              continue;
            }
            if (hit + 1 >= n && !final) break; // a quote at the very end may be the first of ""
            end = hit;
            break;
          }
          if (end < 0) {
            if (!final) break;
            end = n; // unterminated quote at end of file: take the rest
          }
          for (let k = start; k < end; k++) if (buf[k] === LF) lines++;
          p = end + 1;
          while (p < n && buf[p] !== COMMA && buf[p] !== LF && buf[p] !== CR) p++; // junk after a closing quote
          row.push(start, end, escaped);
        } else {
          const start = p;
          while (p < n) {
            const c = buf[p];
            if (c === COMMA || c === LF || c === CR) break;
            p++;
          }
          row.push(start, p, false);
        }
        if (p >= n) {
          complete = final;
          break;
        }
        const c = buf[p];
        if (c === COMMA) {
          p++;
          continue;
        }
        if (c === CR) {
          if (p + 1 >= n && !final) break; // need the next byte to see if it is CRLF
          p += buf[p + 1] === LF ? 2 : 1;
        } else p++; // LF
        complete = true;
        break;
      }
      if (!complete) return rowStart;
      pos = p;
      row.line = this.line;
      row.offset = this.base + rowStart;
      this.line += lines;
      if (!(row.count === 1 && row.starts[0] === row.ends[0])) this.onRow(row);
    }
    return n;
  }
}

/** A header row as column names, trimmed (some feeds pad them). */
export function headerNames(row: CsvRow): string[] {
  return row.texts().map((s) => s.trim());
}
