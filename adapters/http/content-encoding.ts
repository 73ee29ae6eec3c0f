/**
 * Undo HTTP Content-Encoding (gzip, deflate, br) with a cap on the decoded
 * size: a small compressed body can expand enormously (a "zip bomb"), so the
 * cap applies to what comes out, not only to what came over the wire.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";

export const ACCEPT_ENCODING = "gzip, deflate, br";

export type DecodeResult =
  | { ok: true; body: Buffer }
  | { ok: false; kind: "too_large" | "bad_encoding"; message: string; cause?: unknown };

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

type Decoder = (body: Buffer, maxOutputLength: number) => Promise<Buffer>;

const DECODERS: Record<string, Decoder> = {
  gzip: (b, max) => gunzip(b, { maxOutputLength: max }),
  "x-gzip": (b, max) => gunzip(b, { maxOutputLength: max }),
  // "deflate" should mean zlib-wrapped, but some servers send raw deflate.
  // A zlib header's low nibble is 8 (CM = deflate); a raw stream's rarely is.
  deflate: (b, max) =>
    b.length > 0 && (b[0] & 0x0f) === 0x08
      ? inflate(b, { maxOutputLength: max })
      : inflateRaw(b, { maxOutputLength: max }),
  br: (b, max) => brotli(b, { maxOutputLength: max }),
};

/** `header` is the raw Content-Encoding value; codings are undone last-applied first. */
export async function decodeContent(
  body: Buffer,
  header: string | undefined,
  maxBytes: number,
): Promise<DecodeResult> {
  const codings = (header ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "" && c !== "identity")
    .reverse();
  let out = body;
  for (const coding of codings) {
    const decode = DECODERS[coding];
    if (!decode)
      return { ok: false, kind: "bad_encoding", message: `unsupported content-encoding ${coding}` };
    try {
      out = await decode(out, maxBytes);
    } catch (cause) {
      if ((cause as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        return { ok: false, kind: "too_large", message: `${coding} body decodes to over ${maxBytes} bytes` };
      }
      return { ok: false, kind: "bad_encoding", message: `corrupt ${coding} body: ${String(cause)}`, cause };
    }
  }
  return { ok: true, body: out };
}
