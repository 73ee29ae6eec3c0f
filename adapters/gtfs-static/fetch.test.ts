import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FeedError } from "../errors";
import { fetchStaticGtfs } from "./fetch";
import { loadStaticGtfs } from "./load";
import { TINY_GTFS } from "./testing/tiny-gtfs";
import { makeZip } from "./testing/zip-writer";

const V1 = makeZip(Object.entries(TINY_GTFS).map(([name, data]) => ({ name, data })));
const V2 = makeZip(
  Object.entries({
    ...TINY_GTFS,
    "agency.txt": TINY_GTFS["agency.txt"].replace("America/New_York", "UTC"),
  }).map(([name, data]) => ({ name, data })),
);

/** A real HTTP server on 127.0.0.1 serving a zip with an ETag, switchable to failures. */
let server: Server;
let base = "";
let mode: "ok" | "500" | "html" = "ok";
/** Starts like a zip (passes the magic-number test) but is not one. */
const CORRUPT = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 0xab)]);
let current = { body: V1, etag: '"v1"' };
const requests: { ifNoneMatch?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ ifNoneMatch: req.headers["if-none-match"] });
    if (mode === "500") return void res.writeHead(500).end("boom");
    if (mode === "html")
      return void res.writeHead(200, { "content-type": "text/html" }).end("<html>maintenance</html>");
    if (req.headers["if-none-match"] === current.etag) return void res.writeHead(304).end();
    res.writeHead(200, { etag: current.etag, "content-type": "application/zip" }).end(current.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let cache = "";
beforeEach(() => {
  mode = "ok";
  current = { body: V1, etag: '"v1"' };
  requests.length = 0;
  cache = mkdtempSync(join(tmpdir(), "gtfs-cache-"));
  return () => rmSync(cache, { recursive: true, force: true });
});

const HOUR = 3_600_000;

describe("fetchStaticGtfs", () => {
  it("downloads, then serves from cache while fresh without a request", async () => {
    let now = 1_000_000;
    const url = `${base}/gtfs_subway.zip`;
    const first = await fetchStaticGtfs(url, cache, { now: () => now });
    expect(first).toMatchObject({ ok: true, value: { source: "downloaded", fetchedAt: now } });
    const path = first.ok ? first.value.path : "";
    expect(readFileSync(path).equals(V1)).toBe(true);
    const loaded = await loadStaticGtfs(path);
    expect(loaded.ok && loaded.value.timezone).toBe("America/New_York");

    now += 23 * HOUR;
    const second = await fetchStaticGtfs(url, cache, { now: () => now });
    expect(second).toMatchObject({ ok: true, value: { source: "cache", path } });
    expect(requests).toHaveLength(1);
  });

  it("revalidates when stale: 304 keeps the file, a new version replaces it", async () => {
    let now = 0;
    const url = `${base}/gtfs_subway.zip`;
    await fetchStaticGtfs(url, cache, { now: () => now });
    now += 25 * HOUR;
    const revalidated = await fetchStaticGtfs(url, cache, { now: () => now });
    expect(revalidated).toMatchObject({ ok: true, value: { source: "not-modified", fetchedAt: now } });
    expect(requests.map((r) => r.ifNoneMatch)).toEqual([undefined, '"v1"']);

    current = { body: V2, etag: '"v2"' };
    now += 2 * HOUR;
    const refreshed = await fetchStaticGtfs(url, cache, { now: () => now, maxAgeMs: HOUR });
    expect(refreshed).toMatchObject({ ok: true, value: { source: "downloaded" } });
    expect(readFileSync(refreshed.ok ? refreshed.value.path : "").equals(V2)).toBe(true);
  });

  it("keeps the old copy when the server fails or sends something that is not a zip", async () => {
    let now = 0;
    const url = `${base}/gtfs_subway.zip`;
    await fetchStaticGtfs(url, cache, { now: () => now });
    for (const m of ["500", "html"] as const) {
      mode = m;
      now += 25 * HOUR;
      const r = await fetchStaticGtfs(url, cache, { now: () => now });
      expect(r.ok, m).toBe(true);
      if (!r.ok) continue;
      expect(r.value.source).toBe("stale");
      expect(r.value.fetchedAt).toBe(0);
      expect(r.value.error).toMatchObject({ kind: m === "500" ? "download" : "parse", url });
      expect(readFileSync(r.value.path).equals(V1)).toBe(true);
    }
  });

  it("fails with the URL in the error when nothing is cached and the download fails", async () => {
    mode = "500";
    const url = `${base}/nothing.zip`;
    const r = await fetchStaticGtfs(url, cache);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ kind: "download", status: 500, url });
    // A closed port: a network error rather than an HTTP status.
    const closed = await fetchStaticGtfs("http://127.0.0.1:1/x.zip", cache, { timeoutMs: 2000 });
    expect(!closed.ok && closed.error.kind).toBe("download");
  });

  it("keeps one cache entry per URL", async () => {
    const a = await fetchStaticGtfs(`${base}/a.zip`, cache);
    const b = await fetchStaticGtfs(`${base}/b.zip`, cache);
    expect(a.ok && b.ok && a.value.path !== b.value.path).toBe(true);
    expect(requests).toHaveLength(2);
  });

  describe("with a check (live refresh: the new copy must load)", () => {
    /** The check live mode uses: load the candidate, report the loader's error. */
    const loads = async (path: string) => {
      const r = await loadStaticGtfs(path);
      return r.ok ? undefined : r.error;
    };

    it("a corrupt zip never replaces the cached copy; the error names the URL", async () => {
      let now = 0;
      const url = `${base}/gtfs_subway.zip`;
      await fetchStaticGtfs(url, cache, { now: () => now, check: loads });
      current = { body: CORRUPT, etag: '"broken"' };
      now += HOUR;
      const r = await fetchStaticGtfs(url, cache, { now: () => now, maxAgeMs: 0, check: loads });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.source).toBe("stale");
      expect(r.value.error).toMatchObject({ kind: "parse", url, status: 200 });
      expect(r.value.error?.message).toMatch(/rejected/);
      expect(readFileSync(r.value.path).equals(V1)).toBe(true);
      // The candidate is cleaned up: the zip and its metadata only.
      expect(readdirSync(cache).sort()).toHaveLength(2);
      // The metadata still describes V1: the next request revalidates V1's ETag, not the broken one.
      current = { body: V1, etag: '"v1"' };
      requests.length = 0;
      const again = await fetchStaticGtfs(url, cache, { now: () => now, maxAgeMs: 0, check: loads });
      expect(again).toMatchObject({ ok: true, value: { source: "not-modified" } });
      expect(requests.map((q) => q.ifNoneMatch)).toEqual(['"v1"']);
    });

    it("a copy that passes replaces the cache; the check saw the new bytes", async () => {
      let now = 0;
      const url = `${base}/gtfs_subway.zip`;
      await fetchStaticGtfs(url, cache, { now: () => now });
      current = { body: V2, etag: '"v2"' };
      now += HOUR;
      const seen: string[] = [];
      const r = await fetchStaticGtfs(url, cache, {
        now: () => now,
        maxAgeMs: 0,
        check: async (p) => {
          const g = await loadStaticGtfs(p);
          seen.push(g.ok ? (g.value.timezone ?? "?") : "failed");
          return undefined;
        },
      });
      expect(r).toMatchObject({ ok: true, value: { source: "downloaded" } });
      expect(seen).toEqual(["UTC"]); // V2's agency time zone
      expect(readFileSync(r.ok ? r.value.path : "").equals(V2)).toBe(true);
    });

    it("with nothing cached, a rejected copy is a failure and leaves no file", async () => {
      current = { body: CORRUPT, etag: '"broken"' };
      const url = `${base}/first.zip`;
      const thrown = await fetchStaticGtfs(url, cache, {
        check: async () => {
          throw new Error("checker crashed");
        },
      });
      expect(!thrown.ok && thrown.error).toMatchObject({ kind: "parse", url });
      const r = await fetchStaticGtfs(url, cache, { check: loads });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toBeInstanceOf(FeedError);
      expect(readdirSync(cache)).toEqual([]);
    });
  });
});
