/**
 * A server restart on the same port: the client reconnects by itself, gets
 * hello and a fresh snapshot, and its chart ends up exactly the new run's
 * day (no point twice, none missing).
 */
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import type { MetricTick } from "../transit/contract";
import { readEnv } from "./config";
import type { SeriesPoint } from "./protocol";
import { type RunningServer, startServer } from "./start";
import { demoSlice, type RecordingClient, recordingClient } from "./testing";

const CHART = "charts:bikes.bikes_available";

// Generous: on a loaded 2-core machine a replay at 200x can fall well behind its pace.
async function waitUntil(cond: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const start = (dir: string, port: number) =>
  startServer({
    source: { kind: "replay", dir, speed: 300 },
    port,
    host: "127.0.0.1",
    next: false,
    env: readEnv({} as NodeJS.ProcessEnv),
    logger: pino({ level: "silent" }),
  });

let server: RunningServer | null = null;
let c: RecordingClient | null = null;
afterAll(async () => {
  c?.close();
  await server?.close();
});

describe("reconnection", () => {
  it("survives a server restart: fresh snapshot, then deltas in order, no duplicate or lost point", async () => {
    const { recordingDir } = await demoSlice("restart", 5 * 3600, 5 * 3600 + 10 * 60);
    server = await start(recordingDir, 0);
    const port = server.port;
    c = recordingClient(server.url, [CHART, "status"], { reconnect: true });
    await waitUntil(
      () => c!.messages.filter((m) => m.msg.topic === CHART && m.event === "delta").length >= 2,
    );
    await server.close();
    expect(c.shutdowns.length, "clients are told").toBe(1);
    const cut = c.messages.length;
    server = await start(recordingDir, port);
    await waitUntil(() => c!.hellos.length === 2);
    await waitUntil(async () => {
      const r = (await (await fetch(`${server!.url}/api/state`)).json()) as { clock: { playing: boolean } };
      return !r.clock.playing;
    });
    await new Promise((r) => setTimeout(r, 700));
    const after = c.messages.slice(cut).filter((m) => m.msg.topic === CHART);
    expect(after[0].event, "first message after the restart").toBe("snapshot");
    let points: SeriesPoint[] = [];
    let seq = -1;
    for (const { event, msg } of after) {
      if (event === "snapshot") {
        points = [...(msg.data as SeriesPoint[])];
      } else {
        expect(msg.seq).toBe(seq + 1);
        points.push(...(msg.data as SeriesPoint[]));
      }
      seq = msg.seq;
    }
    const day = (await (
      await fetch(`${server.url}/api/series?metric=bikes.bikes_available`)
    ).json()) as MetricTick[];
    const id = (p: { t: number; key: object; value: unknown }) =>
      `${p.t}|${JSON.stringify(p.key)}|${p.value}`;
    expect(day.length).toBeGreaterThan(10);
    expect(points.map(id).sort()).toEqual(day.map(id).sort());
  }, 180_000);
});
