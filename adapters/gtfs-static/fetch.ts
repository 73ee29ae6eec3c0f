/**
 * The static GTFS for live mode: downloaded into a cache directory, reused
 * while younger than maxAgeMs, revalidated with a conditional request
 * (ETag / Last-Modified) when older, and kept as it is when a download fails
 * or the new copy does not pass the caller's check (the schedule from
 * yesterday beats none, and a corrupt zip must never replace a good one).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { FeedError, fail, ok, type Result } from "../errors";
import { FEED } from "./table";

export interface FetchStaticOptions {
  /** Reuse the cached copy without asking the server while it is younger than this. Default 24 h. */
  maxAgeMs?: number;
  timeoutMs?: number;
  /** Refuse bodies larger than this. Default 300 MB. */
  maxBytes?: number;
  /** Clock, for tests. */
  now?: () => number;
  /**
   * Vets a new download (e.g. by loading it) before it replaces the cached
   * copy; an error keeps the old copy, exactly as a failed download does.
   */
  check?: (path: string) => Promise<FeedError | undefined>;
}

export interface FetchedStatic {
  /** The zip on disk. */
  path: string;
  /** When the cached copy was last confirmed current (downloaded or 304). */
  fetchedAt: number;
  /** cache: fresh, no request; downloaded: new copy; not-modified: 304; stale: request failed, old copy kept. */
  source: "cache" | "downloaded" | "not-modified" | "stale";
  /** Why a stale copy is returned. */
  error?: FeedError;
}

const metaSchema = z.object({
  url: z.string(),
  fetchedAt: z.number(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
});
type Meta = z.infer<typeof metaSchema>;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function readMeta(path: string, url: string): Meta | undefined {
  try {
    const meta = metaSchema.parse(JSON.parse(readFileSync(path, "utf8")));
    return meta.url === url ? meta : undefined;
  } catch {
    return undefined; // absent or unreadable: behave as if nothing were cached
  }
}

function writeAtomic(path: string, bytes: Uint8Array | string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

async function download(
  url: string,
  meta: Meta | undefined,
  opts: Required<Omit<FetchStaticOptions, "now" | "check">>,
) {
  const headers: Record<string, string> = {};
  if (meta?.etag) headers["if-none-match"] = meta.etag;
  if (meta?.lastModified) headers["if-modified-since"] = meta.lastModified;
  let res: Response;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(opts.timeoutMs) });
  } catch (e) {
    throw new FeedError(
      "download",
      `request failed: ${(e as Error).message}`,
      { feed: FEED, url },
      { cause: e },
    );
  }
  if (res.status === 304 && meta) return { notModified: true as const };
  if (!res.ok) {
    await res.body?.cancel();
    throw new FeedError("download", `HTTP ${res.status}`, { feed: FEED, url, status: res.status });
  }
  const declared = Number(res.headers.get("content-length") ?? 0);
  if (declared > opts.maxBytes) {
    await res.body?.cancel();
    throw new FeedError("too_large", `${declared} bytes, cap ${opts.maxBytes}`, {
      feed: FEED,
      url,
      status: res.status,
    });
  }
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > opts.maxBytes)
    throw new FeedError("too_large", `${body.length} bytes`, { feed: FEED, url });
  if (body.length === 0) throw new FeedError("empty", "empty body", { feed: FEED, url, status: res.status });
  if (!body.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new FeedError("parse", "body is not a zip file", {
      feed: FEED,
      url,
      status: res.status,
      offset: 0,
    });
  }
  return {
    notModified: false as const,
    body,
    etag: res.headers.get("etag") ?? undefined,
    lastModified: res.headers.get("last-modified") ?? undefined,
  };
}

/** Writes the new copy beside the cached one, lets `check` vet it, then moves it into place. */
async function replaceChecked(
  path: string,
  body: Buffer,
  url: string,
  check: FetchStaticOptions["check"],
): Promise<void> {
  if (!check) return writeAtomic(path, body);
  const candidate = `${path}.new`;
  writeFileSync(candidate, body);
  let problem: FeedError | undefined;
  try {
    problem = await check(candidate);
  } catch (e) {
    problem = new FeedError("parse", String(e), { feed: FEED, url }, { cause: e });
  }
  if (problem) {
    rmSync(candidate, { force: true });
    // The check saw a temporary file: name the URL the bytes came from.
    throw new FeedError(
      problem.kind,
      `downloaded copy rejected: ${problem.message}`,
      { feed: FEED, url, status: 200 },
      { cause: problem },
    );
  }
  renameSync(candidate, path);
}

export async function fetchStaticGtfs(
  url: string,
  cacheDir: string,
  options: FetchStaticOptions = {},
): Promise<Result<FetchedStatic>> {
  const opts = { maxAgeMs: 24 * 3_600_000, timeoutMs: 120_000, maxBytes: 300_000_000, ...options };
  const now = options.now ?? Date.now;
  mkdirSync(cacheDir, { recursive: true });
  const key = createHash("sha1").update(url).digest("hex").slice(0, 12);
  const path = join(cacheDir, `static-gtfs-${key}.zip`);
  const metaPath = join(cacheDir, `static-gtfs-${key}.json`);
  const meta = existsSync(path) ? readMeta(metaPath, url) : undefined;

  if (meta && now() - meta.fetchedAt < opts.maxAgeMs) {
    return ok({ path, fetchedAt: meta.fetchedAt, source: "cache" });
  }
  try {
    const got = await download(url, meta, opts);
    const fetchedAt = now();
    if (got.notModified) {
      writeAtomic(metaPath, JSON.stringify({ ...meta, fetchedAt }));
      return ok({ path, fetchedAt, source: "not-modified" });
    }
    await replaceChecked(path, got.body, url, options.check);
    writeAtomic(metaPath, JSON.stringify({ url, fetchedAt, etag: got.etag, lastModified: got.lastModified }));
    return ok({ path, fetchedAt, source: "downloaded" });
  } catch (e) {
    const error =
      e instanceof FeedError ? e : new FeedError("download", String(e), { feed: FEED, url }, { cause: e });
    return meta ? ok({ path, fetchedAt: meta.fetchedAt, source: "stale", error }) : fail(error);
  }
}
