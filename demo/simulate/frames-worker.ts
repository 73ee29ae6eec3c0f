/**
 * Worker thread side of writeDayFrames: builds the day and posts its frames
 * in batches (bodies transferred, not copied), waiting whenever the main
 * thread, which writes them, falls too far behind.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { RecordedPayload } from "../../adapters/recording/types";
import { demoDayFrames } from "./day";
import type { FramesJob, WorkerMessage } from "./frames-protocol";
import { MAX_BATCHES_AHEAD } from "./frames-protocol";
import { buildDemoWorld } from "./world";

const job = workerData as FramesJob;
const consumed = new Int32Array(job.consumed);
const port = parentPort!;

/** A body that owns its whole ArrayBuffer can be transferred; pooled slices are copied first. */
function ownBuffer(body: Uint8Array): Uint8Array {
  return body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : body.slice();
}

function post(msg: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(msg, transfer);
}

try {
  const world = buildDemoWorld({ seed: job.seed, date: job.date, timeZone: job.timeZone });
  let produced = 0;
  let batch: RecordedPayload[] = [];
  let batchStart = Number.NaN;
  const flush = () => {
    if (batch.length === 0) return;
    // Back-pressure: wait for the writer before running too far ahead of it.
    for (;;) {
      const done = Atomics.load(consumed, 0);
      if (produced - done < MAX_BATCHES_AHEAD) break;
      Atomics.wait(consumed, 0, done, 1000);
    }
    const frames = batch.map((f) => ({ ...f, body: ownBuffer(f.body) }));
    post(
      { type: "frames", frames },
      frames.map((f) => f.body.buffer as ArrayBuffer),
    );
    produced++;
    batch = [];
  };
  const slice = {
    fromS: job.fromS,
    toS: job.toS,
    feeds: job.feeds,
    onProgress: (doneS: number, fromS: number, toS: number) => post({ type: "progress", doneS, fromS, toS }),
  };
  for (const frame of demoDayFrames(world, slice)) {
    // One batch per poll round (the frames of one 30 s tick).
    const tick = Math.floor(frame.receivedAt / 30_000);
    if (tick !== batchStart) {
      flush();
      batchStart = tick;
    }
    batch.push(frame);
  }
  flush();
  post({ type: "done" });
} catch (e) {
  post({ type: "error", message: (e as Error).stack ?? String(e) });
}
