/**
 * The demo day replayed headless: decode and recording read only, then with
 * every metric of the dashboard graph written out as the headless export
 * does (`npm run replay -- ... --headless --out day.jsonl`), against the
 * same replay with decoding only; and the memory of the metric replay from
 * hour 2 to hour 24.
 *
 * Each replay runs in a process of its own (bench/replay-run.ts, the Node
 * flags of this one), as `npm run replay` does: in one process a run
 * inherited the heap, garbage and compiled code of the runs before it and
 * came out 10-20 % slower. The two replays take turns, hour by hour of
 * engine time (one waits while the other runs its hour): this machine's
 * speed drifts by 25 % from one minute to the next, so whole runs one after
 * the other compared the load of different minutes, and only the turns
 * compare like with like. Each is timed in wall time and in CPU time of its
 * process (all its threads: GC included). REPLAY_ROUNDS=N (default 1) runs
 * N such pairs and reports the median.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { readRecording, recordingInfo } from "../adapters/recording";
import { ensureDemoDay } from "../demo";
import { HOUR } from "../engine";
import type { ReplayRun, Timed, Turn } from "./replay-run";
import { timed } from "./replay-run";
import type { BenchRow } from "./types";

const runner = join(dirname(fileURLToPath(import.meta.url)), "replay-run.ts");

/** One replay in a fresh process with this one's Node flags (--expose-gc for the heap probes among them), run turn by turn. */
class TurnTakingReplay {
  readonly turns: Turn[] = [];
  private readonly lines: AsyncIterator<string>;
  private readonly exited: Promise<number | null>;
  private readonly kind: string;
  private readonly stdin: NodeJS.WritableStream;
  /** Ends the process (one whose partner failed would wait for its next turn forever). */
  readonly kill: () => void;

  constructor(kind: "decode" | "metrics", dir: string, gtfsDir: string, flags: string[]) {
    this.kind = kind;
    const child = spawn(
      process.execPath,
      [...process.execArgv, runner, kind, dir, gtfsDir, "--turns", ...flags],
      { stdio: ["pipe", "pipe", "inherit"] },
    );
    this.stdin = child.stdin;
    this.kill = () => child.kill();
    this.lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    this.exited = new Promise((resolve) => child.on("exit", resolve));
  }

  get done(): boolean {
    return this.turns.at(-1)?.last === true;
  }

  /** Lets it run its next turn; resolves when it waits again (or has ended). */
  async turn(): Promise<void> {
    this.stdin.write("g");
    this.turns.push((await this.nextJson()) as Turn);
  }

  /** What the replay measured, once its last turn is done. */
  async result(): Promise<ReplayRun> {
    const run = (await this.nextJson()) as ReplayRun;
    this.stdin.end();
    const code = await this.exited;
    if (code !== 0) throw new Error(`replay-run ${this.kind} exited with ${code}`);
    return run;
  }

  private async nextJson(): Promise<unknown> {
    for (;;) {
      const { value, done } = await this.lines.next();
      if (done)
        throw new Error(`replay-run ${this.kind} ended without reporting (exit ${await this.exited})`);
      if (value.startsWith("{")) return JSON.parse(value);
    }
  }
}

interface Pair {
  decode: ReplayRun;
  metrics: ReplayRun;
  /** Per turn (engine hour), metric replay's wall time over decode-only's. */
  hourly: number[];
}

/** A decode-only and a metric replay taking turns, hour by hour; which goes first alternates. */
export async function replayPair(dir: string, gtfsDir: string, flags: string[] = []): Promise<Pair> {
  const decode = new TurnTakingReplay("decode", dir, gtfsDir, flags);
  const metrics = new TurnTakingReplay("metrics", dir, gtfsDir, flags);
  try {
    for (let i = 0; !decode.done || !metrics.done; i++) {
      for (const r of i % 2 === 0 ? [decode, metrics] : [metrics, decode]) if (!r.done) await r.turn();
    }
    const hourly: number[] = [];
    for (let i = 0; i < Math.min(decode.turns.length, metrics.turns.length); i++)
      if (decode.turns[i].wallMs > 100) hourly.push(metrics.turns[i].wallMs / decode.turns[i].wallMs); // not the empty last turn
    return { decode: await decode.result(), metrics: await metrics.result(), hourly };
  } catch (e) {
    decode.kill();
    metrics.kill();
    throw e;
  }
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

  const rounds = Math.max(1, Number(process.env.REPLAY_ROUNDS ?? 1) || 1);
  const pairs: Pair[] = [];
  for (let i = 0; i < rounds; i++) pairs.push(await replayPair(dir, demo.gtfsDir));
  const wallRatio = (p: Pair) => p.metrics.wallMs / p.decode.wallMs;
  // The round whose wall ratio is the median (the lower middle one for an even count).
  const order = pairs.map((_p, i) => i).sort((a, b) => wallRatio(pairs[a]) - wallRatio(pairs[b]));
  const { decode, metrics: full, hourly: hourlyRatios } = pairs[order[Math.floor((rounds - 1) / 2)]];
  const roundRatios = pairs.map((p) => wallRatio(p).toFixed(2)).join(", ");
  const sorted = [...hourlyRatios].sort((a, b) => a - b);
  const hourSpread = `hour by hour ${sorted[0]?.toFixed(2)}-${sorted.at(-1)?.toFixed(2)}x (median ${sorted[Math.floor((sorted.length - 1) / 2)]?.toFixed(2)}x)`;
  const times = (runs: Timed[]) => runs.map((r) => s(r.wallMs)).join(" / ");
  const fulls = pairs.map((p) => p.metrics);
  const decodes = pairs.map((p) => p.decode);
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
      note: `goal < 60 s; ${((hours * 3600_000) / decode.wallMs).toFixed(0)}x real time; CPU ${s(decode.cpuMs)} s${rounds > 1 ? `; runs ${times(decodes)} s` : ""}`,
    },
    {
      suite: "replay",
      name: "every metric, exported (JSONL)",
      value: full.wallMs / 1000,
      unit: "s",
      note: `${((hours * 3600_000) / full.wallMs).toFixed(0)}x real time; CPU ${s(full.cpuMs)} s${rounds > 1 ? `; runs ${times(fulls)} s` : ""}; ${ticks} metric ticks; not counted: the hourly heap probes' forced GCs, ${s(probes.wallMs)} s (CPU ${s(probes.cpuMs)} s)`,
    },
    {
      suite: "replay",
      name: "every metric / decode only, wall",
      value: full.wallMs / decode.wallMs,
      unit: "x",
      note: `goal <= 2 (read strictly: the whole replay with metrics at most twice the decode-only one); the two taking turns hour by hour, ${hourSpread}${rounds > 1 ? `; median of ${rounds} pairs: ${roundRatios}` : ""}`,
    },
    {
      suite: "replay",
      name: "every metric / decode only, CPU",
      value: full.cpuMs / decode.cpuMs,
      unit: "x",
      note: "the same on CPU time of each process (its GC threads included)",
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
      note: `young generation ${s(full.gcPauseMs.minor)} s, the rest ${s(full.gcPauseMs.major)} s; the decode-only run's: ${s(decode.gcPauseMs.minor + decode.gcPauseMs.major)} s (the state the metrics keep is copied by every scavenge)`,
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
