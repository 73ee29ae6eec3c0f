/**
 * Feeds the demo day's frames to a sink (the recording writer), either in
 * this thread or, to use a second core, from a worker thread that simulates
 * and encodes while this thread compresses and writes. Both give the same
 * frames in the same order.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { RecordedPayload } from "../../adapters/recording/types";
import { demoDayFrames } from "./day";
import type { FramesJob, WorkerMessage } from "./frames-protocol";
import { buildDemoWorld } from "./world";

export interface DayJob {
  seed: number;
  date: string;
  timeZone?: string;
  fromS?: number;
  toS?: number;
  /** Only these feeds (default all). */
  feeds?: readonly string[];
}

export interface WriteFramesOptions {
  /** Simulate in a worker thread (default true; in this thread where tsx is not installed). */
  worker?: boolean;
  onProgress?: (doneS: number, fromS: number, toS: number) => void;
}

export type FrameSink = (frame: RecordedPayload) => void;

/** The worker is TypeScript: a small script loads it through tsx (whatever runs this thread: tsx, vitest). */
const TS_BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.tsxApi).then((tsx) => tsx.tsImport(workerData.entry, workerData.entry)).catch((e) => {
  require("node:worker_threads").parentPort.postMessage({ type: "error", message: String(e && e.stack || e) });
});
`;

export function writeFramesInThread(
  job: DayJob,
  sink: FrameSink,
  onProgress?: WriteFramesOptions["onProgress"],
): void {
  const world = buildDemoWorld(job);
  for (const f of demoDayFrames(world, { fromS: job.fromS, toS: job.toS, feeds: job.feeds, onProgress }))
    sink(f);
}

function writeFramesInWorker(
  job: DayJob,
  tsxApi: string,
  sink: FrameSink,
  onProgress?: WriteFramesOptions["onProgress"],
): Promise<void> {
  const consumed = new SharedArrayBuffer(4);
  const counter = new Int32Array(consumed);
  const data: FramesJob = { ...job, consumed };
  const worker = new Worker(TS_BOOTSTRAP, {
    eval: true,
    workerData: {
      ...data,
      tsxApi,
      entry: new URL("./frames-worker.ts", import.meta.url).href,
    },
  });
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (err) reject(err);
      else resolve();
    };
    worker.on("message", (msg: WorkerMessage) => {
      try {
        if (msg.type === "frames") {
          for (const f of msg.frames)
            sink({ ...f, body: new Uint8Array(f.body.buffer, f.body.byteOffset, f.body.byteLength) });
          Atomics.add(counter, 0, 1);
          Atomics.notify(counter, 0);
        } else if (msg.type === "progress") onProgress?.(msg.doneS, msg.fromS, msg.toS);
        else if (msg.type === "done") finish();
        else finish(new Error(`demo worker failed: ${msg.message}`));
      } catch (e) {
        finish(e as Error);
      }
    });
    worker.on("error", (e) => finish(e));
    worker.on("exit", (code) =>
      finish(code === 0 ? undefined : new Error(`demo worker exited with code ${code}`)),
    );
  });
}

/** tsx's ESM API, which the worker needs to load TypeScript; undefined where tsx is not installed. */
function tsxApiUrl(): string | undefined {
  try {
    // The ESM build (its CommonJS build cannot find its loader from an eval'd worker).
    return pathToFileURL(
      createRequire(import.meta.url)
        .resolve("tsx/esm/api")
        .replace(/\.cjs$/, ".mjs"),
    ).href;
  } catch {
    return undefined;
  }
}

export async function writeDayFrames(
  job: DayJob,
  sink: FrameSink,
  opts: WriteFramesOptions = {},
): Promise<void> {
  const tsxApi = opts.worker === false ? undefined : tsxApiUrl();
  if (!tsxApi) return writeFramesInThread(job, sink, opts.onProgress);
  return writeFramesInWorker(job, tsxApi, sink, opts.onProgress);
}
