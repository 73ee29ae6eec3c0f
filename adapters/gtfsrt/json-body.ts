/**
 * The common front of every JSON decoder: empty body, an HTML error page
 * served with status 200, and text JSON.parse rejects each become a
 * FeedError, with the character offset where parsing failed when known.
 */
import { FeedError, fail, ok, type Result } from "../errors";
import type { DecodeContext } from "./context";

const utf8 = new TextDecoder("utf-8");

export function decodeJsonBody(body: string | Uint8Array, ctx: DecodeContext): Result<unknown> {
  const where = { feed: ctx.feed, url: ctx.url };
  if (typeof body !== "string" && !(body instanceof Uint8Array))
    return fail(new FeedError("parse", "body is neither text nor bytes", where));
  if (body.length === 0) return fail(new FeedError("empty", "zero-length body", where));
  const text = typeof body === "string" ? body.replace(/^\uFEFF/, "") : utf8.decode(body);
  const first = text.search(/\S/);
  if (first === -1) return fail(new FeedError("parse", "body is only whitespace", { ...where, offset: 0 }));
  if (text[first] === "<")
    return fail(
      new FeedError("parse", "body is an HTML/XML document, not JSON", { ...where, offset: first }),
    );
  try {
    return ok(JSON.parse(text));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : undefined;
    return fail(new FeedError("parse", `not valid JSON: ${message}`, { ...where, offset }, { cause: e }));
  }
}
