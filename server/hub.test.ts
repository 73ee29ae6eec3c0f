/**
 * The hub's coalescing against a real socket.io server and client on
 * 127.0.0.1: state set by hand, messages observed by a client.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import type { BikeTotals, LineStatus } from "../transit/contract";
import { Hub } from "./hub";
import { LiveState } from "./live-state";
import type { DeltaMsg, SnapshotMsg } from "./protocol";
import { TopicRegistry } from "./topics/registry";

const INTERVAL_MS = 300;

interface Received {
  event: "snapshot" | "delta";
  msg: SnapshotMsg | DeltaMsg;
}

const status = (route: string, delayed: number): LineStatus =>
  ({
    route,
    status: delayed > 0 ? "Delays" : "Good Service",
    delayedTrains: delayed,
  }) as unknown as LineStatus;
const totals = (bikes: number): BikeTotals => ({ bikes }) as unknown as BikeTotals;

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

async function setup(topics: string[]) {
  const state = new LiveState();
  const http = createServer();
  const io = new Server(http);
  const registry = new TopicRegistry(state, {
    clock: () => ({ t: 0, mode: "live", speed: 1, playing: true, range: null }) as never,
    graph: () => null,
    engineTime: () => state.engineTime,
  });
  const hub = new Hub(
    io,
    state,
    (n) => registry.create(n),
    { coalesceMs: INTERVAL_MS, maxTopics: 10 },
    {
      message: () => {},
      flush: () => {},
    },
  );
  io.on("connection", (s) => {
    for (const t of topics) hub.subscribe(s, t);
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const port = (http.address() as AddressInfo).port;
  const received: Received[] = [];
  const client: Socket = connect(`http://127.0.0.1:${port}`, {
    transports: ["websocket"],
    reconnection: false,
  });
  client.on("snapshot", (msg: SnapshotMsg) => received.push({ event: "snapshot", msg }));
  client.on("delta", (msg: DeltaMsg) => received.push({ event: "delta", msg }));
  await new Promise<void>((r) => client.on("connect", () => r()));
  const snapshots = () => received.filter((m) => m.event === "snapshot").length;
  while (snapshots() < topics.length) await sleep(10);
  cleanup.push(() => {
    client.close();
    hub.close();
    io.close();
  });
  return {
    state,
    received,
    deltas: () => received.filter((m) => m.event === "delta").map((m) => m.msg as DeltaMsg),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error("timed out");
    await sleep(5);
  }
}

describe("hub coalescing", () => {
  it("sends a change after a quiet spell at once, on the next turn of the event loop", async () => {
    const { state, deltas } = await setup(["status"]);
    state.lineStatus.set(1, [status("A", 2)]);
    state.lineStatus.set(2, [status("A", 3)]); // same turn: one message with the newest state
    await until(() => deltas().length === 1);
    const d = deltas()[0];
    expect(d.data).toEqual({ upsert: [status("A", 3)] });
    expect(d.t).toBe(2);
    // Not held back by a timer: sent in the same millisecond range as the change.
    expect(d.s - d.n).toBeLessThan(INTERVAL_MS / 2);
    expect(d.w).toBeLessThanOrEqual(d.n);
  });

  it("holds a topic's next change for its interval, without holding back other topics", async () => {
    const { state, deltas } = await setup(["status", "bike-totals"]);
    state.lineStatus.set(1, [status("A", 1)]);
    await until(() => deltas().length === 1);
    state.lineStatus.set(2, [status("A", 2)]); // too soon for status
    await sleep(20);
    state.bikeTotals.set(3, totals(7)); // bike-totals sent nothing yet: goes now
    await until(() => deltas().length === 3);
    const [first, second, third] = deltas();
    expect(first.topic).toBe("status");
    expect(second.topic).toBe("bike-totals");
    expect(second.data).toEqual(totals(7));
    expect(third.topic).toBe("status");
    expect(third.data).toEqual({ upsert: [status("A", 2)] });
    // The held change went out when its interval was up, and says how long it waited.
    expect(third.s - first.s).toBeGreaterThanOrEqual(INTERVAL_MS - 5);
    expect(third.w).toBeLessThan(second.n);
    expect(third.seq).toBe(first.seq + 1);
  });

  it("keeps a held change when nothing else happens (a timer sends it)", async () => {
    const { state, deltas } = await setup(["bike-totals"]);
    state.bikeTotals.set(1, totals(1));
    await until(() => deltas().length === 1);
    state.bikeTotals.set(2, totals(2));
    state.bikeTotals.set(3, totals(3));
    await until(() => deltas().length === 2);
    expect(deltas()[1].data).toEqual(totals(3));
    expect(deltas()[1].t).toBe(3);
  });
});
