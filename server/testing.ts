/**
 * Test and bench helpers (not used by the server): a short slice of the demo
 * day on disk, a local HTTP mirror serving recorded payloads at the real URL
 * paths, and a socket.io client that records what it receives.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import { OTHER_FEEDS, SUBWAY_FEEDS } from "../adapters/feeds";
import { readRecording } from "../adapters/recording";
import { ensureDemoDay } from "../demo";
import { isoWithOffset } from "../util/time-zone";
import type { DeltaMsg, Hello, SnapshotMsg } from "./protocol";

/** A slice of the demo day (seconds after midnight), generated once per name and reused. */
export async function demoSlice(
  name: string,
  fromS: number,
  toS: number,
  date?: string,
): Promise<{ recordingDir: string; gtfsDir: string }> {
  const dir = join(tmpdir(), "nyc-transit-server-tests", name);
  const p = await ensureDemoDay(dir, { fromS, toS, worker: false, ...(date ? { date } : {}) });
  return { recordingDir: p.recordingDir, gtfsDir: p.gtfsDir };
}

/**
 * A slice of a simulated day ending about a minute ago (New York time),
 * so a live server polling a mirror of it sees fresh, not stale, feeds.
 */
export function recentSlice(name: string, minutes = 3): Promise<{ recordingDir: string; gtfsDir: string }> {
  // Ends a minute ago and spans less than the 5 minutes after which a feed counts as stale.
  const start = Date.now() - (minutes + 1) * 60_000;
  const iso = isoWithOffset(start);
  const fromS = Number(iso.slice(11, 13)) * 3600 + Number(iso.slice(14, 16)) * 60;
  return demoSlice(name, fromS, Math.min(86_400, fromS + minutes * 60), iso.slice(0, 10));
}

export type Behaviour = "ok" | "500" | "garbage";

export interface FeedMirror {
  /** Base URLs to give as MTA_BASE_URL / GBFS_BASE_URL (each ends in "/"). */
  bases: { mta: string; gbfs: string };
  /** Requests answered per feed. */
  served: Map<string, number>;
  /** The body last answered with 200, per feed. */
  lastBody: Map<string, Uint8Array>;
  /** Wall ms when the last 200 answer of a feed was written. */
  lastServedAt: Map<string, number>;
  /** What a feed does from now on. */
  setBehaviour(feed: string, b: Behaviour): void;
  /** Serve this body for a feed from now on (instead of the recording's frames). */
  override(feed: string, body: Uint8Array | null): void;
  close(): Promise<void>;
}

/** URL path (under /mta/ or /gbfs/) -> feed id, as adapters/feeds.ts lays them out. */
function pathTable(): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of SUBWAY_FEEDS) m.set(`/mta/${f.path}`, f.id);
  for (const f of OTHER_FEEDS) m.set(`${f.id.startsWith("gbfs") ? "/gbfs/" : "/mta/"}${f.path}`, f.id);
  return m;
}

/**
 * Serves each feed's recorded payloads in turn (request n gets the n-th
 * frame of that feed, cycling), so every poll sees new data.
 */
export async function startFeedMirror(
  recordingDir: string,
  onServe?: (feed: string, body: Uint8Array, at: number) => void,
): Promise<FeedMirror> {
  const frames = new Map<string, Uint8Array[]>();
  for (const f of readRecording(recordingDir)) {
    if (f.status !== 200) continue;
    const list = frames.get(f.feed) ?? [];
    list.push(f.body);
    frames.set(f.feed, list);
  }
  const paths = pathTable();
  const behaviour = new Map<string, Behaviour>();
  const overrides = new Map<string, Uint8Array>();
  const served = new Map<string, number>();
  const lastBody = new Map<string, Uint8Array>();
  const lastServedAt = new Map<string, number>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Paths keep their %2F: match on the raw URL.
    const feed = paths.get((req.url ?? "").split("?")[0]);
    if (!feed) {
      res.writeHead(404).end();
      return;
    }
    const n = served.get(feed) ?? 0;
    served.set(feed, n + 1);
    const b = behaviour.get(feed) ?? "ok";
    if (b === "500") {
      res.writeHead(500, { "content-type": "text/plain" }).end("upstream broken");
      return;
    }
    if (b === "garbage") {
      res
        .writeHead(200, { "content-type": "application/octet-stream" })
        .end(Buffer.from(`\u0000\u00ff<html>not a feed ${n}`, "latin1")); // new each time: not a duplicate
      return;
    }
    const list = frames.get(feed) ?? [];
    const body = overrides.get(feed) ?? list[n % Math.max(1, list.length)];
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    const json = feed.startsWith("gbfs") || feed === "outages";
    res.writeHead(200, { "content-type": json ? "application/json" : "application/x-protobuf" });
    res.end(body, () => {
      const at = Date.now();
      lastBody.set(feed, body);
      lastServedAt.set(feed, at);
      onServe?.(feed, body, at);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    bases: { mta: `${base}/mta/`, gbfs: `${base}/gbfs/` },
    served,
    lastBody,
    lastServedAt,
    setBehaviour: (feed, b) => behaviour.set(feed, b),
    override: (feed, body) => (body ? overrides.set(feed, body) : overrides.delete(feed)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A socket.io client that keeps every message, in order, and re-subscribes on every hello. */
export interface RecordingClient {
  socket: Socket;
  hellos: Hello[];
  messages: Array<{ event: "snapshot" | "delta"; msg: SnapshotMsg | DeltaMsg; at: number }>;
  refused: Array<{ event: string; reason: string }>;
  shutdowns: string[];
  /** Resolves when a message matching `pred` has arrived (or rejects after timeoutMs). */
  waitFor(pred: (m: RecordingClient["messages"][number]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

export function recordingClient(
  url: string,
  topics: string[],
  opts: { reconnect?: boolean } = {},
): RecordingClient {
  const socket = io(url, {
    transports: ["websocket"],
    reconnection: opts.reconnect ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 300,
  });
  const c: RecordingClient = {
    socket,
    hellos: [],
    messages: [],
    refused: [],
    shutdowns: [],
    waitFor: (pred, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          if (c.messages.some(pred)) return resolve();
          if (Date.now() - started > timeoutMs) return reject(new Error("timed out waiting for a message"));
          setTimeout(check, 20);
        };
        check();
      }),
    close: () => socket.close(),
  };
  socket.on("hello", (h: Hello) => {
    c.hellos.push(h);
    if (topics.length > 0) socket.emit("subscribe", { topics });
  });
  socket.on("snapshot", (msg: SnapshotMsg) => c.messages.push({ event: "snapshot", msg, at: Date.now() }));
  socket.on("delta", (msg: DeltaMsg) => c.messages.push({ event: "delta", msg, at: Date.now() }));
  socket.on("refused", (r: { event: string; reason: string }) => c.refused.push(r));
  socket.on("shutdown", (r: { reason: string }) => c.shutdowns.push(r.reason));
  return c;
}
