import { monitorEventLoopDelay } from "node:perf_hooks";
import pino from "pino";
import { readEnv } from "/work/main/server/config";
import { startServer } from "/work/main/server/start";
import { demoSlice } from "/work/main/server/testing";

const { recordingDir } = await demoSlice("bench-fanout", 7 * 3600, 8 * 3600 + 15 * 60);
const s = await startServer({
  source: { kind: "replay", dir: recordingDir, speed: 60 },
  port: 0,
  next: false,
  env: readEnv({} as any),
  logger: pino({ level: "warn" }),
});
const h = monitorEventLoopDelay({ resolution: 5 });
h.enable();
// long tasks
let last = performance.now();
const long: number[] = [];
const iv = setInterval(() => {
  const now = performance.now();
  if (now - last > 60) long.push(Math.round(now - last));
  last = now;
}, 10);
await new Promise((r) => setTimeout(r, 20000));
clearInterval(iv);
console.log(
  "lag p50",
  h.percentile(50) / 1e6,
  "p99",
  h.percentile(99) / 1e6,
  "max",
  h.max / 1e6,
  "long gaps",
  long.slice(0, 40),
);
const p = s.runner.profile()!;
console.log("cycles", p.cycles, "estCycleMs", p.estCycleMs);
for (const n of p.nodes.slice(0, 15)) console.log(n.name, n.evals, n.estMs.toFixed(1));
await s.close();
