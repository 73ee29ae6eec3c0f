/**
 * The demo day replayed headless: decode and recording read only, then with
 * every metric of the dashboard graph, and its memory from hour 2 to hour 24.
 */
import { decodeFeeds, replayPayloads } from "../adapters/feed-graph";
import { readRecording } from "../adapters/recording";
import { ensureDemoDay } from "../demo";
import { Engine, HOUR, node, type Series, sink, timer } from "../engine";
import { dashboardGraph } from "../transit/dashboard";
import { loadRecordingNetwork } from "../transit/recording-network";
import type { BenchRow } from "./types";

const gc = (globalThis as { gc?: () => void }).gc;

function heapEveryHour(): Series<number> {
  return node({
    name: "heap_probe",
    inputs: { hour: timer(HOUR) },
    onTick: () => {
      gc?.();
      return process.memoryUsage().heapUsed;
    },
  });
}

export async function run(): Promise<BenchRow[]> {
  const demo = await ensureDemoDay("data/demo");
  const dir = demo.recordingDir;
  const { network, start, end } = await loadRecordingNetwork(dir, demo.gtfsDir);
  const hours = (end - start) / HOUR;

  let t0 = performance.now();
  let frames = 0;
  let bytes = 0;
  for (const f of readRecording(dir)) {
    frames++;
    bytes += f.body.byteLength;
  }
  const readMs = performance.now() - t0;

  t0 = performance.now();
  new Engine(
    () => {
      const d = decodeFeeds(replayPayloads(dir));
      sink("decoded", d.health, () => {});
    },
    { start },
  ).runSimulation();
  const decodeMs = performance.now() - t0;

  const heap: number[] = [];
  let peakRss = 0;
  t0 = performance.now();
  new Engine(
    () => {
      const d = dashboardGraph(replayPayloads(dir), network);
      let _ticks = 0;
      sink("metrics", d.metrics, (_t, m) => {
        _ticks += m.length;
      });
      sink("heap", heapEveryHour(), (_t, h) => {
        heap.push(h);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      });
    },
    { start },
  ).runSimulation();
  const fullMs = performance.now() - t0;
  const growth = heap.length > 23 ? (heap[23] - heap[1]) / 1e6 : Number.NaN;
  const note = `demo day: ${frames} frames, ${(bytes / 1e6).toFixed(0)} MB of payloads, ${hours.toFixed(1)} h`;
  return [
    { suite: "replay", name: "recording read only", value: readMs / 1000, unit: "s", note },
    {
      suite: "replay",
      name: "decode only (read + decode, engine)",
      value: decodeMs / 1000,
      unit: "s",
      note: `goal < 60 s; ${((hours * 3600_000) / decodeMs).toFixed(0)}x real time`,
    },
    {
      suite: "replay",
      name: "every metric",
      value: fullMs / 1000,
      unit: "s",
      note: `${((hours * 3600_000) / fullMs).toFixed(0)}x real time`,
    },
    {
      suite: "replay",
      name: "metrics cost / decode only",
      value: fullMs / decodeMs,
      unit: "x",
      note: "goal <= 2",
    },
    {
      suite: "replay",
      name: "peak RSS, full day with metrics",
      value: peakRss / 1e6,
      unit: "MB",
      note: "goal < 500",
    },
    {
      suite: "replay",
      name: "heap growth hour 2 -> hour 24",
      value: growth,
      unit: "MB",
      note: gc
        ? "after a forced GC at each engine hour; goal ~flat"
        : "no --expose-gc: not forced (run with npm run bench)",
    },
  ];
}
