/**
 * FeedPoller against a real HTTP server on 127.0.0.1 serving at the feeds'
 * real URL paths (adapters/feeds.ts). Nothing here touches the internet.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import GtfsRealtimeBindings from "gtfs-realtime-bindings";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FeedError } from "../errors";
import { type FeedId, feedUrl } from "../feeds";
import { type HealthEvent, initialHealth, updateHealth } from "../health/health";
import { gbfsTtlDelayMs } from "./gbfs-ttl";
import { type FeedPayload, FeedPoller, type FeedPollerOptions, type Scheduler } from "./poller";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const routes = new Map<string, Handler>();
const seen: Array<{ path: string; headers: http.IncomingHttpHeaders }> = [];
let server: http.Server;
let bases: { mta: string; gbfs: string };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? "", headers: req.headers });
    const handler = routes.get(req.url ?? "");
    if (handler) return handler(req, res);
    res.statusCode = 404;
    res.end("no such feed");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  bases = { mta: `${root}/Dataservice/mtagtfsfeeds/`, gbfs: `${root}/gbfs/2.3/bkn/` };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const pollers: FeedPoller[] = [];
beforeEach(() => {
  routes.clear();
  seen.length = 0;
});
afterEach(async () => {
  await Promise.all(pollers.splice(0).map((p) => p.stop()));
});

/** The path the server sees for a feed: the real one, with %2F kept encoded. */
const pathOf = (id: FeedId) => new URL(feedUrl(id, bases)).pathname;
const serve = (id: FeedId, handler: Handler) => routes.set(pathOf(id), handler);

interface Recorded {
  poller: FeedPoller;
  payloads: FeedPayload[];
  errors: FeedError[];
  events: HealthEvent[];
  logs: Array<{ level: string; obj: Record<string, unknown>; msg?: string }>;
}

function makePoller(id: FeedId, extra: Partial<FeedPollerOptions> = {}): Recorded {
  const r: Omit<Recorded, "poller"> = { payloads: [], errors: [], events: [], logs: [] };
  const log = (level: string) => (obj: object, msg?: string) =>
    r.logs.push({ level, obj: obj as Record<string, unknown>, msg });
  const poller = new FeedPoller({
    feed: id,
    url: feedUrl(id, bases),
    intervalMs: 30_000,
    timeoutMs: 2_000,
    onPayload: (p) => r.payloads.push(p),
    onError: (e) => r.errors.push(e),
    onHealthEvent: (e) => r.events.push(e),
    logger: { info: log("info"), warn: log("warn"), error: log("error") },
    ...extra,
  });
  pollers.push(poller);
  return { poller, ...r };
}

/** A real GTFS-realtime message, so the bytes on the wire are what the MTA sends. */
function gtfsRt(timestamp: number, tripId: string): Uint8Array {
  const { FeedMessage } = GtfsRealtimeBindings.transit_realtime;
  return FeedMessage.encode(
    FeedMessage.create({
      header: { gtfsRealtimeVersion: "1.0", timestamp },
      entity: [{ id: "1", tripUpdate: { trip: { tripId, routeId: "A" }, stopTimeUpdate: [] } }],
    }),
  ).finish();
}

/** Timers that fire only when the test says so; each armed timer is handed to whoever waits. */
function fakeScheduler() {
  type Timer = { fn: () => void; ms: number; cleared: boolean };
  const armed: Timer[] = [];
  const waiting: Array<(t: Timer) => void> = [];
  const scheduler: Scheduler = {
    setTimeout(fn, ms) {
      const t = { fn, ms, cleared: false };
      const w = waiting.shift();
      if (w) w(t);
      else armed.push(t);
      return t;
    },
    clearTimeout: (t) => {
      (t as Timer).cleared = true;
    },
  };
  const next = (): Promise<Timer> => {
    const t = armed.shift();
    return t ? Promise.resolve(t) : new Promise((resolve) => waiting.push(resolve));
  };
  return { scheduler, next };
}

async function waitFor(cond: () => boolean, ms = 2_000): Promise<void> {
  const until = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("FeedPoller conditional requests", () => {
  it("sends back the ETag and treats 304 as not modified", async () => {
    const v1 = gtfsRt(1_759_400_000, "A1");
    const v2 = gtfsRt(1_759_400_030, "A2");
    let current = { etag: '"v1"', body: v1 };
    serve("subway-ace", (req, res) => {
      if (req.headers["if-none-match"] === current.etag) {
        res.writeHead(304, { etag: current.etag }).end();
        return;
      }
      res
        .writeHead(200, { etag: current.etag, "content-type": "application/octet-stream" })
        .end(current.body);
    });
    const r = makePoller("subway-ace");

    expect((await r.poller.pollOnce()).kind).toBe("payload");
    expect(seen[0].path).toBe("/Dataservice/mtagtfsfeeds/nyct%2Fgtfs-ace");
    expect(seen[0].headers["if-none-match"]).toBeUndefined();
    expect(Buffer.from(r.payloads[0].body).equals(Buffer.from(v1))).toBe(true);
    expect(r.payloads[0]).toMatchObject({
      feed: "subway-ace",
      status: 200,
      url: feedUrl("subway-ace", bases),
    });

    expect((await r.poller.pollOnce()).kind).toBe("notModified");
    expect(seen[1].headers["if-none-match"]).toBe('"v1"');
    expect(r.payloads).toHaveLength(1);

    current = { etag: '"v2"', body: v2 };
    expect((await r.poller.pollOnce()).kind).toBe("payload");
    await r.poller.pollOnce();
    expect(seen[3].headers["if-none-match"]).toBe('"v2"');
    expect(r.events.map((e) => e.type)).toEqual(["success", "notModified", "success", "notModified"]);
    expect(r.poller.health).toMatchObject({ notModified: 2, polls: 4, consecutiveErrors: 0 });
  });

  it("sends back Last-Modified as If-Modified-Since", async () => {
    const lastModified = "Thu, 02 Oct 2025 14:20:00 GMT";
    serve("alerts-subway", (req, res) => {
      if (req.headers["if-modified-since"] === lastModified) return void res.writeHead(304).end();
      res.writeHead(200, { "last-modified": lastModified }).end(gtfsRt(1_759_414_800, "alert"));
    });
    const r = makePoller("alerts-subway");
    await r.poller.pollOnce();
    expect((await r.poller.pollOnce()).kind).toBe("notModified");
    expect(seen[1].path).toBe("/Dataservice/mtagtfsfeeds/camsys%2Fsubway-alerts");
    expect(seen[1].headers["if-modified-since"]).toBe(lastModified);
    expect(seen[1].headers["if-none-match"]).toBeUndefined();
  });
});

describe("FeedPoller content", () => {
  const original = randomBytes(200_000);
  const encoders: Record<string, (b: Buffer) => Buffer> = {
    gzip: (b) => zlib.gzipSync(b),
    br: (b) => zlib.brotliCompressSync(b),
    deflate: (b) => zlib.deflateSync(b),
  };

  it.each(Object.keys(encoders))("decodes a %s-encoded body to the exact original bytes", async (enc) => {
    const wire = encoders[enc](original);
    serve("subway-bdfm", (_req, res) => res.writeHead(200, { "content-encoding": enc }).end(wire));
    const r = makePoller("subway-bdfm");
    await r.poller.pollOnce();
    expect(seen[0].headers["accept-encoding"]).toBe("gzip, deflate, br");
    expect(r.payloads[0].body.byteLength).toBe(original.length);
    expect(Buffer.from(r.payloads[0].body).equals(original)).toBe(true);
  });

  it("skips an unchanged body as a duplicate and delivers the next change", async () => {
    let body = gtfsRt(100, "G1");
    serve("subway-g", (_req, res) => res.writeHead(200).end(body)); // no validators: full bodies each time
    const r = makePoller("subway-g");
    const kinds = [(await r.poller.pollOnce()).kind, (await r.poller.pollOnce()).kind];
    body = gtfsRt(130, "G1");
    kinds.push((await r.poller.pollOnce()).kind);
    expect(kinds).toEqual(["payload", "duplicate", "payload"]);
    expect(r.payloads).toHaveLength(2);
    expect(r.poller.health.duplicatesSkipped).toBe(1);
  });

  it("delivers an HTML error page served with 200: the decoder, not the poller, rejects it", async () => {
    const html = "<!DOCTYPE html><html><body><h1>Service Unavailable</h1></body></html>";
    serve("subway-jz", (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
    const r = makePoller("subway-jz");
    expect((await r.poller.pollOnce()).kind).toBe("payload");
    expect(new TextDecoder().decode(r.payloads[0].body)).toBe(html);
    expect(r.errors).toHaveLength(0);
  });

  it.each([200, 204])("reports an empty body (status %i) as 'empty'", async (status) => {
    serve("subway-si", (_req, res) => res.writeHead(status).end());
    const r = makePoller("subway-si");
    const out = await r.poller.pollOnce();
    expect(out.kind).toBe("error");
    expect(r.errors[0]).toMatchObject({ kind: "empty", feed: "subway-si", status });
    expect(r.payloads).toHaveLength(0);
  });

  it("follows a redirect", async () => {
    const body = Buffer.from('{"ttl":60,"data":{}}');
    serve("gbfs-discovery", (_req, res) =>
      res.writeHead(301, { location: "/gbfs/2.3/bkn/moved.json" }).end(),
    );
    routes.set("/gbfs/2.3/bkn/moved.json", (_req, res) => res.writeHead(200).end(body));
    const r = makePoller("gbfs-discovery");
    expect((await r.poller.pollOnce()).kind).toBe("payload");
    expect(Buffer.from(r.payloads[0].body).equals(body)).toBe(true);
  });

  it("keeps polling when a callback throws, and logs it", async () => {
    serve("subway-l", (_req, res) => res.writeHead(200).end("x"));
    const r = makePoller("subway-l", {
      onPayload: () => {
        throw new Error("consumer bug");
      },
    });
    expect((await r.poller.pollOnce()).kind).toBe("payload");
    expect(r.logs.some((l) => l.level === "error" && l.obj.callback === "onPayload")).toBe(true);
  });
});

describe("FeedPoller failures", () => {
  it("counts consecutive 500s and resets on recovery; one log line per error", async () => {
    let failuresLeft = 2;
    serve("subway-nqrw", (_req, res) => {
      if (failuresLeft-- > 0) return void res.writeHead(500).end("oops");
      res.writeHead(200).end(gtfsRt(5, "N1"));
    });
    const r = makePoller("subway-nqrw");
    const streak: number[] = [];
    let h = initialHealth("subway-nqrw");
    for (let i = 0; i < 3; i++) {
      await r.poller.pollOnce();
      h = updateHealth(h, r.events[i], i * 1_000, 60_000);
      streak.push(h.consecutiveErrors);
    }
    expect(streak).toEqual([1, 2, 0]);
    expect(r.poller.health.consecutiveErrors).toBe(0);
    expect(r.poller.health.lastErrorKind).toBe("download");
    const url = feedUrl("subway-nqrw", bases);
    expect(r.errors).toHaveLength(2);
    expect(r.errors[0]).toMatchObject({ kind: "download", status: 500, feed: "subway-nqrw", url });
    const errorLines = r.logs.filter((l) => l.level === "warn");
    expect(errorLines).toHaveLength(2);
    expect(errorLines[0].obj).toMatchObject({ feed: "subway-nqrw", url, kind: "download" });
    expect(r.logs.filter((l) => l.level === "info")).toHaveLength(1); // "recovered"
  });

  it("gives up on a server that never answers within timeoutMs", async () => {
    serve("subway-1234567s", () => {}); // accept, then silence
    const r = makePoller("subway-1234567s", { timeoutMs: 300 });
    const t0 = performance.now();
    const out = await r.poller.pollOnce();
    const elapsed = performance.now() - t0;
    expect(out.kind).toBe("error");
    expect(r.errors[0]).toMatchObject({ kind: "download", feed: "subway-1234567s" });
    expect(r.errors[0].message).toMatch(/timed out after 300 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1_000);
  });

  const MB = 1024 * 1024;
  it.each([
    ["streamed without a length", false],
    ["announced by Content-Length", true],
  ])("aborts a 10 MB body over a 1 MB cap (%s)", async (_label, announce) => {
    let serverSide: { finished: boolean; closed: boolean } | undefined;
    serve("gbfs-station-information", (_req, res) => {
      const state = { finished: false, closed: false };
      serverSide = state;
      res.on("finish", () => (state.finished = true));
      res.on("close", () => (state.closed = true));
      res.writeHead(200, announce ? { "content-length": String(10 * MB) } : {});
      const chunk = Buffer.alloc(64 * 1024, 0x7b);
      let sent = 0;
      const pump = () => {
        while (sent < 10 * MB && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        if (!res.destroyed) res.end();
      };
      pump();
    });
    const r = makePoller("gbfs-station-information", { maxBytes: MB });
    const out = await r.poller.pollOnce();
    expect(out.kind).toBe("error");
    const err = r.errors[0];
    expect(err.kind).toBe("too_large");
    if (announce) expect(err.offset).toBe(0);
    else {
      expect(err.offset).toBeGreaterThan(MB);
      expect(err.offset).toBeLessThan(2 * MB); // stopped reading right past the cap
    }
    await waitFor(() => serverSide?.closed === true);
    expect(serverSide?.finished).toBe(false); // the server never got to send it all
  });

  it("rejects a small gzip body that inflates past the cap", async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(4 * MB)); // ~4 KB on the wire
    serve("outages", (_req, res) => res.writeHead(200, { "content-encoding": "gzip" }).end(bomb));
    const r = makePoller("outages", { maxBytes: MB });
    await r.poller.pollOnce();
    expect(r.errors[0]).toMatchObject({ kind: "too_large", feed: "outages" });
  });

  it("reports a refused connection as a download error", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const url = `http://127.0.0.1:${port}/Dataservice/mtagtfsfeeds/nyct%2Fgtfs-ace`;
    const r = makePoller("subway-ace", { url });
    await r.poller.pollOnce();
    expect(r.errors[0]).toMatchObject({ kind: "download", url });
    expect(r.errors[0].message).toMatch(/ECONNREFUSED/);
  });
});

describe("FeedPoller scheduling", () => {
  it("backs off with growing, jittered delays, then falls back to the interval", async () => {
    let up = false;
    serve("subway-ace", (_req, res) =>
      up ? res.writeHead(200).end(gtfsRt(1, "A")) : res.writeHead(500).end(),
    );
    const randoms = [0.25, 0.5, 0.75, 0.999, 0.5];
    const { scheduler, next } = fakeScheduler();
    const r = makePoller("subway-ace", {
      intervalMs: 60_000,
      retries: 4,
      backoffBaseMs: 1_000,
      backoffMaxMs: 3_000,
      random: () => randoms.shift()!,
      scheduler,
    });
    r.poller.start();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = await next();
      delays.push(t.ms);
      if (i < 4) t.fn();
      else {
        up = true;
        t.fn();
      }
    }
    // by hand: ceilings 1000, 2000, min(4000,3000), min(8000,3000); 5th failure > retries -> interval
    expect(delays).toEqual([250, 1_000, 2_250, 2_997, 60_000]);
    const afterRecovery = await next();
    expect(afterRecovery.ms).toBe(60_000);
    expect(r.payloads).toHaveLength(1);
    up = false;
    afterRecovery.fn();
    expect((await next()).ms).toBe(500); // the streak starts over: 0.5 * base
    expect(r.logs.filter((l) => l.level === "error")).toHaveLength(1); // only the 5th, past the retries
  });

  it("polls GBFS by its ttl, floored at minIntervalMs", async () => {
    let ttl = 7;
    serve("gbfs-station-status", (_req, res) =>
      res
        .writeHead(200)
        .end(JSON.stringify({ last_updated: 1, ttl, version: "2.3", data: { stations: [] } })),
    );
    const { scheduler, next } = fakeScheduler();
    const r = makePoller("gbfs-station-status", {
      intervalMs: 30_000,
      minIntervalMs: 2_000,
      nextDelayMs: gbfsTtlDelayMs,
      scheduler,
    });
    r.poller.start();
    const first = await next();
    expect(first.ms).toBe(7_000);
    ttl = 0;
    first.fn();
    expect((await next()).ms).toBe(2_000);
    expect(gbfsTtlDelayMs(new TextEncoder().encode("<html>"))).toBeUndefined();
  });

  it("stop() cancels the request in flight and reports nothing for it", async () => {
    serve("subway-ace", () => {}); // never answers
    const r = makePoller("subway-ace", { timeoutMs: 5_000 });
    r.poller.start();
    await waitFor(() => seen.length === 1);
    const t0 = performance.now();
    await r.poller.stop();
    expect(performance.now() - t0).toBeLessThan(200);
    expect(r.errors).toHaveLength(0);
    expect(r.events).toHaveLength(0);
    expect(r.poller.isRunning).toBe(false);
  });

  it("stop() leaves no timers or sockets behind", async () => {
    const count = () => {
      const all = process.getActiveResourcesInfo();
      return {
        timers: all.filter((k) => k === "Timeout").length,
        sockets: all.filter((k) => k === "TCPSocketWrap").length,
      };
    };
    const before = count();
    serve("subway-l", (_req, res) => res.writeHead(200).end(gtfsRt(9, "L1")));
    const r = makePoller("subway-l", { intervalMs: 1_000, minIntervalMs: 1_000 });
    r.poller.start();
    await waitFor(() => r.payloads.length === 1);
    await r.poller.stop();
    // the next poll's timer must be gone at once, not merely expire later
    expect(count().timers).toBeLessThanOrEqual(before.timers);
    const requests = seen.length;
    const connections = () => new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)));
    let open = 1;
    await waitFor(() => {
      void connections().then((n) => (open = n));
      return open === 0;
    });
    await waitFor(() => count().sockets <= before.sockets);
    expect(count().timers).toBeLessThanOrEqual(before.timers);
    expect(seen.length).toBe(requests);
  });
});
