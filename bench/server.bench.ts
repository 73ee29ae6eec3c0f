/**
 * The server under load (npm run bench -- server):
 * 1. Fan-out: 1,000 socket.io clients on one server process (a child
 *    process, so its CPU and memory are its own) replaying the morning rush
 *    of the demo day at 60x: delay from engine output to client receipt
 *    (p50/p99, with and without the deliberate coalescing wait), server CPU
 *    and memory, bytes per client per second.
 * 2. Feed to client: a live server polling a local mirror whose Citi Bike
 *    status changes every second; 100 clients on bike-totals; delay from the
 *    mirror writing the payload to a client receiving the change (p99).
 *
 * The server runs its engine in a worker thread. env BENCH_SERVER_COMPARE=1 runs each part again
 * with the engine on the main thread (--engine-thread main, the design before), interleaved;
 * BENCH_SERVER_PART=fanout|feed runs one part only; BENCH_SERVER_PROFILE=<dir> runs the server
 * with --cpu-prof into that folder (one profile per thread: main and engine worker).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { readRecording } from "../adapters/recording";
import { demoSlice, recentSlice, startFeedMirror } from "../server/testing";
import type { BenchRow } from "./types";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SUITE = "server";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

async function spawnServer(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const profileDir = process.env.BENCH_SERVER_PROFILE;
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, "--import", "tsx", "server/main.ts", "--api-only", ...args],
    {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return { child, url };
    } catch {}
    await sleep(100);
  }
  child.kill("SIGKILL");
  throw new Error("bench server did not start");
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** process_cpu_seconds_total, resident memory and bytes sent, from the server's own /metrics. */
async function serverFigures(url: string): Promise<{
  cpu: number;
  rss: number;
  bytes: number;
  lagP99: number;
  flushSum: number;
  flushCount: number;
}> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string) =>
    Number(new RegExp(`^${name} ([0-9.e+]+)$`, "m").exec(text)?.[1] ?? Number.NaN);
  return {
    cpu: read("process_cpu_seconds_total"),
    rss: read("process_resident_memory_bytes"),
    bytes: read("transit_socket_bytes_sent_total"),
    lagP99: read("nodejs_eventloop_lag_p99_seconds"),
    flushSum: read("transit_hub_flush_seconds_sum"),
    flushCount: read("transit_hub_flush_seconds_count"),
  };
}

/**
 * A minimal socket.io client over a raw WebSocket (engine.io v4 framing:
 * "0" open, "40" connect, "2"/"3" ping/pong, "42[event, data]" events). It
 * reads only the head of each delta (topic, seq, w, s come first), so the
 * bench process is not what limits 1,000 clients on a 2-core machine.
 */
interface DeltaHead {
  topic: string;
  w: number;
  n: number;
  s: number;
  bytes: number;
}

const HEAD = /^42\["delta",\{"topic":"([^"]+)","seq":\d+,"t":\d+,"w":(\d+),"n":(\d+),"s":(\d+)/;

function rawClient(url: string, topics: string[], onDelta: (d: DeltaHead) => void): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket`);
  return new Promise((resolve, reject) => {
    ws.on("error", reject);
    ws.on("message", (raw: Buffer) => {
      const text = raw.toString("latin1", 0, Math.min(raw.length, 200));
      if (text === "2") return ws.send("3");
      if (text.startsWith("0")) return ws.send("40");
      if (text.startsWith("40")) return;
      if (text.startsWith('42["hello"')) {
        ws.send(`42${JSON.stringify(["subscribe", { topics }])}`);
        return resolve(ws);
      }
      const m = HEAD.exec(text);
      if (m) onDelta({ topic: m[1], w: Number(m[2]), n: Number(m[3]), s: Number(m[4]), bytes: raw.length });
    });
  });
}

async function connectAll(
  url: string,
  n: number,
  topicsOf: (i: number) => string[],
  onDelta: (d: DeltaHead) => void,
) {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch: Array<Promise<WebSocket>> = [];
    for (let j = i; j < Math.min(n, i + 50); j++) batch.push(rawClient(url, topicsOf(j), onDelta));
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

type EngineThread = "worker" | "main";

/** Rows of a main-thread-engine run say so. */
const label = (thread: EngineThread, rows: BenchRow[]): BenchRow[] =>
  thread === "worker" ? rows : rows.map((r) => ({ ...r, name: `[engine on main thread] ${r.name}` }));

async function fanOut(thread: EngineThread): Promise<BenchRow[]> {
  const CLIENTS = 1000;
  const WINDOW_MS = 30_000;
  const { recordingDir } = await demoSlice("bench-fanout", 7 * 3600, 8 * 3600 + 15 * 60);
  const token = "bench-admin-token";
  const { child, url } = await spawnServer(
    ["--replay", recordingDir, "--speed", "60", "--engine-thread", thread],
    { ADMIN_TOKEN: token },
  );
  try {
    const net = (await (await fetch(`${url}/api/network`)).json()) as {
      stations: Array<{ id: string; lat: number; lon: number }>;
    };
    // A dashboard's overview for everyone; one in ten on a station page; one in fifty on the train map.
    const topicsOf = (i: number) => {
      const t = [
        "status",
        "clock",
        "health",
        "bike-totals",
        "alerts",
        "outages",
        "charts:subway.delayed_trains",
      ];
      if (i % 10 === 0 && net.stations.length > 0) {
        const st = net.stations[(i / 10) % net.stations.length];
        t.push(`arrivals:${st.id}`, `bikes:near:${st.lat.toFixed(4)},${st.lon.toFixed(4)},400`);
      }
      if (i % 50 === 0) t.push("trains");
      return t;
    };
    let measuring = false;
    const delays: number[] = [];
    const freshness: number[] = [];
    const transport: number[] = [];
    let messages = 0;
    const bytesByTopic = new Map<string, number>();
    const freshnessByTopic = new Map<string, number[]>();
    // Paused while 1,000 clients connect (slow on a loaded machine), so the window sees the rush play.
    const admin = await rawClient(url, [], () => {});
    const replay = (action: "pause" | "play") =>
      admin.send(`42${JSON.stringify(["replay", { token, action }])}`);
    replay("pause");
    const sockets = await connectAll(url, CLIENTS, topicsOf, (m) => {
      if (!measuring) return;
      const now = Date.now();
      delays.push(now - m.w);
      freshness.push(now - m.n);
      transport.push(now - m.s);
      messages++;
      const family = m.topic.split(":")[0];
      bytesByTopic.set(family, (bytesByTopic.get(family) ?? 0) + m.bytes);
      let f = freshnessByTopic.get(family);
      if (!f) freshnessByTopic.set(family, (f = []));
      f.push(now - m.n);
    });
    replay("play");
    await sleep(2000);
    const before = await serverFigures(url);
    measuring = true;
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    await sleep(WINDOW_MS);
    const cpu = process.cpuUsage(cpu0);
    measuring = false;
    const secs = (Date.now() - t0) / 1000;
    const after = await serverFigures(url);
    for (const s of [...sockets, admin]) s.close();
    const note = `${CLIENTS} clients, demo 07:00-08:15 at 60x, ${messages} deltas received in ${secs.toFixed(0)} s`;
    const perTopic: BenchRow[] = [...bytesByTopic]
      .sort((a, b) => b[1] - a[1])
      .map(([family, bytes]) => ({
        suite: SUITE,
        name: `fan-out: ${family} bytes per client per second`,
        value: bytes / CLIENTS / secs,
        unit: "B/client/s",
        note: "deltas of this topic family, averaged over all clients",
      }));
    const freshnessRows: BenchRow[] = [...freshnessByTopic]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([family, xs]) => ({
        suite: SUITE,
        name: `fan-out: ${family} engine output -> receipt p99`,
        value: quantile(xs, 0.99),
        unit: "ms",
        note: `p50 ${quantile(xs, 0.5)} ms over ${xs.length} deltas`,
      }));
    return label(thread, [
      {
        suite: SUITE,
        name: "fan-out: send -> receipt p50",
        value: quantile(transport, 0.5),
        unit: "ms",
        note,
      },
      {
        suite: SUITE,
        name: "fan-out: send -> receipt p99",
        value: quantile(transport, 0.99),
        unit: "ms",
      },
      {
        suite: SUITE,
        name: "fan-out: engine output -> receipt p50",
        value: quantile(freshness, 0.5),
        unit: "ms",
        note: "the newest output a message carries: how old the state is when a client gets it",
      },
      {
        suite: SUITE,
        name: "fan-out: engine output -> receipt p99",
        value: quantile(freshness, 0.99),
        unit: "ms",
        note: "goal p99 < 100 ms",
      },
      {
        suite: SUITE,
        name: "fan-out: oldest change carried -> receipt p50",
        value: quantile(delays, 0.5),
        unit: "ms",
        note: "includes the deliberate coalescing: a topic's changes wait for the end of their burst and for its rate (one message per 250 ms on average; health 200 ms, trains 500 ms, bikes 1 s)",
      },
      {
        suite: SUITE,
        name: "fan-out: oldest change carried -> receipt p99",
        value: quantile(delays, 0.99),
        unit: "ms",
      },
      {
        suite: SUITE,
        name: "fan-out: server CPU",
        value: ((after.cpu - before.cpu) / secs) * 100,
        unit: "% of a core",
      },
      { suite: SUITE, name: "fan-out: server memory (RSS)", value: after.rss / 1e6, unit: "MB" },
      {
        suite: SUITE,
        name: "fan-out: server event-loop lag p99",
        value: after.lagP99 * 1000,
        unit: "ms",
        note: "mostly engine cycles of the dashboard graph at 60x",
      },
      {
        suite: SUITE,
        name: "fan-out: one flush of every topic to every client",
        value: ((after.flushSum - before.flushSum) / (after.flushCount - before.flushCount)) * 1000,
        unit: "ms",
        note: "mean; compute the deltas and broadcast them",
      },
      {
        suite: SUITE,
        name: "fan-out: client process CPU",
        value: ((cpu.user + cpu.system) / 1e6 / secs) * 100,
        unit: "% of a core",
        note: "the 1,000 clients share the machine's other core",
      },
      {
        suite: SUITE,
        name: "fan-out: bytes per client per second",
        value: (after.bytes - before.bytes) / CLIENTS / secs,
        unit: "B/client/s",
        note: "JSON payload bytes, mean over the mix of subscriptions",
      },
      ...perTopic,
      ...freshnessRows,
    ]);
  } finally {
    await stopServer(child);
  }
}

async function feedToClient(thread: EngineThread): Promise<BenchRow[]> {
  const CLIENTS = 100;
  const WINDOW_MS = 25_000;
  const slice = await recentSlice("bench-live");
  let template: { data: { stations: Array<Record<string, unknown>> } } & Record<string, unknown> = {
    data: { stations: [] },
  };
  for (const f of readRecording(slice.recordingDir, { feeds: ["gbfs-station-status"] }))
    template = JSON.parse(Buffer.from(f.body).toString());
  const served = new Map<Uint8Array, number>();
  const servedTimes: number[] = [];
  const mirror = await startFeedMirror(slice.recordingDir, (feed, body, at) => {
    if (feed === "gbfs-station-status" && !served.has(body)) {
      served.set(body, at);
      servedTimes.push(at);
    }
  });
  // A new station_status every second: one station's bike count moves, every station reports now.
  let k = 0;
  const nextStatus = () => {
    k++;
    const now = Math.floor(Date.now() / 1000);
    const stations = template.data.stations.map((s, i) => ({
      ...s,
      last_reported: now,
      ...(i === 0 ? { num_bikes_available: 1 + (k % 5), num_ebikes_available: 0 } : {}),
    }));
    mirror.override(
      "gbfs-station-status",
      Buffer.from(JSON.stringify({ ...template, ttl: 1, last_updated: now, data: { stations } })),
    );
  };
  nextStatus();
  const { child, url } = await spawnServer(["--live", "--gtfs", slice.gtfsDir, "--engine-thread", thread], {
    MTA_BASE_URL: mirror.bases.mta,
    GBFS_BASE_URL: mirror.bases.gbfs,
    WARMUP_HOURS: "0",
    DATA_DIR: mkdtempSync(join(tmpdir(), "bench-live-")),
  });
  const latencies: number[] = [];
  /** The same path in three legs: payload served -> engine output, -> sent by the hub, -> received. */
  const legs = { engine: [] as number[], hub: [] as number[], wire: [] as number[] };
  let measuring = false;
  try {
    const sockets = await connectAll(
      url,
      CLIENTS,
      () => ["bike-totals"],
      (m) => {
        if (!measuring || m.topic !== "bike-totals") return;
        const now = Date.now();
        // The payload that caused it: the newest one served before the engine output it.
        let at = Number.NaN;
        for (let i = servedTimes.length - 1; i >= 0; i--) {
          if (servedTimes[i] <= m.n) {
            at = servedTimes[i];
            break;
          }
        }
        if (Number.isNaN(at)) return;
        latencies.push(now - at);
        legs.engine.push(m.n - at);
        legs.hub.push(m.s - m.n);
        legs.wire.push(now - m.s);
      },
    );
    const timer = setInterval(nextStatus, 1000);
    await sleep(3000);
    measuring = true;
    await sleep(WINDOW_MS);
    measuring = false;
    clearInterval(timer);
    for (const s of sockets) s.close();
  } finally {
    await stopServer(child);
    await mirror.close();
  }
  const note = `${CLIENTS} clients on bike-totals, live mode, station_status changing every second (${latencies.length} receipts)`;
  return label(thread, [
    { suite: SUITE, name: "feed -> client p50", value: quantile(latencies, 0.5), unit: "ms", note },
    {
      suite: SUITE,
      name: "feed -> client p99",
      value: quantile(latencies, 0.99),
      unit: "ms",
      note: "goal p99 < 50 ms",
    },
    ...(["engine", "hub", "wire"] as const).map((leg) => ({
      suite: SUITE,
      name: `feed -> client, leg ${leg}: p50 / p99`,
      value: quantile(legs[leg], 0.99),
      unit: "ms",
      note: `p50 ${quantile(legs[leg], 0.5)} ms; ${
        {
          engine: "payload served -> engine output",
          hub: "engine output -> hub sends",
          wire: "hub sends -> client receives",
        }[leg]
      }`,
    })),
  ]);
}

export async function run(): Promise<BenchRow[]> {
  const part = process.env.BENCH_SERVER_PART;
  const threads: EngineThread[] = process.env.BENCH_SERVER_COMPARE ? ["worker", "main"] : ["worker"];
  const rows: BenchRow[] = [];
  for (const thread of threads) if (part !== "feed") rows.push(...(await fanOut(thread)));
  for (const thread of threads) if (part !== "fanout") rows.push(...(await feedToClient(thread)));
  return rows;
}
