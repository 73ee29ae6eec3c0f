/**
 * The every-metric replay of bench/replay.bench.ts over the first hours of
 * the demo day, with the engine's per-node profile printed at the end: run
 * under `node --cpu-prof --import tsx` for a V8 profile of the same work.
 *
 *   node --import tsx transit/bench/profile-replay.ts [hours=6] [--decode-only | --only subway|bikes] [--profile-every N]
 *
 * --only runs one sub-graph on the decoded feeds, its metrics exported: what it costs alone.
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MetricFileWriter } from "../../adapters/export/metric-writer";
import { decodeFeeds, replayPayloads } from "../../adapters/feed-graph";
import { Engine, HOUR, MINUTE, type Series, sink, timer } from "../../engine";
import { bikesGraph } from "../bikes";
import type { MetricTick } from "../contract";
import { dashboardGraph } from "../dashboard";
import { loadRecordingNetwork } from "../recording-network";
import { subwayGraph } from "../subway";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 1).length > 0 : false;
};
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const decodeOnly = flag("--decode-only");
const profileEvery = Number(option("--profile-every") ?? 0);
const only = option("--only");
const hours = Number(args[0] ?? 6);
const dir = "data/demo/recording";

const { network, start } = await loadRecordingNetwork(dir);
const end = start + hours * HOUR;
const out = join(tmpdir(), `profile-replay-${process.pid}.jsonl`);
const writer = new MetricFileWriter(out);
const c0 = process.cpuUsage();
const t0 = performance.now();
const engine = new Engine(
  () => {
    const payloads = replayPayloads(dir, { to: end });
    if (decodeOnly) {
      sink("decoded", decodeFeeds(payloads).health, () => {});
      return;
    }
    let metrics: Series<MetricTick[]>;
    if (only) {
      const feeds = decodeFeeds(payloads);
      const clock = timer(MINUTE, true);
      metrics =
        only === "subway"
          ? subwayGraph({ snapshots: feeds.subway, network, clock }).metrics
          : bikesGraph({
              info: feeds.stationInformation,
              status: feeds.stationStatus,
              regions: feeds.systemRegions,
              clock,
            }).metrics;
    } else metrics = dashboardGraph(payloads, network).metrics;
    sink("export", metrics, (_t, m) => {
      for (const tk of m) writer.write(tk);
    });
  },
  { start, end, profileEvery },
);
engine.runSimulation();
writer.close();
rmSync(out, { force: true });
const c = process.cpuUsage(c0);
console.log(
  `${hours} h${decodeOnly ? " decode only" : only ? ` ${only} only` : ""}: ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ` +
    `${((c.user + c.system) / 1e6).toFixed(1)} s CPU, ${writer.count} ticks, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
if (profileEvery > 0) {
  const p = engine.profile();
  console.log(`cycles ${p.cycles}, est. ${p.estCycleMs.toFixed(0)} ms in cycles`);
  for (const n of p.nodes.slice(0, 30))
    console.log(`${n.estMs.toFixed(0).padStart(7)} ms  ${String(n.evals).padStart(8)}  ${n.name}`);
}
