/**
 * The on-disk frame layout of a recording segment (see FORMAT.md). Shared by
 * the writer and the reader so the two cannot drift apart.
 *
 *   magic "NTR1" | header length u16 | header | stored body | crc32 u32
 *
 * All integers little-endian. The CRC covers the header-length field, the
 * header and the stored body, so a flipped length is caught too.
 */
import { crc32 } from "./crc32";

export const MAGIC = Buffer.from("NTR1", "latin1");
export const MAGIC_U32 = MAGIC.readUInt32LE(0);
export const FORMAT_VERSION = 1;

/** How the stored body relates to the payload bytes. */
export const Codec = { none: 0, deflateRaw: 1, brotli: 2 } as const;
export type CodecId = (typeof Codec)[keyof typeof Codec];

// Header field offsets, relative to the header start.
export const H_VERSION = 0; // u8
export const H_CODEC = 1; // u8
export const H_STATUS = 2; // u16
export const H_RECEIVED_AT = 4; // f64, epoch ms (exact for integers up to 2^53)
export const H_RAW_LENGTH = 12; // u32
export const H_STORED_LENGTH = 16; // u32
export const H_HASH = 20; // 20 bytes, SHA-1 of the raw body
export const HASH_BYTES = 20;
export const H_FEED_LENGTH = 40; // u8
export const H_FEED = 41; // feed id, UTF-8
export const HEADER_FIXED = 41;
export const MAX_FEED_BYTES = 255;
export const MAX_HEADER = HEADER_FIXED + MAX_FEED_BYTES;

export const PREFIX_BYTES = 6; // magic + header length
export const TRAILER_BYTES = 4; // crc32
/** Bodies above this are refused by the writer and treated as corruption by the reader. */
export const MAX_STORED = 512 * 1024 * 1024;

export interface FrameFields {
  feed: string;
  receivedAt: number;
  status: number;
  codec: CodecId;
  rawLength: number;
  hash: Uint8Array; // 20 bytes
  stored: Uint8Array;
}

/** One frame as bytes, ready for a single write. */
export function encodeFrame(f: FrameFields): Buffer {
  const feed = Buffer.from(f.feed, "utf8");
  if (feed.length === 0 || feed.length > MAX_FEED_BYTES) {
    throw new RangeError(
      `feed id must be 1..${MAX_FEED_BYTES} bytes of UTF-8, got ${feed.length}: "${f.feed}"`,
    );
  }
  const headerLen = HEADER_FIXED + feed.length;
  const total = PREFIX_BYTES + headerLen + f.stored.length + TRAILER_BYTES;
  const out = Buffer.allocUnsafe(total);
  MAGIC.copy(out, 0);
  out.writeUInt16LE(headerLen, 4);
  const h = PREFIX_BYTES;
  out[h + H_VERSION] = FORMAT_VERSION;
  out[h + H_CODEC] = f.codec;
  out.writeUInt16LE(f.status, h + H_STATUS);
  out.writeDoubleLE(f.receivedAt, h + H_RECEIVED_AT);
  out.writeUInt32LE(f.rawLength, h + H_RAW_LENGTH);
  out.writeUInt32LE(f.stored.length, h + H_STORED_LENGTH);
  out.set(f.hash, h + H_HASH);
  out[h + H_FEED_LENGTH] = feed.length;
  feed.copy(out, h + H_FEED);
  out.set(f.stored, h + headerLen);
  const crcEnd = total - TRAILER_BYTES;
  out.writeUInt32LE(crc32(out, 4, crcEnd), crcEnd);
  return out;
}

/**
 * Total length of the frame whose prefix and header start at `pos` (the caller
 * has at least PREFIX_BYTES + header length bytes there), or -1 when the
 * prefix or header cannot be a frame this version wrote.
 */
export function frameLengthFromHeader(buf: Buffer, pos: number): number {
  const headerLen = buf.readUInt16LE(pos + 4);
  const h = pos + PREFIX_BYTES;
  if (buf[h + H_VERSION] !== FORMAT_VERSION || buf[h + H_CODEC] > Codec.brotli) return -1;
  if (buf[h + H_FEED_LENGTH] !== headerLen - HEADER_FIXED || headerLen === HEADER_FIXED) return -1;
  const stored = buf.readUInt32LE(h + H_STORED_LENGTH);
  if (stored > MAX_STORED) return -1;
  return PREFIX_BYTES + headerLen + stored + TRAILER_BYTES;
}

/** Header length at `pos` if plausible, else -1. Needs PREFIX_BYTES at `pos`. */
export function headerLengthAt(buf: Buffer, pos: number): number {
  if (buf.readUInt32LE(pos) !== MAGIC_U32) return -1;
  const headerLen = buf.readUInt16LE(pos + 4);
  return headerLen > HEADER_FIXED && headerLen <= MAX_HEADER ? headerLen : -1;
}
