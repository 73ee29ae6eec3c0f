/**
 * One replay of the demo day in this process, as `npm run replay -- <dir>
 * --headless` runs it: the replay bench starts one of these per run, so
 * that no run inherits the heap, the compiled code or the garbage of the
 * runs before it. Prints one JSON line (ReplayRun) on stdout.
 *
 *   node --expose-gc <nodeFlags> --import tsx bench/replay-run.ts decode|metrics <recording dir> <gtfs dir> [--turns] [--profile]
 *
 * --profile: the engine's per-node profile (one cycle in 5 timed) in `nodes`: where the time goes.
 *
 * --turns: the replay takes turns with another one, hour by hour of engine
 * time. It waits for a byte on stdin before it starts and at each engine hour;
 * each time it stops it prints the turn it ran (a Turn line) first. The bench
 * runs a decode-only and a metric replay that way, one while the other waits,
 * so that both see the machine as it is in the same minute (its speed drifts
 * by 25 % over minutes: whole runs one after the other cannot be compared).
 */
import { readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { MetricFileWriter } from "../adapters/export/metric-writer";
import { decodeFeeds, replayPayloads } from "../adapters/feed-graph";
import { Engine, HOUR, node, type Series, sink, timer } from "../engine";
import { dashboardGraph } from "../transit/dashboard";
import { loadRecordingNetwork } from "../transit/recording-network";

export interface Timed {
  wallMs: number;
  cpuMs: number;
}

/** One turn of a replay taking turns (--turns): its time, the heap probes' left out. */
export interface Turn extends Timed {
  turn: number;
  /** The replay ended with this turn. */
  last: boolean;
}

/** What one run measured: its time less the heap probes', and for a metric run its ticks and memory. */
export interface ReplayRun extends Timed {
  /** The hourly heap probes' own time (forced GCs), left out of wallMs and cpuMs. */
  probes: Timed;
  ticks: number;
  /** Heap after a forced GC at each engine hour (bytes); empty without --expose-gc or for decode only. */
  heapByHour: number[];
  /** The process's peak resident set (bytes). */
  peakRss: number;
  /** Garbage collection pauses of the main thread during the run (ms), the probes' forced ones left out. */
  gcPauseMs: { minor: number; major: number };
  /** With --profile: the engine's estimate of each node's time (ms), the costliest first. */
  nodes?: { name: string; estMs: number }[];
}

/** Sums the main thread's GC pauses from now on: young-generation (scavenges) and the rest. */
function gcPauses(): { minor: number; major: number; stop: () => void } {
  const sums = { minor: 0, major: 0, stop: () => observer.disconnect() };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const detail = (e as PerformanceEntry & { detail?: { kind?: number; flags?: number } }).detail;
      if (((detail?.flags ?? 0) & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0) continue; // the heap probes'
      if (detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) sums.minor += e.duration;
      else sums.major += e.duration;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  return sums;
}

const gc = (globalThis as { gc?: () => void }).gc;

export function timed(work: () => void): Timed {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  work();
  const c = process.cpuUsage(c0);
  return { wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

/** The heap after a forced GC at each engine hour; the probes' own time is added to `spent`. */
function heapEveryHour(spent: Timed): Series<number> {
  return node({
    name: "heap_probe",
    inputs: { hour: timer(HOUR) },
    onTick: () => {
      let heapUsed = 0;
      const t = timed(() => {
        gc?.();
        heapUsed = process.memoryUsage().heapUsed;
      });
      spent.wallMs += t.wallMs;
      spent.cpuMs += t.cpuMs;
      return heapUsed;
    },
  });
}

const goByte = Buffer.alloc(1);
const napCell = new Int32Array(new SharedArrayBuffer(4));

/** Blocks until the bench writes a byte on stdin: the engine's loop is synchronous, so the wait must be. */
function waitForGo(): void {
  for (;;) {
    try {
      if (readSync(0, goByte, 0, 1, null) === 1) return;
      throw new Error("replay-run: stdin closed while waiting for the next turn");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(napCell, 0, 0, 1); // a non-blocking pipe: poll every millisecond
    }
  }
}

/**
 * With --turns, ends a turn on each call: prints it (less the heap probes' time spent in it) and waits
 * for the next go. Without, does nothing.
 */
function turnTaker(
  enabled: boolean,
  probes: Timed,
): { begin(): void; end(last: boolean): void; spent: Timed } {
  const spent: Timed = { wallMs: 0, cpuMs: 0 };
  let turn = 0;
  let c0 = process.cpuUsage();
  let t0 = 0;
  let probes0: Timed = { ...probes };
  const begin = () => {
    if (!enabled) return;
    waitForGo();
    c0 = process.cpuUsage();
    t0 = performance.now();
    probes0 = { ...probes };
  };
  return {
    begin,
    spent,
    end(last) {
      if (!enabled) return;
      const c = process.cpuUsage(c0);
      const report: Turn = {
        turn: turn++,
        last,
        wallMs: performance.now() - t0 - (probes.wallMs - probes0.wallMs),
        cpuMs: (c.user + c.system) / 1000 - (probes.cpuMs - probes0.cpuMs),
      };
      spent.wallMs += report.wallMs;
      spent.cpuMs += report.cpuMs;
      writeSync(1, `${JSON.stringify(report)}\n`); // synchronous: the wait that follows blocks the event loop
      if (!last) begin();
    },
  };
}

async function main(): Promise<void> {
  const [kind, dir, gtfsDir, ...flags] = process.argv.slice(2);
  if ((kind !== "decode" && kind !== "metrics") || !dir || !gtfsDir)
    throw new Error("usage: replay-run.ts decode|metrics <recording dir> <gtfs dir> [--turns] [--profile]");
  const { network, start, end } = await loadRecordingNetwork(dir, gtfsDir);
  // As the headless export, stop after the last payload (the clock would tick forever), but at the
  // day's last whole hour at least: the hourly heap sample and turn of hour 24 are taken.
  const dayEnd = Math.max(end, start + Math.ceil((end - start) / HOUR) * HOUR);
  const probes: Timed = { wallMs: 0, cpuMs: 0 };
  const takingTurns = flags.includes("--turns");
  const profileEvery = flags.includes("--profile") ? 5 : 0;
  let engine: Engine | undefined;
  const turns = turnTaker(takingTurns, probes);
  const hourly = () => sink("turn", timer(HOUR), () => turns.end(false));
  const heapByHour: number[] = [];
  let ticks = 0;
  let measured: Timed;
  const pauses = gcPauses();
  turns.begin();
  if (kind === "decode") {
    measured = timed(() => {
      engine = new Engine(
        () => {
          const d = decodeFeeds(replayPayloads(dir));
          sink("decoded", d.health, () => {});
          hourly();
        },
        { start, end: dayEnd, profileEvery },
      );
      engine.runSimulation();
    });
  } else {
    const out = join(tmpdir(), `replay-bench-${process.pid}.jsonl`);
    measured = timed(() => {
      const writer = new MetricFileWriter(out);
      engine = new Engine(
        () => {
          const d = dashboardGraph(replayPayloads(dir), network);
          sink("export", d.metrics, (_t, m) => {
            for (const tk of m) writer.write(tk);
          });
          if (gc) sink("heap", heapEveryHour(probes), (_t, h) => heapByHour.push(h));
          hourly();
        },
        { start, end: dayEnd, profileEvery },
      );
      engine.runSimulation();
      writer.close();
      ticks = writer.count;
    });
    rmSync(out, { force: true });
  }
  turns.end(true);
  // GC entries reach the observer from the event loop: the run held it the whole time.
  await new Promise((resolve) => setTimeout(resolve, 50));
  pauses.stop();
  const run: ReplayRun = {
    // Taking turns, the waits between them are left out too.
    ...(takingTurns
      ? turns.spent
      : { wallMs: measured.wallMs - probes.wallMs, cpuMs: measured.cpuMs - probes.cpuMs }),
    probes,
    ticks,
    heapByHour,
    peakRss: process.resourceUsage().maxRSS * 1024,
    gcPauseMs: { minor: pauses.minor, major: pauses.major },
    nodes: profileEvery ? engine?.profile().nodes.map((n) => ({ name: n.name, estMs: n.estMs })) : undefined,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

if (process.argv[1]?.endsWith("replay-run.ts")) await main();
