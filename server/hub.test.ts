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
import { BURST } from "./send-timing";
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

  it("sends BURST changes in a row after a quiet spell, then holds the next for its turn, without holding back other topics", async () => {
    const { state, deltas } = await setup(["status", "bike-totals"]);
    for (let i = 1; i <= BURST; i++) {
      state.lineStatus.set(i, [status("A", i)]);
      await until(() => deltas().length === i);
    }
    const held = BURST + 1;
    state.lineStatus.set(held, [status("A", held)]); // out of tokens: waits
    await sleep(20);
    state.bikeTotals.set(100, totals(7)); // bike-totals sent nothing yet: goes now
    await until(() => deltas().length === BURST + 2);
    const all = deltas();
    const first = all[0];
    const other = all[BURST];
    const last = all[BURST + 1];
    expect(all.map((d) => d.topic)).toEqual([...Array(BURST).fill("status"), "bike-totals", "status"]);
    expect(other.data).toEqual(totals(7));
    expect(last.data).toEqual({ upsert: [status("A", held)] });
    // The held change went out when a token came back (one interval after the first), and says how long it waited.
    expect(last.s - first.s).toBeGreaterThanOrEqual(INTERVAL_MS - 5);
    expect(last.w).toBeLessThan(other.n);
    expect(last.seq).toBe(first.seq + BURST);
  });

  it("keeps a topic changing all the time to one message per interval on average, ending on the newest state", async () => {
    const { state, deltas } = await setup(["status"]);
    const t0 = Date.now();
    let i = 0;
    while (Date.now() - t0 < 4 * INTERVAL_MS) {
      i++;
      state.lineStatus.set(i, [status("A", i)]);
      await sleep(20);
    }
    const elapsed = Date.now() - t0;
    await until(() => deltas().at(-1)?.t === i);
    // ~60 changes; a burst, then one per interval (plus the last one, held for its turn).
    expect(i).toBeGreaterThan(20);
    expect(deltas().length).toBeLessThanOrEqual(BURST + Math.ceil(elapsed / INTERVAL_MS) + 1);
    expect(deltas().length).toBeGreaterThanOrEqual(3);
    expect(deltas().at(-1)?.data).toEqual({ upsert: [status("A", i)] });
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
