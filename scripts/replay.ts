/**
 * npm run replay -- <recording> --headless --out <file.jsonl|file.csv> [--from HH:MM] [--to HH:MM] [--metrics a,b]
 *   Replays a recording through the dashboard graph as fast as possible, no server, writing every metric tick.
 * npm run replay -- <recording> [--speed N] [--from HH:MM]
 *   Starts the server on the recording, paced (see README).
 */

import { MetricFileWriter } from "../adapters/export/metric-writer";
import { replayPayloads } from "../adapters/feed-graph";
import { Engine, sink } from "../engine";
import { parseClock, parseFlags } from "../server/config";
import { METRIC_NAMES } from "../transit/contract";
import { dashboardGraph } from "../transit/dashboard";
import { loadRecordingNetwork } from "../transit/recording-network";
import { startOfLocalDay } from "../util/time-zone";

const { values, positionals } = parseFlags(process.argv.slice(2), {
  headless: { type: "boolean" },
  out: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  metrics: { type: "string" },
  speed: { type: "string" },
  port: { type: "string" },
  help: { type: "boolean" },
});
const dir = positionals[0];
if (values.help || !dir) {
  console.log(
    "usage: npm run replay -- <recording> --headless --out <file.jsonl|csv> [--from HH:MM] [--to HH:MM] [--metrics a,b]\n" +
      "       npm run replay -- <recording> [--speed N] [--from HH:MM] [--port N]",
  );
  process.exit(values.help ? 0 : 2);
}

if (values.headless) {
  if (!values.out) throw new Error("--headless needs --out <file.jsonl|file.csv>");
  const { network, start, end } = await loadRecordingNetwork(dir);
  const day = startOfLocalDay(start);
  const metrics = values.metrics ? new Set(values.metrics.split(",").map((s) => s.trim())) : undefined;
  for (const m of metrics ?? []) {
    if (!(METRIC_NAMES as readonly string[]).includes(m))
      throw new Error(`unknown metric '${m}' (see README)`);
  }
  const from = values.from ? parseClock(values.from, day) : undefined;
  const to = values.to ? parseClock(values.to, day) : undefined;
  const writer = new MetricFileWriter(values.out, { from, to, metrics });
  const t0 = performance.now();
  const result = new Engine(
    () => {
      // Metrics need their history: the replay always starts at the beginning and exports from --from.
      const d = dashboardGraph(replayPayloads(dir, { to }), network);
      sink("export", d.metrics, (_t, ticks) => {
        for (const m of ticks) writer.write(m);
      });
    },
    // The clock would tick forever after the recording: stop at its last payload (or --to).
    { start, end: to ?? end },
  ).runSimulation();
  writer.close();
  const secs = (performance.now() - t0) / 1000;
  console.log(
    `replayed ${result.cycles} cycles (${((result.lastTime - start) / 3_600_000).toFixed(1)} h of feeds) in ${secs.toFixed(1)} s; ` +
      `wrote ${writer.count} metric ticks to ${values.out}`,
  );
} else {
  const { startServer } = await import("../server/start");
  const server = await startServer({
    source: {
      kind: "replay",
      dir,
      speed: values.speed ? Number(values.speed) : undefined,
      from: values.from,
    },
    port: values.port ? Number(values.port) : undefined,
  });
  console.log(`replaying ${dir} at ${server.url}`);
}
