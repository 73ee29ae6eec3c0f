/**
 * The daily static GTFS refresh: when it fires (DST included, instants worked
 * out by hand), how it backs off, and a live server against a real HTTP
 * server on 127.0.0.1 serving a GTFS zip that changes, fails and breaks.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedError } from "../adapters/errors";
import { makeZip } from "../adapters/gtfs-static/testing/zip-writer";
import type { TransitNetwork } from "../transit/network";
import { readEnv } from "./config";
import type { StaticCandidate, StaticSnapshot } from "./live-static";
import type { LiveRunner } from "./runner";
import { type RunningServer, startServer } from "./start";
import {
  type LocalTime,
  nextRefreshAt,
  parseRefreshAt,
  retryDelayMs,
  StaticRefresher,
  type StaticSource,
} from "./static-refresh";
import {
  type FeedMirror,
  type RecordingClient,
  recentSlice,
  recordingClient,
  startFeedMirror,
} from "./testing";

const NY = "America/New_York";
const at = (hour: number, minute: number, timeZone = NY): LocalTime => ({ hour, minute, timeZone });
const utc = (iso: string) => Date.parse(iso);
const H = 3_600_000;

describe("nextRefreshAt", () => {
  // 2025: New York springs forward on Sun 9 Mar (02:00 EST -> 03:00 EDT, 07:00Z) and falls back on
  // Sun 2 Nov (02:00 EDT -> 01:00 EST, 06:00Z). 03:30 EST = 08:30Z, 03:30 EDT = 07:30Z.
  it("steps over the spring-forward night: 23 hours between two 03:30s", () => {
    const sat = utc("2025-03-08T08:30:00Z"); // Sat 03:30 EST
    expect(nextRefreshAt(sat - 1, at(3, 30))).toBe(sat);
    const sun = nextRefreshAt(sat, at(3, 30));
    expect(new Date(sun).toISOString()).toBe("2025-03-09T07:30:00.000Z");
    expect(sun - sat).toBe(23 * H);
    // Just before and just after the jump, the same Sunday 03:30 EDT.
    expect(nextRefreshAt(utc("2025-03-09T06:59:00Z"), at(3, 30))).toBe(sun);
    expect(nextRefreshAt(utc("2025-03-09T07:00:00Z"), at(3, 30))).toBe(sun);
  });

  it("steps over the fall-back night: 25 hours between two 03:30s", () => {
    const sat = utc("2025-11-01T07:30:00Z"); // Sat 03:30 EDT
    const sun = nextRefreshAt(sat, at(3, 30));
    expect(new Date(sun).toISOString()).toBe("2025-11-02T08:30:00.000Z"); // Sun 03:30 EST
    expect(sun - sat).toBe(25 * H);
  });

  it("maps a skipped time past the jump and a repeated time to its first occurrence, once", () => {
    // 02:30 does not exist on 9 Mar: the same hour past the jump, 03:30 EDT.
    expect(new Date(nextRefreshAt(utc("2025-03-09T05:00:00Z"), at(2, 30))).toISOString()).toBe(
      "2025-03-09T07:30:00.000Z",
    );
    // 01:30 happens twice on 2 Nov (05:30Z in EDT, 06:30Z in EST): the first.
    const first = nextRefreshAt(utc("2025-11-02T04:00:00Z"), at(1, 30));
    expect(new Date(first).toISOString()).toBe("2025-11-02T05:30:00.000Z");
    // And not again an hour later: the next is Monday's 01:30 EST.
    expect(new Date(nextRefreshAt(first, at(1, 30))).toISOString()).toBe("2025-11-03T06:30:00.000Z");
  });

  it("works in another zone and across a year end", () => {
    // London springs forward on Sun 30 Mar 2025 at 01:00Z: 03:30 GMT = 03:30Z, 03:30 BST = 02:30Z.
    const london = at(3, 30, "Europe/London");
    expect(new Date(nextRefreshAt(utc("2025-03-29T03:30:00Z"), london)).toISOString()).toBe(
      "2025-03-30T02:30:00.000Z",
    );
    // 04:00 EST on 31 Dec: the next 03:30 is on 1 Jan.
    expect(new Date(nextRefreshAt(utc("2025-12-31T09:00:00Z"), at(3, 30))).toISOString()).toBe(
      "2026-01-01T08:30:00.000Z",
    );
  });

  it("reads STATIC_GTFS_REFRESH_AT", () => {
    expect(parseRefreshAt("03:30")).toEqual(at(3, 30));
    expect(parseRefreshAt(" 4:05 Europe/London ")).toEqual(at(4, 5, "Europe/London"));
    for (const bad of ["24:00", "3:5", "03:30 Mars/Olympus", "noon"])
      expect(() => parseRefreshAt(bad), bad).toThrow(/STATIC_GTFS_REFRESH_AT/);
  });

  it("backs off by doubling up to the cap", () => {
    const p = { baseMs: 60_000, maxMs: H };
    expect([1, 2, 3, 6, 7, 20].map((n) => retryDelayMs(n, p))).toEqual([
      60_000,
      120_000,
      240_000,
      1_920_000,
      H,
      H,
    ]);
  });
});

describe("StaticRefresher scheduling", () => {
  const snap = (version: string, serviceDate: string): StaticSnapshot => ({
    network: { serviceDate } as unknown as TransitNetwork,
    files: [],
    version,
    serviceDate,
    path: "/nowhere",
  });
  const silent = pino({ level: "silent" });
  const failure = (): StaticCandidate => ({
    next: null,
    dataChanged: false,
    error: new FeedError("download", "HTTP 500", {
      feed: "gtfs-static",
      url: "http://127.0.0.1/gtfs.zip",
      status: 500,
    }),
  });

  /** A refresher over a scripted source, with a hand-moved clock and captured timers. */
  function harness(results: StaticCandidate[], start: string, retry = { baseMs: 60_000, maxMs: H }) {
    let now = utc(start);
    const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
    let current = snap("v1", "20250308");
    let refreshes = 0;
    const applied: StaticSnapshot[] = [];
    const source: StaticSource = {
      get current() {
        return current;
      },
      origin: "http://127.0.0.1/gtfs.zip",
      refresh: async () => {
        refreshes++;
        return results.shift() ?? { next: null, dataChanged: false };
      },
      commit: (s) => {
        current = s;
      },
    };
    const refresher = new StaticRefresher({
      source,
      at: at(3, 30),
      log: silent,
      retry,
      now: () => now,
      setTimer: (fn, ms) => timers.push({ fn, ms, cleared: false }) - 1,
      clearTimer: (i) => {
        timers[i as number].cleared = true;
      },
    });
    const armed = () => timers.filter((t) => !t.cleared);
    return {
      refresher,
      armed,
      applied,
      refreshes: () => refreshes,
      current: () => current,
      start: (ok = true) =>
        refresher.start(async (s) => {
          applied.push(s);
          return ok;
        }),
      /** Fires the armed timer after moving the clock by its delay (plus lateMs, or minus: early). */
      fire: async (lateMs = 0) => {
        const [t] = armed();
        t.cleared = true;
        now += t.ms + lateMs;
        t.fn();
        await new Promise((r) => setTimeout(r, 0));
      },
    };
  }

  it("fires at 03:30, retries a failure after 1, then 2 minutes, then goes back to the daily slot", async () => {
    const next = snap("v2", "20250309");
    const h = harness([failure(), failure(), { next, dataChanged: true }], "2025-03-08T12:00:00Z");
    h.start();
    // Sat 07:00 EST -> Sun 03:30 EDT (07:30Z): 19.5 hours, not 20.5 (the clocks jump in between).
    expect(h.armed().map((t) => t.ms)).toEqual([19.5 * H]);
    await h.fire();
    expect(h.armed().map((t) => t.ms)).toEqual([60_000]);
    await h.fire();
    expect(h.armed().map((t) => t.ms)).toEqual([120_000]);
    expect(h.applied).toEqual([]);
    await h.fire();
    expect(h.applied).toEqual([next]);
    expect(h.current()).toBe(next);
    // Succeeded at 07:33Z: Monday 03:30 EDT is 24 h - 3 min away.
    expect(h.armed().map((t) => t.ms)).toEqual([24 * H - 3 * 60_000]);
    expect(h.refresher.nextAttemptAt).toBe(utc("2025-03-10T07:30:00Z"));
    expect(h.refreshes()).toBe(3);
  });

  it("never retries later than the next daily slot", async () => {
    const h = harness([failure()], "2025-03-09T07:30:00Z", { baseMs: 30 * H, maxMs: 48 * H });
    h.start();
    await h.refresher.refreshNow();
    // 30 h of backoff would skip Monday 03:30 EDT, 24 h later.
    expect(h.armed().map((t) => t.ms)).toEqual([24 * H]);
  });

  it("a timer that fires early waits out the rest instead of refreshing", async () => {
    const h = harness([], "2025-03-09T07:29:00Z"); // a minute before the slot
    h.start();
    expect(h.armed().map((t) => t.ms)).toEqual([60_000]);
    await h.fire(-30_000); // 30 s early
    expect(h.refreshes()).toBe(0);
    expect(h.armed().map((t) => t.ms)).toEqual([30_000]);
    await h.fire();
    expect(h.refreshes()).toBe(1);
  });

  it("does nothing once stopped, and keeps the old data when the runner cannot switch", async () => {
    const next = snap("v2", "20250309");
    const h = harness([{ next, dataChanged: true }], "2025-03-08T12:00:00Z");
    h.start(false); // e.g. the runner stopped meanwhile
    const out = await h.refresher.refreshNow();
    expect(out.switched).toBe(false);
    expect(h.applied).toEqual([next]);
    expect(h.current().version).toBe("v1");
    h.refresher.stop();
    expect(h.armed()).toEqual([]);
  });
});

// ---- a live server whose static GTFS changes under it ----------------------------------------

type Files = Record<string, string>;

function readGtfsFolder(dir: string): Files {
  const out: Files = {};
  for (const f of readdirSync(dir)) out[f] = readFileSync(join(dir, f), "utf8");
  return out;
}

/** Every 12th trip only: the same routes and stations, a network built in a fraction of the time. */
function thinned(files: Files): Files {
  const [tripsHead, ...trips] = files["trips.txt"].trimEnd().split("\n");
  const tripCol = tripsHead.split(",").indexOf("trip_id");
  const kept = trips.filter((_, i) => i % 12 === 0);
  const keptIds = new Set(kept.map((r) => r.split(",")[tripCol]));
  const [stHead, ...stopTimes] = files["stop_times.txt"].trimEnd().split("\n");
  const stTripCol = stHead.split(",").indexOf("trip_id");
  return {
    ...files,
    "trips.txt": [tripsHead, ...kept].join("\n"),
    "stop_times.txt": [stHead, ...stopTimes.filter((r) => keptIds.has(r.split(",")[stTripCol]))].join("\n"),
  };
}

/** The same data plus route ZZ and a parent station ZZ1, written row by row in each file's own columns. */
function withNewRouteAndStation(files: Files): Files {
  const addRow = (text: string, values: Record<string, string>) => {
    const header = text.split("\n")[0].split(",");
    return `${text.trimEnd()}\n${header.map((c) => values[c] ?? "").join(",")}\n`;
  };
  return {
    ...files,
    "routes.txt": addRow(files["routes.txt"], {
      agency_id: "MTA NYCT",
      route_id: "ZZ",
      route_short_name: "ZZ",
      route_long_name: "Refresh Test Shuttle",
      route_type: "1",
      route_color: "123456",
      route_text_color: "FFFFFF",
    }),
    "stops.txt": addRow(files["stops.txt"], {
      stop_id: "ZZ1",
      stop_name: "Refresh Test Station",
      stop_lat: "40.75",
      stop_lon: "-73.99",
      location_type: "1",
    }),
  };
}

const zipOf = (files: Files) => makeZip(Object.entries(files).map(([name, data]) => ({ name, data })));

/** A GTFS server on 127.0.0.1: ETags and 304s, switchable to 500s or a corrupt zip. */
interface GtfsServer {
  url: string;
  serve(body: Buffer, etag: string): void;
  mode: "ok" | "500" | "corrupt";
  requests: Array<{ ifNoneMatch?: string; status: number }>;
  close(): Promise<void>;
}

async function startGtfsServer(body: Buffer, etag: string): Promise<GtfsServer> {
  let current = { body, etag };
  const s: Partial<GtfsServer> & { requests: GtfsServer["requests"] } = { requests: [], mode: "ok" };
  const server: Server = createServer((req, res) => {
    const ifNoneMatch = req.headers["if-none-match"];
    const answer = (status: number, headers: Record<string, string>, data?: Buffer | string) => {
      s.requests.push({ ifNoneMatch, status });
      res.writeHead(status, headers).end(data);
    };
    if (s.mode === "500") return answer(500, { "content-type": "text/plain" }, "upstream broken");
    if (s.mode === "corrupt")
      // Zip magic, then nothing a zip reader can use.
      return answer(
        200,
        { etag: '"corrupt"', "content-type": "application/zip" },
        Buffer.concat([Buffer.from("PK\u0003\u0004", "latin1"), Buffer.alloc(4096, 0x5a)]),
      );
    if (ifNoneMatch === current.etag) return answer(304, { etag: current.etag });
    answer(200, { etag: current.etag, "content-type": "application/zip" }, current.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/static/gtfs_subway.zip`;
  return Object.assign(s, {
    url,
    serve: (b: Buffer, e: string) => {
      current = { body: b, etag: e };
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  }) as GtfsServer;
}

interface NetworkJson {
  routes: Array<{ id: string; longName: string }>;
  stations: Array<{ id: string; name: string }>;
}

/** The local date in New York, worked out with Intl (en-CA writes YYYY-MM-DD), as YYYYMMDD. */
const nyDate = (t: number) => new Date(t).toLocaleDateString("en-CA", { timeZone: NY }).replaceAll("-", "");

async function waitUntil(cond: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("a live server refreshing its static GTFS", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "static-refresh-"));
  const recordDir = join(dataDir, "recording");
  let gtfs: GtfsServer | null = null;
  let mirror: FeedMirror | null = null;
  let server: RunningServer | null = null;
  let client: RecordingClient | null = null;
  const logs: Array<Record<string, unknown>> = [];
  let clock = Date.now();
  let v1: Files = {};
  let v2Zip: Buffer = Buffer.alloc(0);

  beforeAll(async () => {
    const slice = await recentSlice("static-refresh", 2);
    v1 = thinned(readGtfsFolder(slice.gtfsDir));
    v2Zip = zipOf(withNewRouteAndStation(v1));
    gtfs = await startGtfsServer(zipOf(v1), '"v1"');
    mirror = await startFeedMirror(slice.recordingDir);
    const fast = Object.fromEntries(["subway-ace", "subway-l", "alerts-subway"].map((f) => [f, 200]));
    server = await startServer({
      source: {
        kind: "live",
        recordDir,
        warmUpHours: 0,
        feeds: {
          bases: mirror.bases,
          feeds: ["subway-ace", "subway-l", "alerts-subway"],
          intervalMs: fast,
          poller: { retries: 0, minIntervalMs: 100, backoffBaseMs: 100, backoffMaxMs: 250 },
        },
        staticRefresh: { at: null, now: () => clock },
      },
      port: 0,
      host: "127.0.0.1",
      next: false,
      // The test drives the refresh clock with a function, which cannot cross to a worker thread.
      engineThread: "main",
      env: readEnv({ STATIC_GTFS_URL: gtfs.url, DATA_DIR: dataDir }),
      logger: pino({ level: "info" }, { write: (line: string) => void logs.push(JSON.parse(line)) }),
    });
    client = recordingClient(server.url, ["health"]);
  }, 120_000);

  afterAll(async () => {
    client?.close();
    await server?.close();
    await mirror?.close();
    await gtfs?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const runner = () => server!.runner as LiveRunner;
  const getNetwork = async () => {
    const res = await fetch(`${server!.url}/api/network`);
    return { etag: res.headers.get("etag") ?? "", body: (await res.json()) as NetworkJson };
  };
  const routeCount = (files: Files) => files["routes.txt"].trimEnd().split("\n").length - 1;
  const cachedZip = () => {
    const dir = join(dataDir, "static-cache");
    return readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith(".zip"))!));
  };
  const errorLogs = () =>
    logs.filter((l) => l.msg === "static GTFS refresh failed: keeping the network in use");

  it("shows a new route and station after a refresh, without a restart; the graph keeps its history", async () => {
    const before = await getNetwork();
    expect(before.body.routes).toHaveLength(routeCount(v1));
    expect(before.body.routes.some((r) => r.id === "ZZ")).toBe(false);
    expect(before.body.stations.some((s) => s.id === "ZZ1")).toBe(false);
    const networkEvents: string[] = [];
    client!.socket.on("network", (m: { etag: string }) => networkEvents.push(m.etag));
    await waitUntil(() => (server!.state.health.value ?? []).some((h) => h.polls >= 3), "some polls");
    const pollsBefore = server!.state.health.value!.find((h) => h.feed === "subway-ace")!.polls;
    const oldNetwork = runner().network();

    gtfs!.serve(v2Zip, '"v2"');
    const snapshotsBefore = client!.messages.filter((m) => m.event === "snapshot").length;
    const out = await runner().refreshStatic();
    expect(out).toMatchObject({ switched: true, reason: "data", serviceDate: nyDate(clock) });
    expect(gtfs!.requests.at(-1)).toEqual({ ifNoneMatch: '"v1"', status: 200 });
    expect(runner().network()).not.toBe(oldNetwork);

    const after = await getNetwork();
    expect(after.etag).not.toBe(before.etag);
    expect(after.body.routes).toHaveLength(routeCount(v1) + 1);
    expect(after.body.routes.find((r) => r.id === "ZZ")?.longName).toBe("Refresh Test Shuttle");
    expect(after.body.stations.find((s) => s.id === "ZZ1")?.name).toBe("Refresh Test Station");
    // Clients are told to refetch, and get fresh snapshots once the new graph has caught up.
    await waitUntil(() => networkEvents.includes(after.etag), "the network event");
    const fresh = () => client!.messages.filter((m) => m.event === "snapshot").slice(snapshotsBefore);
    await waitUntil(() => fresh().length > 0, "a fresh snapshot");
    // The new graph replayed what the old one had received: its first snapshot already counts every
    // poll from before the switch (a graph started afresh would count from zero).
    const first = fresh()[0].msg.data as Array<{ feed: string; polls: number }>;
    expect(first.find((h) => h.feed === "subway-ace")?.polls).toBeGreaterThanOrEqual(pollsBefore);
    // ... and it is still live: new polls keep arriving.
    const ace = () => server!.state.health.value?.find((h) => h.feed === "subway-ace");
    const p = ace()?.polls ?? 0;
    await waitUntil(() => (ace()?.polls ?? 0) > p, "live polls after the switch");
    // The recording carries the new static GTFS, to replay on its own.
    const stored = readdirSync(join(recordDir, "static")).map((f) =>
      readFileSync(join(recordDir, "static", f)),
    );
    expect(stored.some((b) => b.equals(v2Zip))).toBe(true);
  }, 60_000);

  it("an unchanged file costs a 304 and changes nothing", async () => {
    const net = runner().network();
    const out = await runner().refreshStatic();
    expect(out).toMatchObject({ switched: false });
    expect(out?.error).toBeUndefined();
    expect(gtfs!.requests.at(-1)).toEqual({ ifNoneMatch: '"v2"', status: 304 });
    expect(runner().network()).toBe(net);
  });

  it("a 500 or a corrupt zip keeps the network in use and logs the URL", async () => {
    const net = runner().network();
    const { etag } = await getNetwork();
    for (const mode of ["500", "corrupt"] as const) {
      gtfs!.mode = mode;
      const logged = errorLogs().length;
      const out = await runner().refreshStatic();
      expect(out?.switched, mode).toBe(false);
      expect(out?.error, mode).toMatchObject({ url: gtfs!.url, kind: mode === "500" ? "download" : "parse" });
      expect(runner().network(), mode).toBe(net);
      expect((await getNetwork()).etag, mode).toBe(etag);
      const line = errorLogs()[logged];
      expect(line, mode).toMatchObject({ url: gtfs!.url, level: 50 });
      expect(String(line.err), mode).toMatch(mode === "500" ? /HTTP 500/ : /rejected/);
    }
    // The corrupt download never reached the cache: a restart would load V2.
    expect(cachedZip().equals(v2Zip)).toBe(true);
    expect((await fetch(`${server!.url}/healthz`)).status).toBe(200);
    gtfs!.mode = "ok";
  });

  it("switches to the next service day when the date turns, the data unchanged", async () => {
    const before = runner().network()!;
    clock += 24 * H;
    const out = await runner().refreshStatic();
    expect(out).toMatchObject({ switched: true, reason: "service-date", serviceDate: nyDate(clock) });
    expect(out?.error).toBeUndefined();
    expect(gtfs!.requests.at(-1)).toEqual({ ifNoneMatch: '"v2"', status: 304 });
    const now = runner().network()!;
    expect(now).not.toBe(before);
    expect(now.serviceDate).toBe(nyDate(clock));
    expect(now.serviceDate).not.toBe(before.serviceDate);
    // Same data: the same routes, ZZ included.
    expect((await getNetwork()).body.routes.some((r) => r.id === "ZZ")).toBe(true);
  });
});
