/**
 * Helpers for hand-written protobuf decoders that walk the wire format with
 * a protobufjs Reader: faster than reflection when only a few fields matter,
 * and every failure carries the byte offset where it happened.
 */
import protobuf from "protobufjs";

export type Reader = protobuf.Reader;

// Tags (field number << 3 | wire type) of the fields the hand-written decoders
// read: wire type 0 (varint) and 2 (length-delimited); 1001 = the MTA extensions.
export const T1_VAR = 1 << 3;
export const T2_VAR = 2 << 3;
export const T3_VAR = 3 << 3;
export const T4_VAR = 4 << 3;
export const T5_VAR = 5 << 3;
export const T1_LEN = (1 << 3) | 2;
export const T2_LEN = (2 << 3) | 2;
export const T3_LEN = (3 << 3) | 2;
export const T4_LEN = (4 << 3) | 2;
export const T5_LEN = (5 << 3) | 2;
export const T7_LEN = (7 << 3) | 2;
export const T10_LEN = (10 << 3) | 2;
export const EXT_LEN = (1001 << 3) | 2;

/** The bytes are not well-formed protobuf (truncated, bad length, bad tag). */
export class WireFormatError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.name = "WireFormatError";
    this.offset = offset;
  }
}

/** Well-formed protobuf, but not the message we expect (missing required parts). */
export class WireShapeError extends Error {
  readonly offset?: number;
  constructor(message: string, offset?: number) {
    super(message);
    this.name = "WireShapeError";
    this.offset = offset;
  }
}

export function createReader(bytes: Uint8Array): Reader {
  return protobuf.Reader.create(bytes);
}

/** Reads a tag; field number 0 never occurs in valid protobuf, so it is rejected early. */
export function readTag(r: Reader): number {
  const at = r.pos;
  const tag = r.uint32();
  if (tag >>> 3 === 0) throw new WireFormatError(`invalid field number 0 (tag ${tag})`, at);
  return tag;
}

/** Reads a length prefix and returns where the sub-message ends, checked against the buffer. */
export function messageEnd(r: Reader): number {
  const at = r.pos;
  const length = r.uint32();
  const end = r.pos + length;
  if (end > r.len)
    throw new WireFormatError(`length ${length} runs past the end of the body (${r.len} bytes)`, at);
  return end;
}

/** A sub-message must end exactly where its length said: anything else means corrupt bytes. */
export function closeMessage(r: Reader, end: number): void {
  if (r.pos !== end)
    throw new WireFormatError(`field overruns its enclosing message (ends at ${end})`, r.pos);
}

/**
 * A varint as a JS number without allocating a Long: exact below 2^53 (epoch
 * times are far below); a negative int64 (ten bytes of two's complement)
 * comes back negative.
 */
export function readVarintNumber(r: Reader): number {
  const buf = r.buf;
  let pos = r.pos;
  let lo = 0;
  let hi = 0;
  for (let shift = 0; shift < 70; shift += 7) {
    if (pos >= r.len) throw new WireFormatError("varint runs past the end of the body", r.pos);
    const b = buf[pos++];
    if (shift < 28) lo |= (b & 127) << shift;
    else if (shift === 28) {
      lo |= (b & 15) << 28;
      hi |= (b & 127) >>> 4;
    } else hi |= (b & 127) << (shift - 32);
    if (b < 128) {
      r.pos = pos;
      lo >>>= 0;
      hi >>>= 0;
      return hi < 0x80000000 ? hi * 2 ** 32 + lo : -((~hi >>> 0) * 2 ** 32 + (~lo >>> 0) + 1);
    }
  }
  throw new WireFormatError("varint longer than 10 bytes", r.pos);
}

export function skipField(r: Reader, wireType: number): void {
  r.skipType(wireType);
}
