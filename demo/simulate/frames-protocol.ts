/** Messages between writeDayFrames and its worker (frames-worker.ts). */
import type { RecordedPayload } from "../../adapters/recording/types";

export interface FramesJob {
  seed: number;
  date: string;
  timeZone?: string;
  fromS?: number;
  toS?: number;
  feeds?: readonly string[];
  /** Int32 counter of batches the main thread has written (SharedArrayBuffer). */
  consumed: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: "frames"; frames: RecordedPayload[] }
  | { type: "progress"; doneS: number; fromS: number; toS: number }
  | { type: "done" }
  | { type: "error"; message: string };

/** Batches (one poll round each, ~1 MB) the worker may run ahead of the writer. */
export const MAX_BATCHES_AHEAD = 48;
