/**
 * Recognises what a raw payload file is from its bytes alone (file names in a
 * folder of samples are arbitrary): JSON by shape, protobuf as GTFS-realtime,
 * a zip holding stops.txt as a static GTFS.
 */

import type { Recognition } from "./recognition";
import { recognizeGtfsRt } from "./recognize-gtfs-rt";
import { recognizeJson } from "./recognize-json";

export type { Recognition } from "./recognition";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function firstNonSpace(bytes: Uint8Array): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // UTF-8 BOM
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return i < bytes.length ? bytes[i] : -1;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

export function recognizePayload(bytes: Uint8Array): Recognition {
  if (bytes.length === 0) return { kind: "unknown", reason: "empty file" };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buf.subarray(0, 4).equals(ZIP_MAGIC)) {
    // Entry names are stored uncompressed in the zip, so a byte search finds them.
    return buf.includes("stops.txt")
      ? { kind: "static", evidence: "zip with stops.txt (static GTFS)" }
      : { kind: "unknown", reason: "zip without stops.txt" };
  }
  // A protobuf can look like JSON at first (0x0a is both a newline and the
  // FeedMessage.header tag, and the length byte after it can be "{"), so a
  // payload is JSON only if it parses as such.
  const first = firstNonSpace(bytes);
  if (first === 0x7b || first === 0x5b) {
    const json = parseJson(buf.toString("utf8"));
    if (json.ok) return recognizeJson(json.value);
    const rt = recognizeGtfsRt(bytes);
    return rt.kind === "unknown" ? { kind: "unknown", reason: `invalid JSON: ${json.error}` } : rt;
  }
  return recognizeGtfsRt(bytes);
}
