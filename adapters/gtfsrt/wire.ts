/**
 * Helpers for hand-written protobuf decoders that walk the wire format with
 * a protobufjs Reader: faster than reflection when only a few fields matter,
 * and every failure carries the byte offset where it happened.
 */
import protobuf from "protobufjs";

export type Reader = protobuf.Reader;

export const VARINT = 0;
export const LEN = 2;

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
