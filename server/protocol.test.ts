/**
 * The live protocol against a real server on 127.0.0.1 (no Next.js) running
 * a slice of the demo day at high speed, with real socket.io clients.
 */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replayPayloads } from "../adapters/feed-graph";
import { Engine, sink } from "../engine";
import type { ClockView, MetricTick } from "../transit/contract";
import { dashboardGraph } from "../transit/dashboard";
import { loadRecordingNetwork } from "../transit/recording-network";
import { readEnv } from "./config";
import type { DeltaMsg, SeriesPoint } from "./protocol";
import { type RunningServer, startServer } from "./start";
import { demoSlice, type RecordingClient, recordingClient } from "./testing";

const TOKEN = "test-admin-token-1";
const CHART = "subway.trains_running";
let dir: string;
let server: RunningServer;
const clients: RecordingClient[] = [];
const client = (topics: string[]) => {
  const c = recordingClient(server.url, topics);
  clients.push(c);
  return c;
};

// Generous: on a loaded 2-core machine a replay at 200x can fall well behind its pace.
async function waitUntil(cond: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const clockOf = async (): Promise<ClockView> =>
  ((await (await fetch(`${server.url}/api/state`)).json()) as { clock: ClockView }).clock;

/** Applies a topic's messages as a client must: snapshot replaces, deltas need seq + 1. */
function replaySeries(c: RecordingClient, topic: string): SeriesPoint[] {
  let points: SeriesPoint[] | null = null;
  let seq = -1;
  for (const { event, msg } of c.messages) {
    if (msg.topic !== topic) continue;
    if (event === "snapshot") {
      points = [...(msg.data as SeriesPoint[])];
      seq = msg.seq;
      continue;
    }
    expect(points, "a delta before any snapshot").not.toBeNull();
    expect(msg.seq, `seq of ${topic}`).toBe(seq + 1);
    seq = msg.seq;
    points!.push(...(msg.data as SeriesPoint[]));
  }
  return points ?? [];
}

/** The same metric computed by running the dashboard graph over the recording, with no server at all. */
let headless: Promise<MetricTick[]> | null = null;
const headlessTicks = (metric: string) => {
  headless ??= runHeadless(metric);
  return headless;
};
async function runHeadless(metric: string): Promise<MetricTick[]> {
  const { network, start, end } = await loadRecordingNetwork(dir);
  const out: MetricTick[] = [];
  new Engine(
    () => {
      sink("m", dashboardGraph(replayPayloads(dir), network).metrics, (_t, ticks) => {
        for (const m of ticks) if (m.metric === metric) out.push(m);
      });
    },
    // The graph's clock never runs out: stop where the server's replay stops, at the last frame.
    { start, end },
  ).runSimulation();
  return out;
}

const pointId = (p: { t: number; key: Record<string, string>; value: unknown }) =>
  `${p.t}|${JSON.stringify(p.key)}|${JSON.stringify(p.value)}`;

beforeAll(async () => {
  ({ recordingDir: dir } = await demoSlice("protocol", 5.5 * 3600, 5.5 * 3600 + 12 * 60));
  server = await startServer({
    source: { kind: "replay", dir, speed: 200 },
    port: 0,
    host: "127.0.0.1",
    next: false,
    adminToken: TOKEN,
    env: readEnv({} as NodeJS.ProcessEnv),
    logger: pino({ level: "silent" }),
    buildId: "test-build",
  });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
});

describe("live protocol", () => {
  it("says hello, sends a snapshot per topic, then deltas in seq order; chart points match a headless run", async () => {
    const c = client(["status", "health", "clock", `charts:${CHART}`]);
    await waitUntil(() => c.hellos.length > 0);
    expect(c.hellos[0]).toMatchObject({
      protocol: 1,
      buildId: "test-build",
      mode: "replay",
      replayControls: true,
    });
    // The slice plays in about 5 s at 200x; the run then holds its last state.
    await waitUntil(async () => !(await clockOf()).playing);
    await new Promise((r) => setTimeout(r, 700));
    for (const topic of ["status", "health", "clock", `charts:${CHART}`]) {
      const mine = c.messages.filter((m) => m.msg.topic === topic);
      expect(mine[0]?.event, `${topic} starts with a snapshot`).toBe("snapshot");
      expect(mine.filter((m) => m.event === "delta").length, `${topic} has deltas`).toBeGreaterThan(2);
      for (let i = 1; i < mine.length; i++) expect(mine[i].msg.seq).toBe(mine[0].msg.seq + i);
    }
    const got = replaySeries(c, `charts:${CHART}`);
    const expected = await headlessTicks(CHART);
    expect(expected.length).toBeGreaterThan(20);
    expect(new Set(got.map(pointId)).size, "no duplicate point").toBe(got.length);
    expect(got.map(pointId).sort()).toEqual(expected.map(pointId).sort());
    // The HTTP export holds the same day.
    const api = (await (await fetch(`${server.url}/api/series?metric=${CHART}`)).json()) as MetricTick[];
    expect(api.map(pointId).sort()).toEqual(expected.map(pointId).sort());
    const csv = await (await fetch(`${server.url}/api/series?metric=${CHART}&format=csv`)).text();
    expect(csv.trim().split("\n")).toHaveLength(expected.length + 1);
  }, 180_000);

  it("delivers only the topics a client subscribed to, filtered", async () => {
    const a = client(["trains:A"]);
    const b = client(["clock"]);
    await waitUntil(() => a.messages.length > 0 && b.messages.length > 0);
    const trains = a.messages.flatMap((m) => {
      expect(m.msg.topic).toBe("trains:A");
      return m.event === "snapshot" ? (m.msg.data as Array<{ route: string }>) : [];
    });
    expect(trains.length).toBeGreaterThan(0);
    for (const t of trains) expect(t.route).toBe("A");
    for (const m of b.messages) expect(m.msg.topic).toBe("clock");
  });

  it("refuses invalid messages, unknown events and oversized ones, and keeps the connection", async () => {
    const c = client([]);
    await waitUntil(() => c.hellos.length > 0);
    const acks: unknown[] = [];
    c.socket.emit("subscribe", { topics: ["no-such-topic"] }, (r: unknown) => acks.push(r));
    c.socket.emit("subscribe", { topics: ["status"], extra: true }, (r: unknown) => acks.push(r));
    c.socket.emit("subscribe", { topics: ["charts:no.such_metric"] }, (r: unknown) => acks.push(r));
    c.socket.emit("steal-everything", { all: true });
    c.socket.emit("subscribe", { topics: ["status"], pad: "x".repeat(5000) });
    await waitUntil(() => c.refused.length >= 5);
    const reasons = c.refused.map((r) => `${r.event}: ${r.reason}`).join("\n");
    expect(reasons).toMatch(/steal-everything: unknown event/);
    expect(reasons).toMatch(/too large/);
    expect(reasons).toMatch(/unknown metric/);
    expect(acks).toHaveLength(3);
    for (const a of acks) expect(a).toMatchObject({ ok: false });
    expect(c.messages).toHaveLength(0);
    // Still connected, still served.
    c.socket.emit("subscribe", { topics: ["status"] });
    await waitUntil(() => c.messages.some((m) => m.msg.topic === "status" && m.event === "snapshot"));
  });

  it("needs the admin token for replay controls; a seek back sends fresh snapshots and the chart stays exact", async () => {
    const c = client([`charts:${CHART}`, "clock"]);
    await waitUntil(() => c.messages.length >= 2);
    const answer = (msg: object) =>
      new Promise<{ ok: boolean; error?: string }>((resolve) => c.socket.emit("replay", msg, resolve));
    expect(await answer({ token: "wrong-token", action: "pause" })).toMatchObject({
      ok: false,
      error: "bad admin token",
    });
    expect(await answer({ token: TOKEN, action: "speed", value: 10_000 })).toMatchObject({ ok: false });
    const range = (await clockOf()).range!;
    const target = range.start + 8 * 60_000;
    // Paused, the run stays at the target, so the snapshot shows exactly the day up to it.
    expect(await answer({ token: TOKEN, action: "pause" })).toEqual({ ok: true });
    const before = c.messages.length;
    expect(await answer({ token: TOKEN, action: "seek", value: target })).toEqual({ ok: true });
    await waitUntil(() =>
      c.messages.slice(before).some((m) => m.event === "snapshot" && m.msg.topic === `charts:${CHART}`),
    );
    const snap = c.messages
      .slice(before)
      .find((m) => m.event === "snapshot" && m.msg.topic === `charts:${CHART}`)!;
    const snapPoints = snap.msg.data as SeriesPoint[];
    expect(snapPoints.length).toBeGreaterThan(0);
    expect(Math.max(...snapPoints.map((p) => p.t))).toBeLessThanOrEqual(target);
    expect((await clockOf()).t).toBe(target);
    expect(await answer({ token: TOKEN, action: "speed", value: 600 })).toEqual({ ok: true });
    expect(await answer({ token: TOKEN, action: "play" })).toEqual({ ok: true });
    await waitUntil(async () => !(await clockOf()).playing);
    await new Promise((r) => setTimeout(r, 700));
    const got = replaySeries(c, `charts:${CHART}`);
    const expected = await headlessTicks(CHART);
    expect(got.map(pointId).sort()).toEqual(expected.map(pointId).sort());
    // Deltas say when their news left the engine: never in the future.
    for (const m of c.messages)
      if (m.event === "delta") expect((m.msg as DeltaMsg).w).toBeLessThanOrEqual(m.at);
  }, 180_000);

  it("has replay controls off without a configured token", async () => {
    const other = await startServer({
      source: { kind: "replay", dir, speed: 60 },
      port: 0,
      host: "127.0.0.1",
      next: false,
      adminToken: null,
      env: readEnv({} as NodeJS.ProcessEnv),
      logger: pino({ level: "silent" }),
    });
    try {
      const c = recordingClient(other.url, []);
      clients.push(c);
      await waitUntil(() => c.hellos.length > 0);
      expect(c.hellos[0].replayControls).toBe(false);
      const r = await new Promise<{ ok: boolean; error?: string }>((resolve) =>
        c.socket.emit("replay", { token: TOKEN, action: "pause" }, resolve),
      );
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(/off/);
      expect((await (await fetch(`${other.url}/readyz`)).json()) as object).toMatchObject({
        ready: true,
        mode: "replay",
      });
      expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
      // The static network: cached with an ETag, 304 when unchanged.
      const net = await fetch(`${other.url}/api/network`);
      const etag = net.headers.get("etag")!;
      // (It changes when bike stations first arrive; clients hear of it through a `network` event.)
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(c.hellos[0].networkEtag).toMatch(/^"[\w-]+"$/);
      expect(((await net.json()) as { routes: unknown[] }).routes.length).toBeGreaterThan(10);
      expect((await fetch(`${other.url}/api/network`, { headers: { "if-none-match": etag } })).status).toBe(
        304,
      );
      const graph = (await (await fetch(`${other.url}/api/graph`)).json()) as {
        nodes: Array<{ name: string }>;
      };
      expect(graph.nodes.some((n) => n.name === "decode_feeds")).toBe(true);
      expect(await (await fetch(`${other.url}/api/graph?format=dot`)).text()).toMatch(/^digraph/);
      expect((await fetch(`${other.url}/api/series?metric=nope`)).status).toBe(400);
    } finally {
      await other.close();
    }
  });
});
