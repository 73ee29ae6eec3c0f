import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine, output, run } from "../../engine";
import { feedUrl } from "../feeds";
import { encodeSubwayFeedMessage } from "../gtfsrt/schema";
import { RecordingWriter, readRecording } from "../recording";
import { syntheticSubwayFeedObject } from "../subway/synthetic-feed";
import { type DecodedFeeds, decodeFeeds, liveFeeds, recordPayloads, replayPayloads } from "./index";

/** What a dashboard would show of the decoded feeds: enough to tell two runs apart. */
function observe(d: DecodedFeeds) {
  output("health", d.health);
  output("subway", d.subway, { record: false }); // hashed, not kept
}

const feedBytes = (timestampSec: number, trips: number) =>
  encodeSubwayFeedMessage(syntheticSubwayFeedObject({ timestamp: timestampSec, trips, stopsPerTrip: 5 }));

describe("live feeds: pollers into the graph, recorded, and replayed identically", () => {
  let server: Server;
  let base: string;
  let gRequests = 0;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "live-feeds-"));
    server = createServer((req, res) => {
      const now = Math.floor(Date.now() / 1000);
      if (req.url === "/Dataservice/mtagtfsfeeds/nyct%2Fgtfs-ace") {
        res.writeHead(200, { "content-type": "application/x-protobuf" });
        res.end(feedBytes(now, 4 + (Date.now() % 3)));
        return;
      }
      if (req.url === "/Dataservice/mtagtfsfeeds/nyct%2Fgtfs-g") {
        gRequests++;
        if (gRequests <= 2) {
          res.writeHead(500);
          res.end("upstream exploded");
        } else if (gRequests <= 4) {
          res.writeHead(200, { "content-type": "text/html" });
          res.end("<html><body>Service Unavailable</body></html>");
        } else {
          res.writeHead(200);
          res.end(feedBytes(now, 2));
        }
        return;
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/Dataservice/mtagtfsfeeds/`;
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows a failing feed in health, keeps the others, records everything, and replays to the same hash", async () => {
    const writer = RecordingWriter.open(dir);
    let live: ReturnType<typeof liveFeeds> | null = null;
    const engine = new Engine(
      () => {
        live = liveFeeds({
          bases: { mta: base, gbfs: base },
          feeds: ["subway-ace", "subway-g"],
          intervalMs: { "subway-ace": 60, "subway-g": 60 },
          poller: { retries: 0, minIntervalMs: 10 },
        });
        recordPayloads(live.payloads, writer);
        observe(decodeFeeds(live.payloads));
      },
      { realtime: true, duration: 1_200, hash: true },
    );
    const done = engine.runRealtime();
    live!.start();
    const liveRun = await done;
    await live!.stop();
    writer.close();

    const health = liveRun.outputs.health.map(
      ([, v]) => v as { feed: string; event: { type: string; error?: { kind: string } } },
    );
    const g = health
      .filter((h) => h.feed === "subway-g")
      .map((h) => (h.event.type === "error" ? h.event.error!.kind : h.event.type));
    // 500, 500, then an HTML page (its repeat is skipped as a duplicate by the poller), then good data
    expect(g.slice(0, 4)).toEqual(["download", "download", "parse", "success"]);
    expect(g.slice(4).every((k) => k === "success")).toBe(true);
    const ace = health.filter((h) => h.feed === "subway-ace").map((h) => h.event.type);
    expect(ace.length).toBeGreaterThan(5);
    expect(new Set(ace)).toEqual(new Set(["success"]));

    // Every payload the graph saw is in the recording, failed polls included.
    const frames = [...readRecording(dir)];
    expect(frames.length).toBe(health.length);
    expect(frames.filter((f) => f.feed === "subway-g" && f.status === 500)).toHaveLength(2);

    // The same graph over the recording, as fast as possible: tick for tick the same.
    const replay = run(() => observe(decodeFeeds(replayPayloads(dir))), { start: liveRun.start, hash: true });
    const asData = (x: unknown) => JSON.parse(JSON.stringify(x));
    expect(asData(replay.outputs.health)).toEqual(asData(liveRun.outputs.health));
    expect(replay.hash).toBe(liveRun.hash);
    expect(feedUrl("subway-g", { mta: base, gbfs: base })).toContain("nyct%2Fgtfs-g");
  });

  it("warms up from its own recording, then goes live without a gap or a duplicate", async () => {
    const before = [...readRecording(dir)];
    expect(before.length).toBeGreaterThan(0);
    const writer = RecordingWriter.open(dir);
    let live: ReturnType<typeof liveFeeds> | null = null;
    const engine = new Engine(
      () => {
        live = liveFeeds({
          bases: { mta: base, gbfs: base },
          feeds: ["subway-ace"],
          intervalMs: { "subway-ace": 60 },
          poller: { retries: 0, minIntervalMs: 10 },
          warmUp: { dir, from: before[0].receivedAt },
        });
        recordPayloads(live.payloads, writer);
        output("seen", live.payloads, { record: true });
      },
      { realtime: true, start: before[0].receivedAt, duration: Date.now() - before[0].receivedAt + 500 },
    );
    const done = engine.runRealtime();
    live!.start();
    const r = await done;
    await live!.stop();
    writer.close();
    const seen = r.outputs.seen.map(([t]) => t);
    // the whole history first, at its recorded times...
    expect(seen.slice(0, before.length)).toEqual(before.map((f) => f.receivedAt));
    // ...then live payloads, strictly later, none of them a replayed one
    const liveTimes = seen.slice(before.length);
    expect(liveTimes.length).toBeGreaterThan(2);
    expect(liveTimes[0]).toBeGreaterThan(before.at(-1)!.receivedAt);
    const after = [...readRecording(dir)];
    expect(after.length).toBe(before.length + liveTimes.length); // history not written twice
  });
});
