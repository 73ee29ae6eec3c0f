import pino from "pino";
import { io } from "socket.io-client";
import { readEnv } from "/work/main/server/config";
import { startServer } from "/work/main/server/start";

const t0 = performance.now();
const s = await startServer({
  source: { kind: "replay", dir: "/tmp/srv/demo-part/recording", speed: 60 },
  port: 0,
  next: false,
  env: readEnv({ DATA_DIR: "/tmp/srv/data" } as any),
  logger: pino({ level: "info" }),
});
console.log("started", s.url, performance.now() - t0);
const c = io(s.url, { transports: ["websocket"] });
const sizes: Record<string, number[]> = {};
c.on("hello", (h) => {
  console.log("hello", h);
  c.emit(
    "subscribe",
    {
      topics: [
        "status",
        "trains",
        "health",
        "clock",
        "bike-totals",
        "bikes",
        "alerts",
        "outages",
        "charts:subway.trains_running",
        "graph",
      ],
    },
    (a: any) => console.log("ack", a),
  );
});
c.on("snapshot", (m) => {
  const n = JSON.stringify(m).length;
  console.log("snapshot", m.topic, m.seq, n, Array.isArray(m.data) ? m.data.length : typeof m.data);
});
c.on("delta", (m) => {
  (sizes[m.topic] ??= []).push(JSON.stringify(m).length);
});
c.on("refused", (m) => console.log("refused", m));
await new Promise((r) => setTimeout(r, 15000));
for (const [k, v] of Object.entries(sizes))
  console.log(
    k,
    v.length,
    "msgs",
    v.reduce((a, b) => a + b, 0),
    "bytes",
  );
const r = await fetch(s.url + "/api/state");
const st = await r.json();
console.log(
  "state",
  Object.fromEntries(
    Object.entries(st).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.length : v && typeof v === "object" ? Object.keys(v).length : v,
    ]),
  ),
);
console.log(
  (await (await fetch(s.url + "/metrics")).text())
    .split("\n")
    .filter((l) => l.startsWith("transit_"))
    .slice(0, 30)
    .join("\n"),
);
c.close();
await s.close();
console.log("closed");
