/**
 * Typed feed errors. Nothing throws out of an adapter: decoders and pollers
 * return a Result, and the error carries the context a person needs to act
 * on it (which feed, which URL, which byte offset).
 */
export type FeedErrorKind =
  | "download" // network failure, timeout, HTTP status other than 2xx/304
  | "empty" // zero-length body
  | "too_large" // body over the size cap
  | "parse" // bytes are not the expected format (bad protobuf, HTML page, bad JSON)
  | "invalid" // parsed, but the content fails validation
  | "stale"; // parsed and valid, but the feed's own timestamp is too old

export interface FeedErrorContext {
  feed: string;
  url?: string;
  offset?: number;
  status?: number;
}

export class FeedError extends Error {
  readonly kind: FeedErrorKind;
  readonly feed: string;
  readonly url?: string;
  readonly offset?: number;
  readonly status?: number;

  constructor(kind: FeedErrorKind, message: string, ctx: FeedErrorContext, options?: { cause?: unknown }) {
    const where = [
      `feed ${ctx.feed}`,
      ctx.url ? `url ${ctx.url}` : "",
      ctx.status !== undefined ? `status ${ctx.status}` : "",
      ctx.offset !== undefined ? `byte ${ctx.offset}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    super(`${kind}: ${message} (${where})`, options);
    this.name = "FeedError";
    this.kind = kind;
    this.feed = ctx.feed;
    this.url = ctx.url;
    this.offset = ctx.offset;
    this.status = ctx.status;
  }

  /** Errors travel as data (health records, run hashes, socket.io): keep the message. */
  toJSON(): Record<string, unknown> {
    return {
      kind: this.kind,
      message: this.message,
      feed: this.feed,
      ...(this.url !== undefined ? { url: this.url } : {}),
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.offset !== undefined ? { offset: this.offset } : {}),
    };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: FeedError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: FeedError): Result<T> => ({ ok: false, error });
