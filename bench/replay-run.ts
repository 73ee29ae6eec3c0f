/**
 * One replay of the demo day in this process, as `npm run replay -- <dir>
 * --headless` runs it: the replay bench starts one of these per run, so
 * that no run inherits the heap, the compiled code or the garbage of the
 * runs before it. Prints one JSON line (ReplayRun) on stdout.
 *
 *   node --expose-gc <nodeFlags> --import tsx bench/replay-run.ts decode|metrics <recording dir> <gtfs dir>
 */
import { rmSync } from "node:fs";
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

async function main(): Promise<void> {
  const [kind, dir, gtfsDir] = process.argv.slice(2);
  if ((kind !== "decode" && kind !== "metrics") || !dir || !gtfsDir)
    throw new Error("usage: replay-run.ts decode|metrics <recording dir> <gtfs dir>");
  const { network, start, end } = await loadRecordingNetwork(dir, gtfsDir);
  const probes: Timed = { wallMs: 0, cpuMs: 0 };
  const heapByHour: number[] = [];
  let ticks = 0;
  let measured: Timed;
  const pauses = gcPauses();
  if (kind === "decode") {
    measured = timed(() =>
      new Engine(
        () => {
          const d = decodeFeeds(replayPayloads(dir));
          sink("decoded", d.health, () => {});
        },
        { start },
      ).runSimulation(),
    );
  } else {
    const out = join(tmpdir(), `replay-bench-${process.pid}.jsonl`);
    const hours = Math.ceil((end - start) / HOUR);
    measured = timed(() => {
      const writer = new MetricFileWriter(out);
      new Engine(
        () => {
          const d = dashboardGraph(replayPayloads(dir), network);
          sink("export", d.metrics, (_t, m) => {
            for (const tk of m) writer.write(tk);
          });
          if (gc) sink("heap", heapEveryHour(probes), (_t, h) => heapByHour.push(h));
        },
        // As the headless export, stop after the last payload (the clock would tick forever), but at the
        // day's last whole hour at least, so that the hourly heap sample of hour 24 is taken.
        { start, end: Math.max(end, start + hours * HOUR) },
      ).runSimulation();
      writer.close();
      ticks = writer.count;
    });
    rmSync(out, { force: true });
  }
  // GC entries reach the observer from the event loop: the run held it the whole time.
  await new Promise((resolve) => setTimeout(resolve, 50));
  pauses.stop();
  const run: ReplayRun = {
    wallMs: measured.wallMs - probes.wallMs,
    cpuMs: measured.cpuMs - probes.cpuMs,
    probes,
    ticks,
    heapByHour,
    peakRss: process.resourceUsage().maxRSS * 1024,
    gcPauseMs: { minor: pauses.minor, major: pauses.major },
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

if (process.argv[1]?.endsWith("replay-run.ts")) await main();
