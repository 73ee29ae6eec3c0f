/**
 * The common front of every protobuf decoder: empty body, an HTML error page
 * served with status 200, bytes protobuf cannot parse, and well-formed
 * protobuf of the wrong shape each become the right FeedError, with the byte
 * offset where decoding stopped. Nothing throws past this function.
 */
import protobuf from "protobufjs";
import { FeedError, fail, ok, type Result } from "../errors";
import type { DecodeContext } from "./context";
import { createReader, type Reader, WireFormatError, WireShapeError } from "./wire";

/**
 * Bytes that read as a text document (an HTML error page served with status
 * 200, a JSON body) rather than protobuf. Only text-like heads count: a real
 * FeedMessage starts 0x0a (also a newline) then binary length bytes.
 */
export function sniffText(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 64);
  if (!head.every(isTextByte)) return null;
  let i = 0;
  while (i < head.length && isSpace(head[i])) i++;
  if (i === head.length) return bytes.length === head.length ? "only whitespace" : null;
  if (head[i] === 0x3c) return "an HTML/XML document"; // '<'
  if (head[i] === 0x7b || head[i] === 0x5b) return "a JSON document"; // '{' '['
  return null;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

function isTextByte(b: number): boolean {
  return isSpace(b) || (b >= 0x20 && b < 0x7f) || b >= 0x80;
}

export function decodeProtobufBody<T>(
  bytes: Uint8Array,
  ctx: DecodeContext,
  decode: (r: Reader) => T,
): Result<T> {
  const where = { feed: ctx.feed, url: ctx.url };
  if (!(bytes instanceof Uint8Array)) return fail(new FeedError("parse", "body is not bytes", where));
  if (bytes.length === 0) return fail(new FeedError("empty", "zero-length body", where));
  const text = sniffText(bytes);
  if (text) return fail(new FeedError("parse", `body is ${text}, not protobuf`, { ...where, offset: 0 }));
  let r: Reader | undefined;
  try {
    r = createReader(bytes);
    return ok(decode(r));
  } catch (e) {
    return fail(toFeedError(e, r?.pos ?? 0, ctx));
  }
}

function toFeedError(e: unknown, readerPos: number, ctx: DecodeContext): FeedError {
  const where = { feed: ctx.feed, url: ctx.url };
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof WireShapeError)
    return new FeedError("invalid", message, { ...where, offset: e.offset }, { cause: e });
  // protobufjs reports a missing required field as a ProtocolError: the bytes parsed, the shape is wrong
  if (e instanceof protobuf.util.ProtocolError)
    return new FeedError("invalid", message, { ...where, offset: readerPos }, { cause: e });
  const offset = e instanceof WireFormatError ? e.offset : readerPos;
  return new FeedError(
    "parse",
    `not a valid protobuf message: ${message}`,
    { ...where, offset },
    { cause: e },
  );
}
