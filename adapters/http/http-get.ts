/**
 * One HTTP GET that never throws: a deadline over the whole exchange, a size
 * cap that aborts the download as soon as it is passed, Content-Encoding
 * undone, a few redirects followed, cancellation by AbortSignal.
 *
 * Why node:http/https and not global fetch (undici): the cap must count the
 * raw bytes as they arrive and drop the socket the moment they pass it, and
 * the decoded size must be capped separately (zip bombs). fetch decodes
 * transparently, hiding the wire size, and its shared dispatcher keeps pooled
 * sockets alive after we are done, which would leave open handles at stop().
 * With node:http each poller owns its Agent and can destroy it.
 */
import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import { FeedError, fail, ok, type Result } from "../errors";
import { ACCEPT_ENCODING, decodeContent } from "./content-encoding";

export interface HttpAgents {
  http: http.Agent;
  https: https.Agent;
}

export interface HttpGetOptions {
  feed: string;
  url: string;
  headers?: Record<string, string>;
  /** Deadline for the whole exchange (connect, headers, body, redirects). */
  timeoutMs: number;
  /** Cap on both the bytes on the wire and the decoded body. */
  maxBytes: number;
  agents?: HttpAgents;
  signal?: AbortSignal;
  maxRedirects?: number;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Decoded body; empty for 304. */
  body: Buffer;
  /** Where the body finally came from (differs from the request after a redirect). */
  finalUrl: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function httpGet(o: HttpGetOptions): Promise<Result<HttpResponse>> {
  const deadline = performance.now() + o.timeoutMs;
  const maxRedirects = o.maxRedirects ?? 3;
  let target: URL;
  try {
    target = new URL(o.url);
  } catch (cause) {
    return fail(new FeedError("download", "malformed url", { feed: o.feed, url: o.url }, { cause }));
  }
  for (let hop = 0; ; hop++) {
    const r = await requestOnce(o, target, deadline);
    if (!r.ok) return r;
    const { status, headers } = r.value;
    if (!REDIRECTS.has(status)) return r;
    const location = headers.location;
    if (!location || hop >= maxRedirects) {
      const why = location ? `more than ${maxRedirects} redirects` : "redirect without Location";
      return fail(new FeedError("download", why, { feed: o.feed, url: o.url, status }));
    }
    target = new URL(location, target);
  }
}

function requestOnce(o: HttpGetOptions, target: URL, deadline: number): Promise<Result<HttpResponse>> {
  return new Promise((resolve) => {
    const ctx = { feed: o.feed, url: o.url };
    const via = target.href === o.url ? "" : ` (via ${target.href})`;
    let settled = false;
    let req: http.ClientRequest | undefined;
    const finish = (r: Result<HttpResponse>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener("abort", onAbort);
      resolve(r);
    };
    // Settle first, then tear down: the errors the teardown raises are ignored.
    const failWith = (e: FeedError) => {
      finish(fail(e));
      req?.destroy();
    };
    const onAbort = () => failWith(new FeedError("download", "cancelled", ctx));

    const remaining = Math.max(0, deadline - performance.now());
    const timer = setTimeout(
      () => failWith(new FeedError("download", `timed out after ${o.timeoutMs} ms${via}`, ctx)),
      remaining,
    );
    if (o.signal?.aborted) return onAbort();
    o.signal?.addEventListener("abort", onAbort);

    const isHttps = target.protocol === "https:";
    if (!isHttps && target.protocol !== "http:") {
      return failWith(new FeedError("download", `unsupported protocol ${target.protocol}`, ctx));
    }
    const get = isHttps ? https.get : http.get;
    const headers = { "accept-encoding": ACCEPT_ENCODING, ...o.headers };
    const agent = isHttps ? o.agents?.https : o.agents?.http;
    req = get(target, { headers, ...(agent ? { agent } : {}) }, (res) => {
      const status = res.statusCode ?? 0;
      const withStatus = { ...ctx, status };
      if (status === 304 || REDIRECTS.has(status)) {
        res.resume(); // no body worth reading; draining keeps the socket reusable
        return finish(ok({ status, headers: res.headers, body: Buffer.alloc(0), finalUrl: target.href }));
      }
      if (status < 200 || status > 299) {
        return failWith(new FeedError("download", `HTTP ${status}${via}`, withStatus));
      }
      const declared = Number(res.headers["content-length"]);
      if (declared > o.maxBytes) {
        return failWith(
          new FeedError("too_large", `Content-Length ${declared} over the ${o.maxBytes}-byte cap${via}`, {
            ...withStatus,
            offset: 0,
          }),
        );
      }
      const chunks: Buffer[] = [];
      let received = 0;
      res.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > o.maxBytes) {
          failWith(
            new FeedError("too_large", `body over the ${o.maxBytes}-byte cap, download aborted${via}`, {
              ...withStatus,
              offset: received,
            }),
          );
          return;
        }
        chunks.push(chunk);
      });
      res.on("error", (cause) =>
        failWith(
          new FeedError(
            "download",
            `connection lost mid-body${via}`,
            { ...withStatus, offset: received },
            { cause },
          ),
        ),
      );
      // A peer that drops the connection mid-body does not always raise "error".
      res.on("close", () => {
        if (!res.complete) {
          failWith(
            new FeedError("download", `response cut short${via}`, { ...withStatus, offset: received }),
          );
        }
      });
      res.on("end", () => {
        if (settled) return;
        const raw = Buffer.concat(chunks, received);
        void decodeContent(raw, res.headers["content-encoding"], o.maxBytes).then((d) => {
          if (d.ok) return finish(ok({ status, headers: res.headers, body: d.body, finalUrl: target.href }));
          const kind = d.kind === "too_large" ? "too_large" : "download";
          finish(fail(new FeedError(kind, d.message + via, withStatus, { cause: d.cause })));
        });
      });
    });
    req.on("error", (cause) => failWith(new FeedError("download", `${cause.message}${via}`, ctx, { cause })));
  });
}
