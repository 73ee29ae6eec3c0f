/**
 * Reads header fields of the frame under a scan cursor and decodes its body.
 * Kept apart from the scan so recordingInfo can count frames without paying
 * for decompression.
 */
import { brotliDecompressSync, inflateRawSync } from "node:zlib";
import {
  Codec,
  H_CODEC,
  H_FEED,
  H_FEED_LENGTH,
  H_HASH,
  H_RAW_LENGTH,
  H_RECEIVED_AT,
  H_STATUS,
  HASH_BYTES,
  PREFIX_BYTES,
  TRAILER_BYTES,
} from "./format";
import type { FrameCursor } from "./scan";

const h = (c: FrameCursor) => c.idx + PREFIX_BYTES;

export const receivedAtOf = (c: FrameCursor): number => c.buf.readDoubleLE(h(c) + H_RECEIVED_AT);
export const statusOf = (c: FrameCursor): number => c.buf.readUInt16LE(h(c) + H_STATUS);
export const hashOf = (c: FrameCursor): string =>
  c.buf.toString("hex", h(c) + H_HASH, h(c) + H_HASH + HASH_BYTES);

/**
 * Feed ids repeat in every frame: compare the bytes against the few names seen
 * so far instead of decoding a new string per frame.
 */
export class FeedNames {
  private readonly known: { bytes: Buffer; name: string }[] = [];

  of(c: FrameCursor): string {
    const start = h(c) + H_FEED;
    const end = start + c.buf[h(c) + H_FEED_LENGTH];
    for (const k of this.known) {
      if (k.bytes.length === end - start && k.bytes.compare(c.buf, start, end) === 0) return k.name;
    }
    const name = c.buf.toString("utf8", start, end);
    this.known.push({ bytes: Buffer.from(c.buf.subarray(start, end)), name });
    return name;
  }
}

/** The payload bytes as received; a fresh buffer (the scan buffer is reused). Throws on a bad body. */
export function decodeBody(c: FrameCursor): Uint8Array {
  const headerLen = c.buf.readUInt16LE(c.idx + 4);
  const start = c.idx + PREFIX_BYTES + headerLen;
  const stored = c.buf.subarray(start, c.idx + c.length - TRAILER_BYTES);
  const rawLength = c.buf.readUInt32LE(h(c) + H_RAW_LENGTH);
  const codec = c.buf[h(c) + H_CODEC];
  const body =
    codec === Codec.none
      ? Buffer.from(stored)
      : codec === Codec.deflateRaw
        ? inflateRawSync(stored)
        : brotliDecompressSync(stored);
  if (body.length !== rawLength) {
    throw new Error(`body is ${body.length} bytes after decoding, header says ${rawLength}`);
  }
  return body;
}
