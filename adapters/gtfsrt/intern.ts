/**
 * Short ASCII strings read from protobuf bytes, interned: the same stop ids,
 * tracks, dates, route and trip ids recur thousands of times per feed and
 * from one poll to the next. Hashing the bytes and reusing the string is
 * cheaper than decoding each one, and snapshots end up sharing the strings.
 */
import type { Reader } from "./wire";
import { WireFormatError } from "./wire";

const MAX_INTERNED_LENGTH = 32;
// a direct-mapped table: a collision simply replaces the older string
const TABLE_BITS = 14;
const table: (string | undefined)[] = new Array(1 << TABLE_BITS).fill(undefined);

/** A length-delimited string field, interned when short and ASCII. */
export function readInternedString(r: Reader): string {
  const at = r.pos;
  const length = r.uint32();
  const start = r.pos;
  const end = start + length;
  if (end > r.len) throw new WireFormatError(`string of ${length} bytes runs past the end of the body`, at);
  r.pos = end;
  return internBytes(r.buf, start, end);
}

/** The UTF-8 string in buf[start, end), interned when short and ASCII. */
export function internBytes(buf: Uint8Array, start: number, end: number): string {
  const length = end - start;
  if (length > MAX_INTERNED_LENGTH) return utf8.decode(buf.subarray(start, end));
  // FNV-1a over the bytes, with the ASCII check folded in
  let hash = 0x811c9dc5;
  let high = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    high |= b;
    hash = Math.imul(hash ^ b, 0x01000193);
  }
  if (high >= 0x80) return utf8.decode(buf.subarray(start, end));
  const slot = (hash ^ (hash >>> TABLE_BITS)) & ((1 << TABLE_BITS) - 1);
  const cached = table[slot];
  if (cached !== undefined && sameAscii(cached, buf, start, length)) return cached;
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]);
  table[slot] = s;
  return s;
}

function sameAscii(s: string, buf: Uint8Array, start: number, length: number): boolean {
  if (s.length !== length) return false;
  for (let i = 0; i < length; i++) if (s.charCodeAt(i) !== buf[start + i]) return false;
  return true;
}

const utf8 = new TextDecoder("utf-8");
