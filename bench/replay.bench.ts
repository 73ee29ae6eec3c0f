/**
 * The demo day replayed headless: decode and recording read only, then with
 * every metric of the dashboard graph written out as the headless export
 * does (`npm run replay -- ... --headless --out day.jsonl`), then decode only
 * again; and the memory of the metric replay from hour 2 to hour 24.
 *
 * Each replay runs in a process of its own (bench/replay-run.ts, the Node
 * flags of this one), as `npm run replay` does: in one process a run
 * inherited the heap, garbage and compiled code of the runs before it and
 * came out 10-20 % slower, the metric run more than the decode-only one.
 * Each replay is timed in wall time and in CPU time of its process (all its
 * threads: GC included). On a machine shared with other work the CPU time is
 * the steadier figure; the ratio is taken against the mean of the two
 * decode-only runs around the metric run, so a burst of load hits both.
 * REPLAY_ROUNDS=N (default 1) alternates decode-only and metric runs N
 * times (D M D M ... D) and reports the median round: on a machine whose
 * speed drifts by 10% from one minute to the next, one round cannot tell a
 * 3% change.
 */
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readRecording, recordingInfo } from "../adapters/recording";
import { ensureDemoDay } from "../demo";
import { HOUR } from "../engine";
import type { ReplayRun, Timed } from "./replay-run";
import { timed } from "./replay-run";
import type { BenchRow } from "./types";

const runner = join(dirname(fileURLToPath(import.meta.url)), "replay-run.ts");

/** One replay in a fresh process with this one's Node flags (--expose-gc for the heap probes among them). */
function replayIn(kind: "decode" | "metrics", dir: string, gtfsDir: string): ReplayRun {
  const out = execFileSync(process.execPath, [...process.execArgv, runner, kind, dir, gtfsDir], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").at(-1) as string) as ReplayRun;
}

const s = (ms: number) => (ms / 1000).toFixed(1);

export async function run(): Promise<BenchRow[]> {
  const demo = await ensureDemoDay("data/demo");
  const dir = demo.recordingDir;
  const info = recordingInfo(dir);
  const hours = (info.end - info.start) / HOUR;

  let frames = 0;
  let bytes = 0;
  const read = timed(() => {
    for (const f of readRecording(dir)) {
      frames++;
      bytes += f.body.byteLength;
    }
  });

  const decodeOnly = () => replayIn("decode", dir, demo.gtfsDir);
  const withMetrics = () => replayIn("metrics", dir, demo.gtfsDir);

  const rounds = Math.max(1, Number(process.env.REPLAY_ROUNDS ?? 1) || 1);
  const decodes: ReplayRun[] = [decodeOnly()];
  const fulls: ReplayRun[] = [];
  for (let i = 0; i < rounds; i++) {
    fulls.push(withMetrics());
    decodes.push(decodeOnly());
  }
  const around = (i: number): Timed => ({
    wallMs: (decodes[i].wallMs + decodes[i + 1].wallMs) / 2,
    cpuMs: (decodes[i].cpuMs + decodes[i + 1].cpuMs) / 2,
  });
  // The round whose wall ratio is the median (the lower middle one for an even count).
  const order = fulls
    .map((_f, i) => i)
    .sort((a, b) => fulls[a].wallMs / around(a).wallMs - fulls[b].wallMs / around(b).wallMs);
  const median = order[Math.floor((rounds - 1) / 2)];
  const full = fulls[median];
  const decode = around(median);
  const [decode1, decode2] = [decodes[median], decodes[median + 1]];
  const roundRatios = fulls.map((f, i) => (f.wallMs / around(i).wallMs).toFixed(2)).join(", ");
  // Load from elsewhere only ever adds time: the fastest run of each kind is the least disturbed.
  const fastest = (runs: Timed[], key: keyof Timed) => Math.min(...runs.map((r) => r[key]));
  const times = (runs: Timed[]) => runs.map((r) => s(r.wallMs)).join(" / ");
  // The metric process's own peak (the kernel's), the highest of the rounds.
  const peakRss = Math.max(...fulls.map((f) => f.peakRss));
  const { heapByHour: heap, ticks, probes } = full;
  // heap[i] is taken at engine hour i + 1.
  const at = (h: number) => heap[h - 1];
  const growth = heap.length >= 24 ? (at(24) - at(2)) / 1e6 : Number.NaN;
  const mb = (b: number) => (b / 1e6).toFixed(0);
  const hourly = heap.map(mb).join(" ");
  const note = `demo day: ${frames} frames, ${(bytes / 1e6).toFixed(0)} MB of payloads, ${hours.toFixed(1)} h`;
  return [
    { suite: "replay", name: "recording read only", value: read.wallMs / 1000, unit: "s", note },
    {
      suite: "replay",
      name: "decode only (read + decode, engine)",
      value: decode.wallMs / 1000,
      unit: "s",
      note: `goal < 60 s; ${((hours * 3600_000) / decode.wallMs).toFixed(0)}x real time; runs ${s(decode1.wallMs)} / ${s(decode2.wallMs)} s; CPU ${s(decode.cpuMs)} s`,
    },
    {
      suite: "replay",
      name: "every metric, exported (JSONL)",
      value: full.wallMs / 1000,
      unit: "s",
      note: `${((hours * 3600_000) / full.wallMs).toFixed(0)}x real time; CPU ${s(full.cpuMs)} s; ${ticks} metric ticks; not counted: the hourly heap probes' forced GCs, ${s(probes.wallMs)} s (CPU ${s(probes.cpuMs)} s)`,
    },
    {
      suite: "replay",
      name: "every metric / decode only, wall",
      value: full.wallMs / decode.wallMs,
      unit: "x",
      note: `goal <= 2 (read strictly: the whole replay with metrics at most twice the decode-only one)${rounds > 1 ? `; median of ${rounds} rounds: ${roundRatios}` : ""}`,
    },
    {
      suite: "replay",
      name: "fastest metric run / fastest decode-only run",
      value: fastest(fulls, "wallMs") / fastest(decodes, "wallMs"),
      unit: "x",
      note: `wall (CPU ${(fastest(fulls, "cpuMs") / fastest(decodes, "cpuMs")).toFixed(2)}x); metric runs ${times(fulls)} s, decode-only runs ${times(decodes)} s`,
    },
    {
      suite: "replay",
      name: "every metric / decode only, CPU",
      value: full.cpuMs / decode.cpuMs,
      unit: "x",
      note: "the same on CPU time (steadier on a shared machine)",
    },
    {
      suite: "replay",
      name: "the metrics' own cost / decode only, wall",
      value: (full.wallMs - decode.wallMs) / decode.wallMs,
      unit: "x",
      note: "the other reading of the goal: what the metrics add, against what decoding costs",
    },
    {
      suite: "replay",
      name: "GC pauses of the metric run (main thread)",
      value: (full.gcPauseMs.minor + full.gcPauseMs.major) / 1000,
      unit: "s",
      note: `young generation ${s(full.gcPauseMs.minor)} s, the rest ${s(full.gcPauseMs.major)} s; decode-only runs around it: ${[decode1, decode2].map((d) => s(d.gcPauseMs.minor + d.gcPauseMs.major)).join(" / ")} s (the state the metrics keep is copied by every scavenge)`,
    },
    {
      suite: "replay",
      name: "peak RSS, full day with metrics",
      value: peakRss / 1e6,
      unit: "MB",
      note: "goal < 500; highest of the metric runs' processes",
    },
    {
      suite: "replay",
      name: "heap growth hour 2 -> hour 24",
      value: growth,
      unit: "MB",
      note: heap.length
        ? `after a forced GC at each engine hour; goal ~flat. Heap by hour (MB): ${hourly}`
        : "no --expose-gc: not forced (run with npm run bench)",
    },
  ];
}
